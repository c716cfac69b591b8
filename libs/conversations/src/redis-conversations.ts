import type { Rating } from '@bookstore/contracts';
import { Logger } from '@nestjs/common';
import type { Redis, RedisOptions } from 'ioredis';
import { createRedisClient } from '@bookstore/redis';
import {
  ConversationBusyError,
  ConversationErasedError,
  Conversations,
  tooManyConversations,
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

export interface RedisSessionOptions extends SessionOptions {
  /** The app's shared connection (closed by its owner), or a URL to open one of its own. */
  client?: Redis;
  url?: string;
  /** A command that takes longer fails, so a hung Redis cannot hold up an answer. */
  commandTimeoutMs: number;
  /** Told when Redis starts or stops refusing writes for lack of memory (for a metric). */
  onFull?: (full: boolean) => void;
}

// Redis's answer to a write past maxmemory under `noeviction`.
const OUT_OF_MEMORY = /\bOOM\b/;

// Takes the turn's lock and reads what the turn starts from: the state and the last ARGV[3] turns.
// A conversation not stored yet first counts against its client's budget (KEYS[5], ARGV[4] new
// conversations per ARGV[5] seconds; 'over' past it), unless ARGV[4] is 0.
const BEGIN_TURN = `
if redis.call('EXISTS', KEYS[1]) == 1 then return false end
local budget = tonumber(ARGV[4])
if budget > 0 and redis.call('EXISTS', KEYS[4]) == 0 then
  local started = redis.call('INCR', KEYS[5])
  if started == 1 then redis.call('EXPIRE', KEYS[5], ARGV[5]) end
  if started > budget then return 'over' end
end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
local n = tonumber(ARGV[3])
local recent = {}
if n > 0 then recent = redis.call('LRANGE', KEYS[2], -n, -1) end
return {redis.call('GET', KEYS[3]) or '', recent}`;

// Numbers the turn, appends, caps, refreshes every key's TTL and updates the state atomically;
// with a lock token (ARGV[6]), only while that token still holds the lock (KEYS[5]), which it
// then releases: an erase drops the lock, so a turn that was running then saves nothing. Without
// a token, only while no turn holds the lock (-2).
const SAVE_TURN = `
if ARGV[6] ~= '' then
  if redis.call('GET', KEYS[5]) ~= ARGV[6] then return -1 end
  redis.call('DEL', KEYS[5])
elseif redis.call('EXISTS', KEYS[5]) == 1 then
  return -2
end
local n = redis.call('INCR', KEYS[2])
redis.call('RPUSH', KEYS[1], '{"turn":' .. n .. ',' .. ARGV[1])
redis.call('LTRIM', KEYS[1], -tonumber(ARGV[2]), -1)
local ttl = tonumber(ARGV[3])
redis.call('EXPIRE', KEYS[1], ttl)
redis.call('EXPIRE', KEYS[2], ttl)
if ARGV[4] == 'set' then
  redis.call('SET', KEYS[3], ARGV[5], 'EX', ttl)
elseif ARGV[4] == 'clear' then
  redis.call('DEL', KEYS[3])
else
  redis.call('EXPIRE', KEYS[3], ttl)
end
redis.call('EXPIRE', KEYS[4], ttl)
return n`;

// Feedback only for a turn still in the list; it expires with the conversation.
const RATE_TURN = `
local last = tonumber(redis.call('GET', KEYS[2]) or '0')
local len = redis.call('LLEN', KEYS[1])
local t = tonumber(ARGV[1])
if t < 1 or t > last or t <= last - len then return 0 end
if ARGV[2] == '' then redis.call('HDEL', KEYS[4], ARGV[1]) else redis.call('HSET', KEYS[4], ARGV[1], ARGV[2]) end
local ttl = redis.call('TTL', KEYS[1])
if ttl > 0 then redis.call('EXPIRE', KEYS[4], ttl) end
return 1`;

const UNLOCK = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

type Scripted = Redis & {
  beginTurn(...args: (string | number)[]): Promise<[string, string[]] | 'over' | null>;
  unlockTurn(...args: (string | number)[]): Promise<number>;
  saveTurn(...args: (string | number)[]): Promise<number>;
  rateTurn(...args: (string | number)[]): Promise<number>;
};

/** Conversations in Redis: shared by every replica, kept for the TTL, each write one round trip. */
export class RedisConversations extends Conversations {
  readonly kind = 'redis';
  private readonly logger = new Logger('RedisConversations');
  private readonly redis: Scripted;
  private readonly owned: boolean;
  private readonly onFull: (full: boolean) => void;
  private lastErrorLog = 0;
  private isFull = false;

  constructor(options: RedisSessionOptions, extra: RedisOptions = {}) {
    super(options);
    if (!options.client && !options.url)
      throw new Error('RedisConversations needs a client or a url');
    this.owned = !options.client;
    this.onFull = options.onFull ?? (() => undefined);
    this.redis = (options.client ??
      createRedisClient(
        { url: options.url!, commandTimeoutMs: options.commandTimeoutMs },
        extra,
      )) as Scripted;
    this.redis.on('error', (err: Error) => this.logThrottled(`redis: ${err.message}`));
    this.redis.defineCommand('beginTurn', { numberOfKeys: 5, lua: BEGIN_TURN });
    this.redis.defineCommand('saveTurn', { numberOfKeys: 5, lua: SAVE_TURN });
    this.redis.defineCommand('unlockTurn', { numberOfKeys: 1, lua: UNLOCK });
    this.redis.defineCommand('rateTurn', { numberOfKeys: 4, lua: RATE_TURN });
  }

  /** Resolves once connected, or after the timeout: a Redis that is down must not block boot. */
  async ready(timeoutMs: number): Promise<boolean> {
    if (this.redis.status === 'ready') return true;
    return new Promise((resolve) => {
      const done = (ok: boolean) => {
        clearTimeout(timer);
        this.redis.off('ready', onReady);
        resolve(ok);
      };
      const onReady = () => done(true);
      const timer = setTimeout(() => done(false), timeoutMs);
      this.redis.once('ready', onReady);
    });
  }

  protected async saveLocked(
    sessionId: string,
    token: string | undefined,
    turn: NewTurn,
    update: StateUpdate,
  ): Promise<number> {
    const body = JSON.stringify(turn).slice(1);
    const [mode, state] =
      'set' in update
        ? ['set', JSON.stringify(update.set)]
        : 'clear' in update
          ? ['clear', '']
          : ['keep', ''];
    const n = await this.writing(() =>
      this.redis.saveTurn(
        ...this.keys(sessionId),
        this.lockKey(sessionId),
        body,
        this.options.maxTurns,
        this.options.ttlSeconds,
        mode,
        state,
        token ?? '',
      ),
    );
    if (Number(n) === -1) throw new ConversationErasedError();
    if (Number(n) === -2) throw new ConversationBusyError();
    return Number(n);
  }

  async history(sessionId: string): Promise<Turn[]> {
    const [list, , , feedback] = this.keys(sessionId);
    const results = await this.redis.multi().lrange(list, 0, -1).hgetall(feedback).exec();
    if (!results) throw new Error('redis: history transaction aborted');
    const [[e1, raw], [e2, ratings]] = results as [
      [Error | null, string[]],
      [Error | null, Record<string, string>],
    ];
    const failed = e1 ?? e2;
    if (failed) throw failed;
    // A line that is not a turn is left out rather than failing the whole history.
    return raw.flatMap((line) => {
      const turn = readStoredTurn(parsed(line));
      if (!turn) return [];
      const rating = ratings[String(turn.turn)];
      return [rating === 'up' || rating === 'down' ? { ...turn, rating } : turn];
    });
  }

  async rate(sessionId: string, turn: number, rating: Rating | null): Promise<boolean> {
    return (await this.redis.rateTurn(...this.keys(sessionId), turn, rating ?? '')) === 1;
  }

  async delete(sessionId: string): Promise<void> {
    await this.redis.del(...this.keys(sessionId), this.lockKey(sessionId));
  }

  /**
   * Readiness: a tiny write that expires, not a PING, so a Redis that answers but refuses writes
   * (full under noeviction, or a read-only replica) is not taken for a working one.
   */
  async ping(): Promise<void> {
    if (this.redis.status !== 'ready') throw new Error(`redis is ${this.redis.status}`);
    await this.writing(() => this.redis.set(this.ownKey('ready-probe'), '1', 'PX', 5_000));
  }

  /** True while Redis refuses writes for lack of memory: turns are answered but not saved. */
  override get full(): boolean {
    return this.isFull;
  }

  async close(): Promise<void> {
    if (this.owned) this.redis.disconnect();
    return Promise.resolve();
  }

  protected async tryBegin(
    sessionId: string,
    token: string,
    ttlMs: number,
    recentTurns: number,
    clientKey?: string,
  ): Promise<TurnStart | null> {
    const [list, seq, stateKey] = this.keys(sessionId);
    const budget = clientKey === undefined ? 0 : (this.options.maxNewPerClient ?? 0);
    const got = await this.writing(() =>
      this.redis.beginTurn(
        this.lockKey(sessionId),
        list,
        stateKey,
        seq,
        this.ownKey(`client:${clientKey ?? ''}`),
        token,
        ttlMs,
        recentTurns,
        budget,
        this.options.ttlSeconds,
      ),
    );
    if (got === 'over') throw tooManyConversations();
    if (!got) return null;
    const [state, recent] = got;
    // What does not parse is dropped, not thrown: the lock is taken by now and must stay this turn's.
    return {
      state: (parsed(state) as ConversationState | undefined) ?? null,
      recent: recent.map(parsed).filter((t): t is Turn => typeof t === 'object' && t !== null),
    };
  }

  protected async unlock(sessionId: string, token: string): Promise<void> {
    await this.redis.unlockTurn(this.lockKey(sessionId), token);
  }

  /** Runs a write, noting whether Redis took it or refused it for lack of memory. */
  private async writing<T>(write: () => Promise<T>): Promise<T> {
    try {
      const result = await write();
      this.setFull(false);
      return result;
    } catch (err) {
      if (OUT_OF_MEMORY.test((err as Error).message)) this.setFull(true);
      throw err;
    }
  }

  private setFull(full: boolean): void {
    if (full === this.isFull) return;
    this.isFull = full;
    this.onFull(full);
    if (full) this.logger.error('redis is full (maxmemory): conversations are not being saved');
    else this.logger.log('redis takes writes again: conversations are saved');
  }

  /** A key of the store's own: the colon after the prefix is never in a session id. */
  private ownKey(name: string): string {
    return `${this.options.prefix}:${name}`;
  }

  private lockKey(sessionId: string): string {
    return `${this.options.prefix}${sessionId}:lock`;
  }

  private keys(sessionId: string): [string, string, string, string] {
    const base = this.options.prefix + sessionId;
    return [base, `${base}:seq`, `${base}:state`, `${base}:feedback`];
  }

  private logThrottled(message: string): void {
    const now = Date.now();
    if (now - this.lastErrorLog < 5_000) return;
    this.lastErrorLog = now;
    this.logger.warn(message);
  }
}

function parsed(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
