import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import type { Redis } from 'ioredis';
import { REDIS_CLIENT, RedisModule } from '@bookstore/redis';
import { validateEnv } from '@bookstore/config';
import { HealthModule } from '@bookstore/health';
import { LoggingModule, MetricsModule } from '@bookstore/observability';
import { LlmModule, LlmReadiness } from '@bookstore/llm';
import { RateLimitModule, RateLimitReadiness } from '@bookstore/ratelimit';
import { SessionsModule, SessionsReadiness } from '@bookstore/conversations';
import { ChatModule } from './chat/chat.module.js';
import { ChatbotEnv } from './config/chatbot.env.js';
import { ChatbotOptions, ChatbotOptionsModule } from './config/chatbot.options.js';
import { ConversationsModule } from './sessions/conversations.module.js';

@Module({
  imports: [
    ConfigModule.forRoot({
      isGlobal: true,
      ignoreEnvFile: true,
      validate: validateEnv(ChatbotEnv),
    }),
    LoggingModule.forRoot(),
    MetricsModule.forRoot(),
    ChatbotOptionsModule,
    // The chatbot's one Redis connection, for conversations and rate limits alike.
    RedisModule.forRootAsync({
      isGlobal: true,
      inject: [ChatbotOptions],
      useFactory: (o: ChatbotOptions) => o.redis,
    }),
    SessionsModule.forRootAsync({
      inject: [ChatbotOptions, REDIS_CLIENT],
      useFactory: (o: ChatbotOptions, redis: Redis | null) => ({ ...o.sessions, redis }),
    }),
    LlmModule.forRootAsync({
      inject: [ChatbotOptions],
      useFactory: (o: ChatbotOptions) => o.llm,
    }),
    HealthModule.forRoot({
      checks: [SessionsReadiness, LlmReadiness, RateLimitReadiness],
      shutdownGraceMs: {
        inject: [ChatbotOptions],
        useFactory: (o: ChatbotOptions) => o.shutdownGraceMs,
      },
    }),
    RateLimitModule.forRootAsync({
      inject: [ChatbotOptions, REDIS_CLIENT],
      useFactory: (o: ChatbotOptions, redis: Redis | null) => ({ ...o.rateLimit, redis }),
    }),
    ChatModule,
    ConversationsModule,
  ],
})
export class ChatbotModule {}
