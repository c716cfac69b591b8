import { ServiceEnv } from '@bookstore/config';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsString, IsUrl, Max, Min } from 'class-validator';

/** The gateway's environment, validated once at boot. Each variable is in the README's table. */
export class GatewayEnv extends ServiceEnv {
  /** Port to listen on. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(65535)
  PORT: number = 8080;

  /** Where the chatbot service answers (`http://chatbot-service:5000` in the cluster). */
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true })
  CHAT_SERVICE_URL: string = 'http://localhost:5000';

  /** Longest wait for the chatbot's answer, in milliseconds; above the chatbot's own LLM_TIMEOUT. */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  @Max(300_000)
  CHAT_SERVICE_TIMEOUT_MS: number = 35_000;

  /** Keep-alive connections the gateway may hold open to the chatbot. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1024)
  CHAT_SERVICE_CONNECTIONS: number = 64;

  /** PostgreSQL for orders and the catalog; unset uses the embedded PGlite. */
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['postgres', 'postgresql'], require_protocol: true })
  DATABASE_URL?: string;

  /** Directory where PGlite keeps its data; unset keeps it in memory (demo data reloads each start). */
  @IsOptional()
  @IsString()
  PGLITE_DATA_DIR?: string;

  /** PostgreSQL connections per replica. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  DATABASE_POOL_SIZE: number = 10;

  /** A query slower than this is cancelled. */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  @Max(60_000)
  DATABASE_STATEMENT_TIMEOUT_MS: number = 5_000;

  /** Load the demo catalog and orders into an empty store. */
  @Transform(({ value }: { value: unknown }) => value === true || value === 'true' || value === '1')
  @IsBoolean()
  SEED_DEMO_DATA: boolean = true;

  /** Failed order verifications allowed per chat session within the window. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1_000)
  ORDER_VERIFY_MAX_ATTEMPTS: number = 5;

  /**
   * Failed order verifications allowed per client address (IPv6: per /64) within the window;
   * higher than per session, since an office or a household shares one address.
   */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100_000)
  ORDER_VERIFY_MAX_ATTEMPTS_PER_CLIENT: number = 30;

  /** The window for ORDER_VERIFY_MAX_ATTEMPTS, in seconds. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(86_400)
  ORDER_VERIFY_WINDOW_SECONDS: number = 3_600;

  /** API requests per minute per client address; 0 turns the limit off. */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(100_000)
  RATE_LIMIT_PER_MINUTE: number = 60;

  /** Redis for rate-limit counters shared by every replica; unset counts per process. */
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['redis', 'rediss'], require_protocol: true })
  REDIS_URL?: string;
}
