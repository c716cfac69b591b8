import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import type { Redis } from 'ioredis';
import { REDIS_CLIENT, RedisModule } from '@bookstore/redis';
import { BookstoreModule, DatabaseReadiness } from '@bookstore/database';
import { validateEnv } from '@bookstore/config';
import { HealthModule } from '@bookstore/health';
import { LoggingModule, MetricsModule } from '@bookstore/observability';
import { RateLimitModule, RateLimitReadiness } from '@bookstore/ratelimit';
import { ChatProxyModule } from './chat-proxy/chat-proxy.module.js';
import { ChatbotReadiness } from './chat-proxy/chatbot.health.js';
import { GatewayEnv } from './config/gateway.env.js';
import { DeskModule } from './desk/desk.module.js';
import { GatewayOptions, GatewayOptionsModule } from './config/gateway.options.js';
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
    GatewayOptionsModule,
    BookstoreModule.forRootAsync({
      inject: [GatewayOptions],
      useFactory: (o: GatewayOptions) => o.database,
    }),
    // The gateway's one Redis connection (rate limits only).
    RedisModule.forRootAsync({
      isGlobal: true,
      inject: [GatewayOptions],
      useFactory: (o: GatewayOptions) => o.redis,
    }),
    RateLimitModule.forRootAsync({
      inject: [GatewayOptions, REDIS_CLIENT],
      useFactory: (o: GatewayOptions, redis: Redis | null) => ({ ...o.rateLimit, redis }),
    }),
    ChatProxyModule,
    StoreApiModule,
    SupportModule,
    DeskModule,
    HealthModule.forRoot({
      imports: [ChatProxyModule],
      checks: [ChatbotReadiness, DatabaseReadiness, RateLimitReadiness],
      shutdownGraceMs: {
        inject: [GatewayOptions],
        useFactory: (o: GatewayOptions) => o.shutdownGraceMs,
      },
    }),
  ],
})
export class GatewayModule {}
