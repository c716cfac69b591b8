import { randomUUID } from 'node:crypto';
import { ConflictException, Logger } from '@nestjs/common';
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
  private readonly lockLogger = new Logger('SessionLock');
  /** The lock token of each conversation whose turn this process is running. */
  private readonly held = new Map<string, string>();

  constructor(protected readonly options: SessionOptions) {}

  /**
   * Runs one turn of a conversation at a time, across replicas: waits up to the configured time
   * for a turn already running, then refuses with a 409. While the lock is held, `saveTurn` for
   * this conversation saves only if the lock is still this turn's, so an erase (which drops the
   * lock) is final against the turn in flight. A store that is down does not stop the turn.
   */
  async withTurnLock<T>(sessionId: string, fn: () => Promise<T>): Promise<T> {
    const release = await this.lockTurn(sessionId);
    try {
      return await fn();
    } finally {
      await release();
    }
  }

  /** `withTurnLock` for code that cannot be a callback (a stream): call the release when done. */
  async lockTurn(sessionId: string): Promise<() => Promise<void>> {
    const token = randomUUID();
    const ttlMs = this.options.turnLockTtlMs ?? 60_000;
    const deadline = Date.now() + (this.options.turnLockWaitMs ?? 3_000);
    for (let wait = 20; ; wait = Math.min(wait * 2, 200)) {
      let got: boolean;
      try {
        got = await this.tryLock(sessionId, token, ttlMs);
      } catch (err) {
        this.lockLogger.warn(
          `turn lock unavailable, answering without it: ${(err as Error).message}`,
        );
        return () => Promise.resolve();
      }
      if (got) break;
      if (Date.now() + wait > deadline) {
        throw new ConflictException(
          'This conversation is still answering your previous message. Please wait for it and try again.',
        );
      }
      await new Promise((r) => setTimeout(r, wait));
    }
    this.held.set(sessionId, token);
    return async () => {
      if (this.held.get(sessionId) === token) this.held.delete(sessionId);
      await this.unlock(sessionId, token).catch(() => undefined);
    };
  }

  /** The token of the turn this process runs for the conversation, if it runs one. */
  protected heldLock(sessionId: string): string | undefined {
    return this.held.get(sessionId);
  }

  /** Takes the conversation's lock for the token unless another holds it. */
  protected abstract tryLock(sessionId: string, token: string, ttlMs: number): Promise<boolean>;

  /** Releases the lock if the token still holds it. */
  protected abstract unlock(sessionId: string, token: string): Promise<void>;

  /** The pending conversation state, or null when there is none. */
  abstract getState(sessionId: string): Promise<ConversationState | null>;

  /**
   * Appends a turn, applies the cap and refreshes the TTL in one round trip; returns its number.
   * Throws ConversationErasedError when the conversation was erased during the turn.
   */
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

  /** Nest calls this on the provider itself: the store closes with the app. */
  onApplicationShutdown(): Promise<void> {
    return this.close();
  }
}

/** The conversation was erased while the turn was running: the turn is not saved. */
export class ConversationErasedError extends Error {
  override readonly name = 'ConversationErasedError';
  constructor() {
    super('the conversation was erased during the turn');
  }
}
