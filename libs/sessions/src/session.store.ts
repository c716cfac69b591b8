import type { Rating } from '@bookstore/contracts';
import type {
  ConversationState,
  NewTurn,
  SessionOptions,
  StateUpdate,
  Turn,
} from './session.types.js';

/**
 * Where conversations live. The abstract class is the DI token: consumers inject `SessionStore`
 * and never know whether Redis or memory is behind it.
 */
export abstract class SessionStore {
  abstract readonly kind: 'redis' | 'memory';

  constructor(protected readonly options: SessionOptions) {}

  /** The pending conversation state, or null when there is none. */
  abstract getState(sessionId: string): Promise<ConversationState | null>;

  /** Appends a turn, applies the cap and refreshes the TTL in one round trip; returns its number. */
  abstract saveTurn(sessionId: string, turn: NewTurn, state: StateUpdate): Promise<number>;

  /** Stored turns, oldest first, with their feedback. */
  abstract history(sessionId: string): Promise<Turn[]>;

  /** Records feedback on a stored turn (null clears it); false when no such turn is stored. */
  abstract rate(sessionId: string, turn: number, rating: Rating | null): Promise<boolean>;

  /** Erases the conversation: turns, state and feedback. */
  abstract delete(sessionId: string): Promise<void>;

  /** Throws when the store cannot serve requests. */
  abstract ping(): Promise<void>;

  abstract close(): Promise<void>;
}
