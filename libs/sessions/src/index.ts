export { MemorySessionStore } from './memory-session.store.js';
export { RedisSessionStore, type RedisSessionOptions } from './redis-session.store.js';
export { SessionStore } from './session.store.js';
export {
  RATINGS,
  type ConversationState,
  type NewTurn,
  type Rating,
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
