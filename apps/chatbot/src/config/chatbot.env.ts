import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUrl, Matches, Max, Min } from 'class-validator';

/** The chatbot's environment, validated once at boot. Each variable is in the README's table. */
export class ChatbotEnv {
  /** Port of the chat API. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(65535)
  PORT: number = 5000;

  /** Interface to listen on. */
  @IsString()
  HOST: string = '0.0.0.0';

  /** Redis for conversations (`redis://redis:6379/0`); unset keeps them in this process's memory. */
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['redis', 'rediss'], require_protocol: true })
  REDIS_URL?: string;

  /** Key prefix for conversations in Redis: `chat:` stores `chat:{session_id}`. */
  @Matches(/^[A-Za-z0-9:_.-]{1,64}$/)
  SESSION_KEY_PREFIX: string = 'chat:';

  /** Turns kept per conversation; older ones are dropped. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10_000)
  SESSION_MAX_TURNS: number = 100;

  /** Seconds a conversation lives after its last turn. */
  @Type(() => Number)
  @IsInt()
  @Min(60)
  @Max(2_592_000)
  SESSION_TTL_SECONDS: number = 86_400;

  /** A Redis command slower than this fails, so a hung Redis never holds up an answer. */
  @Type(() => Number)
  @IsInt()
  @Min(10)
  @Max(10_000)
  REDIS_COMMAND_TIMEOUT_MS: number = 300;

  /** The store API for order lookups and recommendations (the gateway). */
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true })
  BOOKSTORE_API_URL: string = 'http://localhost:8080';

  /** Longest wait for the store API, in milliseconds. */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  @Max(30_000)
  BOOKSTORE_API_TIMEOUT_MS: number = 2_000;

  /**
   * Proxies trusted to report the client's address (X-Forwarded-For): a hop count such as `1`
   * behind one ingress, or addresses and presets such as `loopback, uniquelocal`.
   */
  @Matches(/^(\d{1,2}|[A-Za-z0-9.:/, ]{1,200})$/)
  TRUST_PROXY: string = 'loopback';

  /** After SIGTERM, keep serving this long (readiness already 503) before closing the server. */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(120_000)
  SHUTDOWN_GRACE_MS: number = 0;

  @IsIn(['production', 'development', 'test'])
  NODE_ENV: string = 'development';
}
