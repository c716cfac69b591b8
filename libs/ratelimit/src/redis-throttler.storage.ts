import { Logger, type OnApplicationShutdown } from '@nestjs/common';
import { ThrottlerStorageService, type ThrottlerStorage } from '@nestjs/throttler';
import type { Redis } from 'ioredis';
import { createRedisClient } from '@bookstore/redis';

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

// Counts a hit, starts the window on the first one, and blocks once the limit is passed. Every
// key it writes expires, so the counters stay bounded and never crowd out conversations.
const HIT = `
local hits = redis.call('INCR', KEYS[1])
if hits == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) ttl = tonumber(ARGV[1]) end
local blocked = redis.call('PTTL', KEYS[2])
if hits > tonumber(ARGV[2]) and blocked < 0 then
  redis.call('SET', KEYS[2], '1', 'PX', ARGV[3])
  blocked = tonumber(ARGV[3])
end
return {hits, ttl, blocked}`;

type Scripted = Redis & { hit(...args: (string | number)[]): Promise<[number, number, number]> };

/** After Redis fails, count in this process for this long before asking Redis again. */
const FALLBACK_MS = 5_000;

/**
 * Rate-limit counters in Redis, so every replica counts the same client. When Redis is down or
 * slow the counting falls back to this process (a limit per replica rather than none), and
 * `degraded` says so for readiness and the metric.
 */
export class RedisThrottlerStorage implements ThrottlerStorage, OnApplicationShutdown {
  private readonly logger = new Logger('RateLimit');
  private readonly redis: Scripted;
  private readonly local = new ThrottlerStorageService();
  private lastWarning = 0;
  private fallbackUntil = 0;

  private readonly owned: boolean;

  /** `redis`: the app's shared connection (closed by its owner), or a URL to open one. */
  constructor(
    redis: Redis | string,
    private readonly prefix: string,
    commandTimeoutMs: number,
    private readonly onModeChange: (degraded: boolean) => void = () => undefined,
  ) {
    this.owned = typeof redis === 'string';
    this.redis = (
      typeof redis === 'string' ? createRedisClient({ url: redis, commandTimeoutMs }) : redis
    ) as Scripted;
    this.redis.on('error', (err: Error) => this.warn(`redis: ${err.message}`));
    this.redis.defineCommand('hit', { numberOfKeys: 2, lua: HIT });
  }

  /** True while counts are kept per process because Redis failed. */
  get degraded(): boolean {
    return this.redis.status !== 'ready' || Date.now() < this.fallbackUntil;
  }

  async increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
  ): Promise<ThrottlerStorageRecord> {
    if (!this.degraded) {
      const base = `${this.prefix}${throttlerName}:${key}`;
      try {
        const [hits, ttlMs, blockedMs] = await this.redis.hit(
          base,
          `${base}:blocked`,
          ttl,
          limit,
          blockDuration,
        );
        this.onModeChange(false);
        return {
          totalHits: hits,
          timeToExpire: Math.max(0, Math.ceil(ttlMs / 1000)),
          isBlocked: blockedMs > 0,
          timeToBlockExpire: Math.max(0, Math.ceil(blockedMs / 1000)),
        };
      } catch (err) {
        this.fallbackUntil = Date.now() + FALLBACK_MS;
        this.warn(`redis failed, counting in this process: ${(err as Error).message}`);
      }
    }
    this.onModeChange(true);
    return this.local.increment(key, ttl, limit, blockDuration, throttlerName);
  }

  onApplicationShutdown(): void {
    if (this.owned) this.redis.disconnect();
    this.local.onApplicationShutdown();
  }

  private warn(message: string): void {
    if (Date.now() - this.lastWarning < 5_000) return;
    this.lastWarning = Date.now();
    this.logger.warn(message);
  }
}
