export { MemorySessionStore } from './memory-session.store.js';
export { RedisSessionStore, type RedisSessionOptions } from './redis-session.store.js';
export {
  ConversationBusyError,
  ConversationErasedError,
  SessionStore,
  type OpenTurn,
  type TurnClient,
  type TurnStart,
} from './session.store.js';
export {
  type ConversationState,
  type NewTurn,
  type SessionOptions,
  type StateUpdate,
  type Turn,
} from './session.types.js';
export { SessionsReadiness } from './sessions.health.js';
export {
  SessionsModule,
  createSessionStore,
  type SessionsModuleAsyncOptions,
  type SessionsModuleOptions,
} from './sessions.module.js';
