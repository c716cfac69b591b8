import {
  type ConfigurableModuleAsyncOptions,
  ConfigurableModuleBuilder,
  type DynamicModule,
  type ExecutionContext,
  Injectable,
  Module,
} from '@nestjs/common';
import { ThrottlerGuard, ThrottlerModule, ThrottlerStorageService } from '@nestjs/throttler';
import { clientKey, isServiceCall } from '@bookstore/http';
import { getToken, makeGaugeProvider } from '@willsoto/nestjs-prometheus';
import type { Request } from 'express';
import type { Redis } from 'ioredis';
import type { Gauge } from 'prom-client';
import { RedisThrottlerStorage } from './redis-throttler.storage.js';

export interface RateLimitOptions {
  /** Requests per minute per client (or per session); 0 turns the limit off. */
  perMinute: number;
  /** Who is counted: the client address, or the chat session when the body names one. */
  by: 'client' | 'session';
  /** The app's shared Redis connection: counters shared by every replica. Null: per process. */
  redis: Redis | null;
  keyPrefix: string;
}

export const RATE_LIMIT_OPTIONS = Symbol('RATE_LIMIT_OPTIONS');

const { ConfigurableModuleClass } = new ConfigurableModuleBuilder<RateLimitOptions>({
  optionsInjectionToken: RATE_LIMIT_OPTIONS,
})
  .setClassMethodName('forRoot')
  .build();

export type RateLimitAsyncOptions = ConfigurableModuleAsyncOptions<RateLimitOptions>;
export const RATE_LIMIT_PER_PROCESS = 'ratelimit_per_process';
const MESSAGE = 'Too many requests. Please wait a moment and try again.';

/** The session in the body when there is one (the chatbot's callers are all the gateway). */
function sessionOrClient(req: Request): string {
  const body = req.body as { session_id?: unknown } | undefined;
  return typeof body?.session_id === 'string'
    ? `session:${body.session_id}`
    : `client:${clientKey(req)}`;
}

/** Apply with `@UseGuards(RateLimitGuard)` on the routes shoppers hit; 429 with Retry-After. */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {}

/** Where the counters are kept, for readiness: `shared` in Redis, or `per-process`. */
@Injectable()
export class RateLimitState {
  constructor(private readonly storage: RedisThrottlerStorage | ThrottlerStorageService) {}

  get mode(): 'shared' | 'per-process' {
    return this.storage instanceof RedisThrottlerStorage && !this.storage.degraded
      ? 'shared'
      : 'per-process';
  }

  get degraded(): boolean {
    return this.storage instanceof RedisThrottlerStorage && this.storage.degraded;
  }
}

const perProcessGauge = makeGaugeProvider({
  name: RATE_LIMIT_PER_PROCESS,
  help: '1 while rate limits are counted per process because their Redis failed, else 0.',
});

/** The options, the counters' storage and its state: what the throttler and readiness share. */
@Module({
  providers: [
    perProcessGauge,
    {
      provide: RedisThrottlerStorage,
      useFactory: (o: RateLimitOptions, perProcess: Gauge) => {
        if (!o.redis) return new ThrottlerStorageService();
        perProcess.set(0);
        return new RedisThrottlerStorage(o.redis, o.keyPrefix, 300, (degraded) =>
          perProcess.set(degraded ? 1 : 0),
        );
      },
      inject: [RATE_LIMIT_OPTIONS, getToken(RATE_LIMIT_PER_PROCESS)],
    },
    {
      provide: RateLimitState,
      useFactory: (storage: RedisThrottlerStorage) => new RateLimitState(storage),
      inject: [RedisThrottlerStorage],
    },
  ],
  exports: [RATE_LIMIT_OPTIONS, RedisThrottlerStorage, RateLimitState],
})
class RateLimitCoreModule extends ConfigurableModuleClass {}

@Module({})
export class RateLimitModule {
  static forRootAsync(options: RateLimitAsyncOptions): DynamicModule {
    const core = RateLimitCoreModule.forRootAsync(options);
    return {
      module: RateLimitModule,
      global: true,
      imports: [
        core,
        ThrottlerModule.forRootAsync({
          imports: [core],
          inject: [RATE_LIMIT_OPTIONS, RedisThrottlerStorage],
          useFactory: (o: RateLimitOptions, storage: RedisThrottlerStorage) => ({
            throttlers: [{ name: 'default', ttl: 60_000, limit: Math.max(o.perMinute, 1) }],
            storage,
            errorMessage: MESSAGE,
            // Our own apps' lookups on their own account (the chatbot loading the catalog) are
            // not a shopper's requests: counting them would spend the shopper's budget.
            skipIf: (context: ExecutionContext) =>
              o.perMinute === 0 || isServiceCall(context.switchToHttp().getRequest<Request>()),
            getTracker: (req: Record<string, unknown>) =>
              o.by === 'session'
                ? sessionOrClient(req as unknown as Request)
                : `client:${clientKey(req as unknown as Request)}`,
            // One bucket per client across every limited route, not one per route.
            generateKey: (_context: ExecutionContext, tracker: string, name: string) =>
              `${name}:${tracker}`,
          }),
        }),
      ],
      providers: [RateLimitGuard],
      exports: [ThrottlerModule, RateLimitGuard, core],
    };
  }
}
