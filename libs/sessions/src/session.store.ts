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

/** What a turn starts from. */
export interface TurnStart {
  /** The pending conversation state, or null when there is none. */
  state: ConversationState | null;
  /** The last turns asked for, oldest first, without feedback. */
  recent: Turn[];
}

/** A turn opened by `beginTurn`: its starting point and how to close it. */
export interface OpenTurn extends TurnStart {
  /** Frees the conversation for its next turn (a no-op once `saveTurn` did). */
  readonly release: () => Promise<void>;
}

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
   * Opens one turn of a conversation, one at a time across replicas: takes the conversation's lock
   * and reads its state and last `recentTurns` turns in the same round trip. Waits up to the
   * configured time for a turn already running, then refuses with a 409. While the turn is open,
   * `saveTurn` saves only if the lock is still this turn's (an erase drops the lock, so it is final
   * against the turn in flight) and releases the lock as it saves. A store that is down does not
   * stop the turn: it runs without memory and unlocked.
   */
  async beginTurn(sessionId: string, recentTurns = 0): Promise<OpenTurn> {
    const token = randomUUID();
    const ttlMs = this.options.turnLockTtlMs ?? 60_000;
    const deadline = Date.now() + (this.options.turnLockWaitMs ?? 3_000);
    let opened: TurnStart | null;
    for (let wait = 20; ; wait = Math.min(wait * 2, 200)) {
      try {
        opened = await this.tryBegin(sessionId, token, ttlMs, recentTurns);
      } catch (err) {
        this.lockLogger.warn(
          `conversation unavailable, answering without its memory or lock: ${(err as Error).message}`,
        );
        return { state: null, recent: [], release: () => Promise.resolve() };
      }
      if (opened) break;
      if (Date.now() + wait > deadline) {
        throw new ConflictException(
          'This conversation is still answering your previous message. Please wait for it and try again.',
        );
      }
      await new Promise((r) => setTimeout(r, wait));
    }
    this.held.set(sessionId, token);
    return {
      ...opened,
      release: async () => {
        // Saving released it already: no round trip.
        if (this.held.get(sessionId) !== token) return;
        this.held.delete(sessionId);
        await this.unlock(sessionId, token).catch(() => undefined);
      },
    };
  }

  /** The token of the turn this process runs for the conversation, if it runs one. */
  protected heldLock(sessionId: string): string | undefined {
    return this.held.get(sessionId);
  }

  /** Called once a save released the lock: the turn's own release has nothing left to do. */
  protected released(sessionId: string, token: string): void {
    if (this.held.get(sessionId) === token) this.held.delete(sessionId);
  }

  /**
   * Takes the conversation's lock for the token unless another holds it, and reads the state and
   * the last `recentTurns` turns with it; null when another turn holds the lock.
   */
  protected abstract tryBegin(
    sessionId: string,
    token: string,
    ttlMs: number,
    recentTurns: number,
  ): Promise<TurnStart | null>;

  /** Releases the lock if the token still holds it. */
  protected abstract unlock(sessionId: string, token: string): Promise<void>;

  /**
   * Appends a turn, applies the cap and refreshes the TTL in one round trip; returns its number.
   * Inside an open turn it also releases the turn's lock, and throws ConversationErasedError when
   * the conversation was erased during the turn.
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
