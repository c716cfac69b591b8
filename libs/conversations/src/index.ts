export { MemoryConversations } from './memory-conversations.js';
export { RedisConversations, type RedisSessionOptions } from './redis-conversations.js';
export {
  ConversationBusyError,
  ConversationErasedError,
  Conversations,
  type OpenTurn,
  type TurnClient,
  type TurnStart,
} from './conversations.js';
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
  openConversations,
  type SessionsModuleAsyncOptions,
  type SessionsModuleOptions,
} from './sessions.module.js';
