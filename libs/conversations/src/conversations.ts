import { randomUUID } from 'node:crypto';
import { ConflictException, HttpException, HttpStatus, Logger } from '@nestjs/common';
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
  /**
   * Saves the turn with this turn's own lock token, releasing the lock; returns its number. Throws
   * ConversationErasedError when the lock is no longer this turn's (the conversation was erased
   * meanwhile), and refuses outright for a turn that opened without its lock.
   */
  readonly save: (turn: NewTurn, state: StateUpdate) => Promise<number>;
  /** Frees the conversation for its next turn (a no-op once `save` did). */
  readonly release: () => Promise<void>;
}

/** What one client (an address, an IPv6 /64) may start; see `beginTurn`. */
export interface TurnClient {
  /** The client's limit key (`addressKey` of its address). */
  key: string;
}

/** Locks whose turn never learnt whether it got them, released again until one attempt lands. */
const MAX_ORPHANS = 10_000;
const ORPHAN_RETRY_MS = 250;

/**
 * Where conversations live. The abstract class is the DI token: consumers inject `Conversations`
 * and never know whether Redis or memory is behind it.
 */
export abstract class Conversations {
  abstract readonly kind: 'redis' | 'memory';
  private readonly lockLogger = new Logger('SessionLock');
  /** Lock tokens to release once the store answers again, with when their lock expires anyway. */
  private readonly orphans = new Map<string, { sessionId: string; token: string; until: number }>();
  private orphanTimer?: NodeJS.Timeout;

  constructor(protected readonly options: SessionOptions) {}

  /**
   * Opens one turn of a conversation, one at a time across replicas: takes the conversation's lock
   * and reads its state and last `recentTurns` turns in the same round trip. Waits up to the
   * configured time for a turn already running, then refuses with a 409. The lock token belongs to
   * the returned turn: its `save` saves only if the lock is still that token's (an erase drops the
   * lock, so it is final against the turn in flight) and releases the lock as it saves. A store
   * that is down does not stop the turn: it runs without memory, unlocked and unsaved, and the lock
   * it may still have taken late (a command that timed out here can run later in Redis) is released
   * as soon as the store answers again. With `client`, a new conversation counts against the
   * client's budget of conversations (`maxNewPerClient`): past it, a 429.
   */
  async beginTurn(sessionId: string, recentTurns = 0, client?: TurnClient): Promise<OpenTurn> {
    const token = randomUUID();
    const ttlMs = this.options.turnLockTtlMs ?? 60_000;
    const deadline = Date.now() + (this.options.turnLockWaitMs ?? 3_000);
    let opened: TurnStart | null;
    for (let wait = 20; ; wait = Math.min(wait * 2, 200)) {
      try {
        opened = await this.tryBegin(sessionId, token, ttlMs, recentTurns, client?.key);
      } catch (err) {
        if (err instanceof HttpException) throw err;
        this.lockLogger.warn(
          `conversation unavailable, answering without its memory or lock: ${(err as Error).message}`,
        );
        this.releaseLater(sessionId, token, ttlMs);
        return {
          state: null,
          recent: [],
          save: () =>
            Promise.reject(new Error('the turn ran without its conversation (store down)')),
          release: () => Promise.resolve(),
        };
      }
      if (opened) break;
      if (Date.now() + wait > deadline) {
        throw new ConflictException(
          'This conversation is still answering your previous message. Please wait for it and try again.',
        );
      }
      await new Promise((r) => setTimeout(r, wait));
    }
    let open = true;
    return {
      ...opened,
      save: async (turn, state) => {
        const n = await this.saveLocked(sessionId, token, turn, state);
        open = false;
        return n;
      },
      release: async () => {
        // Saving released it already: no round trip.
        if (!open) return;
        open = false;
        await this.unlock(sessionId, token).catch(() => this.releaseLater(sessionId, token, ttlMs));
      },
    };
  }

  /**
   * Appends a turn outside any open turn (imports, tests): refused with ConversationBusyError
   * while a turn holds the conversation, never saved past its lock. Turns save with `OpenTurn.save`.
   */
  saveTurn(sessionId: string, turn: NewTurn, state: StateUpdate): Promise<number> {
    return this.saveLocked(sessionId, undefined, turn, state);
  }

