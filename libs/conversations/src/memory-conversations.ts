import type { Rating } from '@bookstore/contracts';
import {
  ConversationBusyError,
  ConversationErasedError,
  Conversations,
  type TurnStart,
} from './conversations.js';
import { readStoredTurn } from './stored-turn.js';
import type {
  ConversationState,
  NewTurn,
  SessionOptions,
  StateUpdate,
  Turn,
} from './session.types.js';

interface Entry {
  turns: Turn[];
  seq: number;
  state: ConversationState | null;
  expiresAt: number;
}

/** Sessions kept at most; the least recently used go first so memory stays bounded. */
const MAX_SESSIONS = 10_000;

/** The embedded default: one process, same cap and TTL as Redis, gone on restart. */
export class MemoryConversations extends Conversations {
  readonly kind = 'memory';
  private readonly sessions = new Map<string, Entry>();
  private readonly locks = new Map<string, { token: string; expiresAt: number }>();

  constructor(
    options: SessionOptions,
    private readonly now: () => number = Date.now,
  ) {
    super(options);
  }

  protected saveLocked(
    sessionId: string,
    token: string | undefined,
    turn: NewTurn,
    update: StateUpdate,
  ): Promise<number> {
    const lock = this.liveLock(sessionId);
    if (token !== undefined) {
      if (lock !== token) return Promise.reject(new ConversationErasedError());
      this.locks.delete(sessionId);
    } else if (lock !== undefined) {
      return Promise.reject(new ConversationBusyError());
    }
    const entry = this.live(sessionId) ?? { turns: [], seq: 0, state: null, expiresAt: 0 };
    entry.seq += 1;
    entry.turns.push({ turn: entry.seq, ...turn });
    if (entry.turns.length > this.options.maxTurns) {
      entry.turns.splice(0, entry.turns.length - this.options.maxTurns);
    }
    if ('set' in update) entry.state = update.set;
    else if ('clear' in update) entry.state = null;
    entry.expiresAt = this.now() + this.options.ttlSeconds * 1000;
    this.sessions.delete(sessionId);
    this.sessions.set(sessionId, entry);
    if (this.sessions.size > MAX_SESSIONS) {
      this.sessions.delete(this.sessions.keys().next().value as string);
    }
    return Promise.resolve(entry.seq);
  }

  history(sessionId: string): Promise<Turn[]> {
    // Read as Redis reads: copies, their parts checked and bounded the same way.
    const turns = (this.live(sessionId)?.turns ?? []).map(readStoredTurn);
    return Promise.resolve(turns.filter((t): t is Turn => t !== null));
  }

  rate(sessionId: string, turn: number, rating: Rating | null): Promise<boolean> {
    const stored = this.live(sessionId)?.turns.find((t) => t.turn === turn);
    if (stored && rating) stored.rating = rating;
    else if (stored) delete stored.rating;
    return Promise.resolve(stored !== undefined);
  }

  delete(sessionId: string): Promise<void> {
    this.sessions.delete(sessionId);
    this.locks.delete(sessionId);
    return Promise.resolve();
  }

  ping(): Promise<void> {
    return Promise.resolve();
  }

  close(): Promise<void> {
    this.sessions.clear();
    return Promise.resolve();
  }

  protected tryBegin(
    sessionId: string,
    token: string,
    ttlMs: number,
    recentTurns: number,
  ): Promise<TurnStart | null> {
    if (this.liveLock(sessionId) !== undefined) return Promise.resolve(null);
    this.locks.set(sessionId, { token, expiresAt: this.now() + ttlMs });
    const entry = this.live(sessionId);
    const recent = recentTurns > 0 ? (entry?.turns.slice(-recentTurns) ?? []) : [];
    return Promise.resolve({
      state: entry?.state ?? null,
      recent: recent.map(({ rating: _rating, ...t }) => t),
    });
  }

  protected unlock(sessionId: string, token: string): Promise<void> {
    if (this.locks.get(sessionId)?.token === token) this.locks.delete(sessionId);
    return Promise.resolve();
  }

  private liveLock(sessionId: string): string | undefined {
    const lock = this.locks.get(sessionId);
    if (lock && lock.expiresAt <= this.now()) {
      this.locks.delete(sessionId);
      return undefined;
    }
    return lock?.token;
  }

  private live(sessionId: string): Entry | undefined {
    const entry = this.sessions.get(sessionId);
    if (entry && entry.expiresAt <= this.now()) {
      this.sessions.delete(sessionId);
      return undefined;
    }
    return entry;
  }
}
