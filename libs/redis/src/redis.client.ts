import { Redis, type RedisOptions } from 'ioredis';

export interface RedisClientOptions {
  url: string;
  commandTimeoutMs: number;
  /** Shown by `CLIENT LIST`, so an operator can tell which service holds a connection. */
  connectionName?: string;
}

/**
 * The one way this house connects to Redis. Fail fast on the request path: no queue piling up
 * while disconnected, no retries per command, and a bounded reconnect backoff so recovery needs
 * no restart.
 */
export function createRedisClient(options: RedisClientOptions, extra: RedisOptions = {}): Redis {
  return new Redis(options.url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: options.commandTimeoutMs,
    connectTimeout: 2_000,
    retryStrategy: (times) => Math.min(100 * 2 ** Math.min(times, 5), 2_000),
    ...(options.connectionName && { connectionName: options.connectionName }),
    ...extra,
  });
}