  /**
   * Takes the conversation's lock for the token unless another holds it, and reads the state and
   * the last `recentTurns` turns with it; null when another turn holds the lock. With a client key,
   * a conversation not stored yet counts against that client's budget first (429 past it).
   */
  protected abstract tryBegin(
    sessionId: string,
    token: string,
    ttlMs: number,
    recentTurns: number,
    clientKey?: string,
  ): Promise<TurnStart | null>;

  /** Releases the lock if the token still holds it. */
  protected abstract unlock(sessionId: string, token: string): Promise<void>;

  /**
   * Appends a turn, applies the cap and refreshes the TTL in one round trip; returns its number.
   * With a token: only while that token holds the lock, which it releases (else
   * ConversationErasedError). Without: only while no turn holds it (else ConversationBusyError).
   */
  protected abstract saveLocked(
    sessionId: string,
    token: string | undefined,
    turn: NewTurn,
    state: StateUpdate,
  ): Promise<number>;

  /** Keeps releasing the token's lock, off the request path, until the store takes the release. */
  private releaseLater(sessionId: string, token: string, ttlMs: number): void {
    if (this.orphans.size >= MAX_ORPHANS) {
      this.orphans.delete(this.orphans.keys().next().value as string);
    }
    this.orphans.set(token, { sessionId, token, until: Date.now() + ttlMs });
    this.orphanTimer ??= setTimeout(() => void this.releaseOrphans(), 0);
  }

  private async releaseOrphans(): Promise<void> {
    const now = Date.now();
    // Past its expiry a lock is gone by itself.
    for (const [token, { until }] of this.orphans) if (until <= now) this.orphans.delete(token);
    const [first, ...rest] = this.orphans.values();
    // One release first: while the store is still unreachable the others would only fail too.
    if (first && (await this.releaseOrphan(first))) {
      await Promise.all(rest.map((orphan) => this.releaseOrphan(orphan)));
    }
    this.orphanTimer =
      this.orphans.size > 0
        ? setTimeout(() => void this.releaseOrphans(), ORPHAN_RETRY_MS).unref()
        : undefined;
  }

  private async releaseOrphan({ sessionId, token }: { sessionId: string; token: string }) {
    try {
      await this.unlock(sessionId, token);
      this.orphans.delete(token);
      return true;
    } catch {
      return false;
    }
  }

  /** Stored turns, oldest first, with their feedback. */
  abstract history(sessionId: string): Promise<Turn[]>;

  /** Records feedback on a stored turn (null clears it); false when no such turn is stored. */
  abstract rate(sessionId: string, turn: number, rating: Rating | null): Promise<boolean>;

  /** Erases the conversation: turns, state and feedback. */
  abstract delete(sessionId: string): Promise<void>;

  /** Throws when the store cannot serve requests (take writes, for Redis). */
  abstract ping(): Promise<void>;

  /** True while the store refuses writes for lack of memory (Redis under noeviction). */
  get full(): boolean {
    return false;
  }

  abstract close(): Promise<void>;

  /** Nest calls this on the provider itself: the store closes with the app. */
  onApplicationShutdown(): Promise<void> {
    clearTimeout(this.orphanTimer);
    this.orphans.clear();
    return this.close();
  }
}

/** A client past its budget of new conversations (`maxNewPerClient`). */
export function tooManyConversations(): HttpException {
  return new HttpException(
    'Too many new conversations from your network. Please continue one you have, or try again later.',
    HttpStatus.TOO_MANY_REQUESTS,
  );
}

/** A save outside any turn while a turn holds the conversation: not saved. */
export class ConversationBusyError extends Error {
  override readonly name = 'ConversationBusyError';
  constructor() {
    super('a turn of the conversation is running');
  }
}

/** The conversation was erased while the turn was running: the turn is not saved. */
export class ConversationErasedError extends Error {
  override readonly name = 'ConversationErasedError';
  constructor() {
    super('the conversation was erased during the turn');
  }
}
