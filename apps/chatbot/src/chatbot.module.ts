import { Module } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import type { Redis } from 'ioredis';
import { REDIS_CLIENT, RedisModule } from '@bookstore/redis';
import { validateEnv } from '@bookstore/config';
import { HealthModule } from '@bookstore/health';
import { LoggingModule, MetricsModule } from '@bookstore/observability';
import { LlmModule, LlmReadiness } from '@bookstore/llm';
import { RateLimitModule, RateLimitReadiness } from '@bookstore/ratelimit';
import { SessionsModule, SessionsReadiness } from '@bookstore/sessions';
import { ChatModule } from './chat/chat.module.js';
import { ChatbotEnv } from './config/chatbot.env.js';
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
    // The chatbot's one Redis connection, for conversations and rate limits alike.
    RedisModule.forRootAsync({
      isGlobal: true,
      inject: [ConfigService],
      useFactory: (config: ConfigService<ChatbotEnv, true>) => ({
        url: config.get('REDIS_URL', { infer: true }),
        commandTimeoutMs: config.get('REDIS_COMMAND_TIMEOUT_MS', { infer: true }),
        connectionName: config.get('REDIS_CLIENT_NAME', { infer: true }),
      }),
    }),
    SessionsModule.forRootAsync({
      inject: [ConfigService, REDIS_CLIENT],
      useFactory: (config: ConfigService<ChatbotEnv, true>, redis: Redis | null) => ({
        redis,
        prefix: config.get('SESSION_KEY_PREFIX', { infer: true }),
        maxTurns: config.get('SESSION_MAX_TURNS', { infer: true }),
        ttlSeconds: config.get('SESSION_TTL_SECONDS', { infer: true }),
        commandTimeoutMs: config.get('REDIS_COMMAND_TIMEOUT_MS', { infer: true }),
        // Longer than the slowest turn: the LLM's whole time plus the store's.
        turnLockTtlMs: (config.get('LLM_TIMEOUT', { infer: true }) + 30) * 1000,
        turnLockWaitMs: config.get('SESSION_TURN_WAIT_MS', { infer: true }),
      }),
    }),
    LlmModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService<ChatbotEnv, true>) => {
        const get = <K extends keyof ChatbotEnv>(key: K) => config.get(key, { infer: true });
        return {
          backend: get('LLM_BACKEND'),
          timeoutMs: get('LLM_TIMEOUT') * 1000,
          firstTokenTimeoutMs: get('LLM_FIRST_TOKEN_TIMEOUT') * 1000,
          maxTokens: get('LLM_MAX_TOKENS'),
          requiredForReadiness: get('LLM_REQUIRED_FOR_READINESS'),
          modelCheck: get('LLM_MODEL_CHECK') === 'on',
          price: {
            inputPer1k: get('LLM_PRICE_INPUT_PER_1K'),
            outputPer1k: get('LLM_PRICE_OUTPUT_PER_1K'),
          },
          ollama: { url: get('OLLAMA_URL'), model: get('OLLAMA_MODEL') },
          vcf: {
            endpoint: get('VCF_MODEL_ENDPOINT'),
            model: get('VCF_MODEL_NAME'),
            namespace: get('VCF_NAMESPACE'),
            apiToken: get('VCF_API_TOKEN'),
            tokenFile: get('VCF_TOKEN_FILE'),
          },
          openai: {
            apiKey: get('OPENAI_API_KEY'),
            model: get('OPENAI_MODEL'),
            baseUrl: get('OPENAI_BASE_URL'),
          },
          circuit: {
            failureThreshold: get('LLM_CIRCUIT_FAILURES'),
            halfOpenAfterMs: get('LLM_CIRCUIT_HALF_OPEN_SECONDS') * 1000,
          },
        };
      },
    }),
    HealthModule.forRoot({
      checks: [SessionsReadiness, LlmReadiness, RateLimitReadiness],
      shutdownGraceMs: {
        inject: [ConfigService],
        useFactory: (config: ConfigService<ChatbotEnv, true>) =>
          config.get('SHUTDOWN_GRACE_MS', { infer: true }),
      },
    }),
    RateLimitModule.forRootAsync({
      inject: [ConfigService, REDIS_CLIENT],
      useFactory: (config: ConfigService<ChatbotEnv, true>, redis: Redis | null) => ({
        perMinute: config.get('RATE_LIMIT_PER_MINUTE', { infer: true }),
        by: 'session',
        redis,
        keyPrefix: 'ratelimit:chatbot:',
      }),
    }),
    ChatModule,
    ConversationsModule,
  ],
})
export class ChatbotModule {}
