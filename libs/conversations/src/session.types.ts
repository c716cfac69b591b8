import type { TurnDto } from '@bookstore/contracts';

/**
 * One exchange as stored: the wire's TurnDto (numbered per session so feedback can name it after
 * older turns expire; its answer parts kept with it, so a reload shows them).
 */
export type Turn = TurnDto;

export type NewTurn = Omit<Turn, 'turn' | 'rating'>;

/** Conversation state beside the turns (pending slots and the like), opaque to the store. */
export type ConversationState = Readonly<Record<string, unknown>>;

/** What to do with the state when a turn is saved. */
export type StateUpdate = { set: ConversationState } | { clear: true } | { keep: true };

export interface SessionOptions {
  /** Key prefix in Redis: `chat:` gives `chat:{session_id}`. */
  prefix: string;
  /** Turns kept per session; older ones are dropped. */
  maxTurns: number;
  /** Idle lifetime of a conversation, refreshed on each turn. */
  ttlSeconds: number;
  /** How long one turn may hold its conversation's lock (longer than the slowest turn). */
  turnLockTtlMs?: number;
  /** How long a turn waits for the one before it before it is refused with a 409. */
  turnLockWaitMs?: number;
  /**
   * New conversations one client (address, IPv6 /64) may start per `ttlSeconds` window, so one
   * client cannot fill Redis (memory is bounded by its own cap); 0 or unset: no bound.
   */
  maxNewPerClient?: number;
}
