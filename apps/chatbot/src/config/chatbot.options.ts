import { Global, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { loadStoreContent, STORE_CONTENT, type StoreContent } from '@bookstore/content';
import type { LlmModuleOptions } from '@bookstore/llm';
import type { RateLimitOptions } from '@bookstore/ratelimit';
import type { RedisModuleOptions } from '@bookstore/redis';
import type { SessionsModuleOptions } from '@bookstore/conversations';
import type { ChatbotEnv } from './chatbot.env.js';

/**
 * The chatbot's typed options: the validated environment mapped once, here. Modules and providers
 * receive their part and never read environment keys themselves.
 */
export abstract class ChatbotOptions {
  /** The store's content (STORE_CONTENT_DIR), checked when the environment was validated. */
  abstract readonly content: StoreContent;
  abstract readonly redis: RedisModuleOptions;
  abstract readonly sessions: Omit<SessionsModuleOptions, 'redis'>;
  abstract readonly llm: LlmModuleOptions;
  abstract readonly rateLimit: Omit<RateLimitOptions, 'redis'>;
  abstract readonly shutdownGraceMs: number;
  /** The gateway's store API, which the chatbot asks for orders, books and help articles. */
  abstract readonly store: {
    baseUrl: string;
    timeoutMs: number;
    connections: number;
    internalToken?: string;
  };
  /** The LLM stage's prompt: reply length, history budget, context size (unset: the backend's). */
  abstract readonly assistant: {
    maxTokens: number;
    historyTurns: number;
    historyChars: number;
    contextTokens?: number;
  };
}

export function chatbotOptions(config: ConfigService<ChatbotEnv, true>): ChatbotOptions {
  const get = <K extends keyof ChatbotEnv>(key: K) => config.get(key, { infer: true });
  return {
    content: loadStoreContent(get('STORE_CONTENT_DIR')),
    redis: {
      url: get('REDIS_URL'),
      commandTimeoutMs: get('REDIS_COMMAND_TIMEOUT_MS'),
      connectionName: get('REDIS_CLIENT_NAME'),
    },
    sessions: {
      prefix: get('SESSION_KEY_PREFIX'),
      maxTurns: get('SESSION_MAX_TURNS'),
      ttlSeconds: get('SESSION_TTL_SECONDS'),
      commandTimeoutMs: get('REDIS_COMMAND_TIMEOUT_MS'),
      // Longer than the slowest turn: the LLM's whole time plus the store's.
      turnLockTtlMs: (get('LLM_TIMEOUT') + 30) * 1000,
      turnLockWaitMs: get('SESSION_TURN_WAIT_MS'),
      maxNewPerClient: get('SESSION_MAX_NEW_PER_CLIENT'),
    },
    llm: {
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
      concurrency: {
        max: get('LLM_MAX_CONCURRENCY'),
        perClient: get('LLM_MAX_CONCURRENCY_PER_CLIENT'),
      },
    },
    rateLimit: {
      perMinute: get('RATE_LIMIT_PER_MINUTE'),
      by: 'session',
      keyPrefix: 'ratelimit:chatbot:',
    },
    shutdownGraceMs: get('SHUTDOWN_GRACE_MS'),
    store: {
      baseUrl: get('BOOKSTORE_API_URL'),
      timeoutMs: get('BOOKSTORE_API_TIMEOUT_MS'),
      connections: 16,
      internalToken: get('INTERNAL_API_TOKEN'),
    },
    assistant: {
      maxTokens: get('LLM_MAX_TOKENS'),
      historyTurns: get('LLM_HISTORY_TURNS'),
      historyChars: get('LLM_HISTORY_CHARS'),
      contextTokens: get('LLM_CONTEXT_TOKENS'),
    },
  };
}

/** Provides ChatbotOptions and the store's content to every module, from the validated ConfigService. */
@Global()
@Module({
  providers: [
    { provide: ChatbotOptions, inject: [ConfigService], useFactory: chatbotOptions },
    {
      provide: STORE_CONTENT,
      inject: [ChatbotOptions],
      useFactory: (o: ChatbotOptions) => o.content,
    },
  ],
  exports: [ChatbotOptions, STORE_CONTENT],
})
export class ChatbotOptionsModule {}
