import { EnvBoolean, EnvInt, EnvUrl, ServiceEnv } from '@bookstore/config';
import { DEFAULT_CONTENT_DIR, IsStoreContentDir } from '@bookstore/content';
import { LLM_BACKENDS, defaultContextTokens } from '@bookstore/llm';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Min,
  ValidateBy,
  ValidateIf,
  type ValidationArguments,
} from 'class-validator';

/** The context LLM_MAX_TOKENS is held to: LLM_CONTEXT_TOKENS, or the backend's default. */
function contextOf(env: ChatbotEnv): { tokens: number; named: string } {
  return env.LLM_CONTEXT_TOKENS === undefined
    ? {
        tokens: defaultContextTokens(env.LLM_BACKEND),
        named: `LLM_CONTEXT_TOKENS (unset: ${env.LLM_BACKEND}'s default)`,
      }
    : { tokens: env.LLM_CONTEXT_TOKENS, named: 'LLM_CONTEXT_TOKENS' };
}

/**
 * A reply budget at or over the context leaves no room for any prompt: every LLM call would be
 * refused or cut. One message names both variables.
 */
function BelowContext(): PropertyDecorator {
  return ValidateBy({
    name: 'belowContext',
    validator: {
      validate: (value: unknown, args?: ValidationArguments) => {
        const env = args?.object as ChatbotEnv;
        return (
          env.LLM_BACKEND === 'none' || typeof value !== 'number' || value < contextOf(env).tokens
        );
      },
      defaultMessage: (args?: ValidationArguments) => {
        const env = args?.object as ChatbotEnv;
        const { tokens, named } = contextOf(env);
        return (
          `LLM_MAX_TOKENS (${String(args?.value)}) must be below ${named} (${tokens}): ` +
          'the reply is kept room for inside the context, with the prompt'
        );
      },
    },
  });
}

/** The chatbot's environment, validated once at boot. Each variable is in the README's table. */

export class ChatbotEnv extends ServiceEnv {
  /** Port to listen on. */
  @EnvInt(1, 65535)
  PORT: number = 5000;

  /**
   * The store's content folder, the same as the gateway's: its facts and articles are what the bot
   * answers with. Checked at boot: a folder with problems stops the chatbot, naming each one.
   * Default: the repository's demo store.
   */
  @IsStoreContentDir()
  STORE_CONTENT_DIR: string = DEFAULT_CONTENT_DIR;

  /** Redis for conversations (`redis://redis:6379/0`); unset keeps them in this process's memory. */
  @IsOptional()
  @EnvUrl(['redis', 'rediss'])
  REDIS_URL?: string;

  /** Key prefix for conversations in Redis: `chat:` stores `chat:{session_id}`. */
  @Matches(/^[A-Za-z0-9:_.-]{1,64}$/)
  SESSION_KEY_PREFIX: string = 'chat:';

  /** Turns kept per conversation; older ones are dropped. */
  @EnvInt(1, 10_000)
  SESSION_MAX_TURNS: number = 100;

  /** Seconds a conversation lives after its last turn. */
  @EnvInt(60, 2_592_000)
  SESSION_TTL_SECONDS: number = 86_400;

  /**
   * How long a message waits for the previous turn of its conversation to finish (one turn at a
   * time, across replicas) before it is refused with 409.
   */
  @EnvInt(0, 120_000)
  SESSION_TURN_WAIT_MS: number = 5_000;

  /**
   * New conversations one client (an address; IPv6 by its /64) may start in Redis per
   * SESSION_TTL_SECONDS, so a flood from one client cannot fill Redis; past it a 429. 0: no bound.
   */
  @EnvInt(0, 1_000_000)
  SESSION_MAX_NEW_PER_CLIENT: number = 200;

  /** A Redis command slower than this fails, so a hung Redis never holds up an answer. */
  @EnvInt(10, 10_000)
  REDIS_COMMAND_TIMEOUT_MS: number = 300;

  /** The name the chatbot's one Redis connection shows in `CLIENT LIST`. */
  @Matches(/^[A-Za-z0-9_.:-]{1,64}$/, {
    message: 'REDIS_CLIENT_NAME must be 1 to 64 of A-Z a-z 0-9 _ . : -',
  })
  REDIS_CLIENT_NAME: string = 'bookstore-chatbot';

  /** The store API for order lookups and recommendations (the gateway). */
  @EnvUrl(['http', 'https'])
  BOOKSTORE_API_URL: string = 'http://localhost:8080';

  /** Longest wait for the store API, in milliseconds. */
  @EnvInt(100, 30_000)
  BOOKSTORE_API_TIMEOUT_MS: number = 2_000;

  /** Chat messages per minute per conversation (or per client without one); 0 turns it off. */
  @EnvInt(0, 100_000)
  RATE_LIMIT_PER_MINUTE: number = 30;

  /** Which LLM answers what the rules cannot: ollama, vcf_private_ai, openai or none. */
  @IsIn(LLM_BACKENDS, { message: `LLM_BACKEND must be one of: ${LLM_BACKENDS.join(', ')}` })
  LLM_BACKEND: (typeof LLM_BACKENDS)[number] = 'ollama';

