import { Module } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import type { Redis } from 'ioredis';
import { REDIS_CLIENT, RedisModule } from '@bookstore/redis';
import { BookstoreModule, DatabaseReadiness } from '@bookstore/store';
import { validateEnv } from '@bookstore/config';
import { HealthModule } from '@bookstore/health';
import { LoggingModule, MetricsModule } from '@bookstore/observability';
import { RateLimitModule, RateLimitReadiness } from '@bookstore/ratelimit';
import { ChatProxyModule } from './chat-proxy/chat-proxy.module.js';
import { ChatbotReadiness } from './chat-proxy/chatbot.health.js';
import { GatewayEnv } from './config/gateway.env.js';
import { StoreApiModule } from './store-api/store-api.module.js';
import { SupportModule } from './support/support.module.js';

@Module({
  imports: [
    ConfigModule.forRoot({
      isGlobal: true,
      ignoreEnvFile: true,
      validate: validateEnv(GatewayEnv),
    }),
    LoggingModule.forRoot(),
    MetricsModule.forRoot(),
    BookstoreModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService<GatewayEnv, true>) => ({
        databaseUrl: config.get('DATABASE_URL', { infer: true }),
        pgliteDataDir: config.get('PGLITE_DATA_DIR', { infer: true }),
        poolSize: config.get('DATABASE_POOL_SIZE', { infer: true }),
        statementTimeoutMs: config.get('DATABASE_STATEMENT_TIMEOUT_MS', { infer: true }),
        seed: config.get('SEED_DEMO_DATA', { infer: true }),
      }),
    }),
    // The gateway's one Redis connection (rate limits only); fail fast, as a limiter must.
    RedisModule.forRootAsync({
      isGlobal: true,
      inject: [ConfigService],
      useFactory: (config: ConfigService<GatewayEnv, true>) => ({
        url: config.get('REDIS_URL', { infer: true }),
        commandTimeoutMs: 300,
        connectionName: 'bookstore-gateway',
      }),
    }),
    RateLimitModule.forRootAsync({
      inject: [ConfigService, REDIS_CLIENT],
      useFactory: (config: ConfigService<GatewayEnv, true>, redis: Redis | null) => ({
        perMinute: config.get('RATE_LIMIT_PER_MINUTE', { infer: true }),
        by: 'client',
        redis,
        keyPrefix: 'ratelimit:gateway:',
      }),
    }),
    ChatProxyModule,
    StoreApiModule,
    SupportModule,
    HealthModule.forRoot({
      imports: [ChatProxyModule],
      checks: [ChatbotReadiness, DatabaseReadiness, RateLimitReadiness],
      shutdownGraceMs: {
        inject: [ConfigService],
        useFactory: (config: ConfigService<GatewayEnv, true>) =>
          config.get('SHUTDOWN_GRACE_MS', { infer: true }),
      },
    }),
  ],
})
export class GatewayModule {}
