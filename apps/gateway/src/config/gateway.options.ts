import { Global, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { RateLimitOptions } from '@bookstore/ratelimit';
import type { RedisModuleOptions } from '@bookstore/redis';
import { loadStoreContent, STORE_CONTENT, type StoreContent } from '@bookstore/content';
import type { BookstoreModuleOptions } from '@bookstore/database';
import type { GatewayEnv } from './gateway.env.js';

/**
 * The gateway's typed options: the validated environment mapped once, here. Modules and providers
 * receive their part and never read environment keys themselves.
 */
export abstract class GatewayOptions {
  /** The store's content (STORE_CONTENT_DIR), checked when the environment was validated. */
  abstract readonly content: StoreContent;
  abstract readonly database: BookstoreModuleOptions;
  abstract readonly redis: RedisModuleOptions;
  abstract readonly rateLimit: Omit<RateLimitOptions, 'redis'>;
  abstract readonly shutdownGraceMs: number;
  /** The chatbot behind /api/chat. */
  abstract readonly chatbot: {
    url: string;
    timeoutMs: number;
    connections: number;
    internalToken?: string;
  };
  /** Failed order verifications allowed per session and per client within the window. */
  abstract readonly orderVerify: {
    maxPerSession: number;
    maxPerClient: number;
    windowSeconds: number;
  };
  abstract readonly support: {
    maxPerSession: number;
    maxPerClient: number;
    windowSeconds: number;
    apiToken?: string;
    smtpUrl?: string;
    email: string;
    webhookUrl?: string;
    webhookSecret: string;
    deliveryTimeoutMs: number;
    retryIntervalMs: number;
    deliveryMaxAttempts: number;
  };
  /** The support team's desk: retention, sessions and the sign-in limits. */
  abstract readonly desk: {
    retentionDays: number;
    sessionSeconds: number;
    signIn: { maxPerAccount: number; maxPerClient: number; windowSeconds: number };
  };
}

export function gatewayOptions(config: ConfigService<GatewayEnv, true>): GatewayOptions {
  const get = <K extends keyof GatewayEnv>(key: K) => config.get(key, { infer: true });
  const content = loadStoreContent(get('STORE_CONTENT_DIR'));
  return {
    content,
    database: {
      databaseUrl: get('DATABASE_URL'),
      pgliteDataDir: get('PGLITE_DATA_DIR'),
      poolSize: get('DATABASE_POOL_SIZE'),
      statementTimeoutMs: get('DATABASE_STATEMENT_TIMEOUT_MS'),
      content,
      // Demo orders are demo data: a production store's orders are its own.
      seed: get('SEED_DEMO_DATA') && get('NODE_ENV') !== 'production',
    },
    // Rate limits only; fail fast, as a limiter must.
    redis: { url: get('REDIS_URL'), commandTimeoutMs: 300, connectionName: 'bookstore-gateway' },
    rateLimit: {
      perMinute: get('RATE_LIMIT_PER_MINUTE'),
      by: 'client',
      keyPrefix: 'ratelimit:gateway:',
    },
    shutdownGraceMs: get('SHUTDOWN_GRACE_MS'),
    chatbot: {
      url: get('CHAT_SERVICE_URL'),
      timeoutMs: get('CHAT_SERVICE_TIMEOUT_MS'),
      connections: get('CHAT_SERVICE_CONNECTIONS'),
      internalToken: get('INTERNAL_API_TOKEN'),
    },
    orderVerify: {
      maxPerSession: get('ORDER_VERIFY_MAX_ATTEMPTS'),
      maxPerClient: get('ORDER_VERIFY_MAX_ATTEMPTS_PER_CLIENT'),
      windowSeconds: get('ORDER_VERIFY_WINDOW_SECONDS'),
    },
    support: {
      maxPerSession: get('SUPPORT_MAX_PER_SESSION'),
      maxPerClient: get('SUPPORT_MAX_PER_CLIENT'),
      windowSeconds: get('SUPPORT_LIMIT_WINDOW_SECONDS'),
      apiToken: get('SUPPORT_API_TOKEN'),
      smtpUrl: get('SMTP_URL'),
      email: get('SUPPORT_EMAIL') ?? content.profile.supportEmail,
      webhookUrl: get('HANDOFF_WEBHOOK_URL'),
      webhookSecret: get('HANDOFF_WEBHOOK_SECRET') ?? '',
      deliveryTimeoutMs: get('SUPPORT_DELIVERY_TIMEOUT_MS'),
      retryIntervalMs: get('SUPPORT_RETRY_INTERVAL_MS'),
      deliveryMaxAttempts: get('SUPPORT_DELIVERY_MAX_ATTEMPTS'),
    },
    desk: {
      retentionDays: get('DESK_RETENTION_DAYS'),
      sessionSeconds: get('DESK_SESSION_HOURS') * 3_600,
      signIn: {
        maxPerAccount: get('DESK_SIGN_IN_MAX_PER_ACCOUNT'),
        maxPerClient: get('DESK_SIGN_IN_MAX_PER_CLIENT'),
        windowSeconds: get('DESK_SIGN_IN_WINDOW_SECONDS'),
      },
    },
  };
}

/** Provides GatewayOptions and the store's content to every module, from the validated ConfigService. */
@Global()
@Module({
  providers: [
    { provide: GatewayOptions, inject: [ConfigService], useFactory: gatewayOptions },
    {
      provide: STORE_CONTENT,
      inject: [GatewayOptions],
      useFactory: (o: GatewayOptions) => o.content,
    },
  ],
  exports: [GatewayOptions, STORE_CONTENT],
})
export class GatewayOptionsModule {}