  /** Seconds any LLM call may take, end to end. */
  @EnvInt(1, 600)
  LLM_TIMEOUT: number = 30;

  /** Seconds a streamed reply may take to its first token (a cold Ollama model loads slowly). */
  @EnvInt(1, 600)
  LLM_FIRST_TOKEN_TIMEOUT: number = 20;

  /** Longest LLM reply, in tokens; below LLM_CONTEXT_TOKENS, which holds the prompt too. */
  @EnvInt(16, 4_096)
  @BelowContext()
  LLM_MAX_TOKENS: number = 300;

  /** Earlier turns sent to the LLM with the question, within LLM_HISTORY_CHARS. */
  @EnvInt(0, 50)
  LLM_HISTORY_TURNS: number = 6;

  @EnvInt(0, 100_000)
  LLM_HISTORY_CHARS: number = 4_000;

  /** Consecutive LLM failures that open the circuit (the LLM is then skipped until it half-opens). */
  @EnvInt(1, 100)
  LLM_CIRCUIT_FAILURES: number = 5;

  /** Seconds the circuit stays open before one call may try again. */
  @EnvInt(1, 3_600)
  LLM_CIRCUIT_HALF_OPEN_SECONDS: number = 30;

  /**
   * LLM calls in flight at once from this pod (and its connections to the LLM); more wait their
   * turn, and a wait is never counted as an LLM failure.
   */
  @EnvInt(1, 1_000)
  LLM_MAX_CONCURRENCY: number = 32;

  /**
   * LLM calls in flight at once for one shopper's address; more are answered at once without the
   * LLM, so that one client cannot take every connection and time out into the circuit breaker.
   */
  @EnvInt(1, 1_000)
  LLM_MAX_CONCURRENCY_PER_CLIENT: number = 4;

  /** Whether readiness fails when the LLM is down; by default the bot stays ready on its rules. */
  @EnvBoolean()
  LLM_REQUIRED_FOR_READINESS: boolean = false;

  /** `off`: readiness does not look for the model among the served ones (servers that ignore it). */
  @IsIn(['on', 'off'], { message: 'LLM_MODEL_CHECK must be on or off' })
  LLM_MODEL_CHECK: 'on' | 'off' = 'on';

  /** The model's context in tokens; unset: the backend's default (see the README). */
  @IsOptional()
  @EnvInt(256, 2_000_000)
  LLM_CONTEXT_TOKENS?: number;

  /** Price in USD per 1,000 prompt tokens, for llm_cost_usd_total; 0 for on-premises models. */
  @Type(() => Number)
  @IsNumber({ maxDecimalPlaces: 10 }, { message: 'LLM_PRICE_INPUT_PER_1K must be a number' })
  @Min(0)
  LLM_PRICE_INPUT_PER_1K: number = 0;

  /** Price in USD per 1,000 completion tokens. */
  @Type(() => Number)
  @IsNumber({ maxDecimalPlaces: 10 }, { message: 'LLM_PRICE_OUTPUT_PER_1K must be a number' })
  @Min(0)
  LLM_PRICE_OUTPUT_PER_1K: number = 0;

  @EnvUrl(['http', 'https'])
  OLLAMA_URL: string = 'http://localhost:11434';

  @IsString()
  @IsNotEmpty()
  OLLAMA_MODEL: string = 'llama3.2:3b';

  /** VCF Private AI's OpenAI-compatible base, e.g. https://host/api/v1/compatibility/openai/v1. */
  @ValidateIf((e: ChatbotEnv) => e.LLM_BACKEND === 'vcf_private_ai')
  @EnvUrl(['http', 'https'], {
    message: 'VCF_MODEL_ENDPOINT must be an http(s) URL when LLM_BACKEND=vcf_private_ai',
  })
  VCF_MODEL_ENDPOINT?: string;

  @IsString()
  @IsNotEmpty()
  VCF_MODEL_NAME: string = 'llama-3.1-8b';

  @IsOptional()
  @IsString()
  VCF_NAMESPACE?: string;

  /** Used when no service-account token file is mounted. */
  @IsOptional()
  @IsString()
  VCF_API_TOKEN?: string;

  /** The projected service-account token, preferred over VCF_API_TOKEN and re-read when it rotates. */
  @IsString()
  VCF_TOKEN_FILE: string = '/var/run/secrets/kubernetes.io/serviceaccount/token';

  @ValidateIf((e: ChatbotEnv) => e.LLM_BACKEND === 'openai')
  @IsString({ message: 'OPENAI_API_KEY is required when LLM_BACKEND=openai' })
  @IsNotEmpty({ message: 'OPENAI_API_KEY is required when LLM_BACKEND=openai' })
  OPENAI_API_KEY?: string;

  @IsString()
  @IsNotEmpty()
  OPENAI_MODEL: string = 'gpt-4o-mini';

  @EnvUrl(['http', 'https'])
  OPENAI_BASE_URL: string = 'https://api.openai.com/v1';
}
