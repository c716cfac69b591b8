import { type DynamicModule, type FactoryProvider, Injectable, Module } from '@nestjs/common';
import { ThrottlerGuard, ThrottlerModule, ThrottlerStorageService } from '@nestjs/throttler';
import type { Request } from 'express';
import { RedisThrottlerStorage } from './redis-throttler.storage.js';

export interface RateLimitOptions {
  /** Requests per minute per client (or per session); 0 turns the limit off. */
  perMinute: number;
  /** Who is counted: the client address, or the chat session when the body names one. */
  by: 'client' | 'session';
  /** Set: counters in Redis, shared by every replica. Unset: per process. */
  redisUrl?: string;
  keyPrefix: string;
}

export interface RateLimitAsyncOptions {
  inject?: FactoryProvider['inject'];
  useFactory: (...args: never[]) => RateLimitOptions;
}

const OPTIONS = Symbol('RATE_LIMIT_OPTIONS');
const MESSAGE = 'Too many requests. Please wait a moment and try again.';

/** The session in the body when there is one (the chatbot's callers are all the gateway). */
function sessionOrClient(req: Request): string {
  const body = req.body as { session_id?: unknown } | undefined;
  return typeof body?.session_id === 'string' ? `session:${body.session_id}` : `client:${req.ip}`;
}

/** Apply with `@UseGuards(RateLimitGuard)` on the routes shoppers hit; 429 with Retry-After. */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {}

@Module({})
export class RateLimitModule {
  static forRootAsync(options: RateLimitAsyncOptions): DynamicModule {
    const optionsProvider = {
      provide: OPTIONS,
      useFactory: options.useFactory,
      inject: options.inject ?? [],
    };
    const storageProvider = {
      provide: RedisThrottlerStorage,
      useFactory: (o: RateLimitOptions) =>
        o.redisUrl
          ? new RedisThrottlerStorage(o.redisUrl, o.keyPrefix, 300)
          : new ThrottlerStorageService(),
      inject: [OPTIONS],
    };
    const core = {
      module: class RateLimitCoreModule {},
      providers: [optionsProvider, storageProvider],
      exports: [OPTIONS, RedisThrottlerStorage],
    };
    return {
      module: RateLimitModule,
      imports: [
        ThrottlerModule.forRootAsync({
          imports: [core],
          inject: [OPTIONS, RedisThrottlerStorage],
          useFactory: (o: RateLimitOptions, storage: RedisThrottlerStorage) => ({
            throttlers: [{ name: 'default', ttl: 60_000, limit: Math.max(o.perMinute, 1) }],
            storage,
            errorMessage: MESSAGE,
            skipIf: () => o.perMinute === 0,
            getTracker: (req: Record<string, unknown>) =>
              o.by === 'session'
                ? sessionOrClient(req as unknown as Request)
                : `client:${String(req.ip)}`,
          }),
        }),
      ],
      providers: [RateLimitGuard],
      exports: [ThrottlerModule, RateLimitGuard],
    };
  }
}
