import { Type } from 'class-transformer';
import { IsIn, IsInt, IsString, Matches, Max, Min } from 'class-validator';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/**
 * What every service of ours reads besides its PORT: how it listens, logs and behaves at the HTTP
 * edge.
 */
export class ServiceEnv {
  /** Interface to listen on. */
  @IsString()
  HOST: string = '0.0.0.0';

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

  /** pino level: fatal, error, warn, info, debug, trace or silent. */
  @IsIn(LOG_LEVELS)
  LOG_LEVEL: LogLevel = 'info';

  /** Browser origins allowed to call the API, comma-separated; empty keeps CORS closed. */
  @Matches(/^[^\s]*$/, { message: 'CORS_ORIGINS must be origins separated by commas, no spaces' })
  CORS_ORIGINS: string = '';

  @IsIn(['production', 'development', 'test'])
  NODE_ENV: string = 'development';
}
