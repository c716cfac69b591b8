import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';

export const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/0';

/** A key prefix of this test run's own, so tests never touch other data. */
export function testPrefix(name: string): string {
  return `test:${name}:${randomUUID().slice(0, 8)}:`;
}

/** Removes every key under a prefix. */
export async function dropPrefix(prefix: string): Promise<number> {
  const redis = new Redis(REDIS_URL);
  try {
    let removed = 0;
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) removed += await redis.del(...keys);
    } while (cursor !== '0');
    return removed;
  } finally {
    redis.disconnect();
  }
}

export async function withRedis<T>(fn: (redis: Redis) => Promise<T>): Promise<T> {
  const redis = new Redis(REDIS_URL);
  try {
    return await fn(redis);
  } finally {
    redis.disconnect();
  }
}
