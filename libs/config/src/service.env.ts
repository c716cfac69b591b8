import { EnvInt } from './env-decorators.js';
import { IsIn, IsString, Matches, MaxLength, MinLength, ValidateIf } from 'class-validator';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
export const LOG_FORMATS = ['auto', 'json', 'pretty'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

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
   * behind one ingress, or addresses and presets such as `loopback, uniquelocal`. Empty (the
   * default) trusts none: whoever connects is the client, so nobody can choose their address.
   */
  @Matches(/^(\d{1,2}|[A-Za-z0-9.:/, ]{0,200})$/)
  TRUST_PROXY: string = '';

  /**
   * The shared secret the gateway and the chatbot send each other (header `x-internal-token`) so
   * that each tells the other apart from the public and believes the shopper's address it names.
   * Required in production; unset in development, nobody is internal.
   */
  @ValidateIf((e: ServiceEnv) => e.NODE_ENV === 'production' || e.INTERNAL_API_TOKEN !== undefined)
  @IsString({ message: 'INTERNAL_API_TOKEN is required in production (16 to 256 characters)' })
  @MinLength(16, { message: 'INTERNAL_API_TOKEN must be at least 16 characters' })
  @MaxLength(256)
  @Matches(/^[\x21-\x7e]+$/, { message: 'INTERNAL_API_TOKEN must be printable ASCII, no spaces' })
  INTERNAL_API_TOKEN?: string;

  /** Longest wait for a request's headers, in milliseconds (slow-header clients are cut off). */
  @EnvInt(1_000, 120_000)
  HTTP_HEADERS_TIMEOUT_MS: number = 10_000;

  /**
   * Longest wait for a whole request (headers and body), in milliseconds. Streamed answers are
   * responses, so this does not cut them.
   */
  @EnvInt(1_000, 600_000)
  HTTP_REQUEST_TIMEOUT_MS: number = 15_000;

  /** How long an idle keep-alive connection stays open, in milliseconds. */
  @EnvInt(1_000, 600_000)
  HTTP_KEEP_ALIVE_TIMEOUT_MS: number = 5_000;

  /** Open connections accepted at once; more are refused at the socket. 0: no cap. */
  @EnvInt(0, 1_000_000)
  HTTP_MAX_CONNECTIONS: number = 2_000;

  /** After SIGTERM, keep serving this long (readiness already 503) before closing the server. */
  @EnvInt(0, 120_000)
  SHUTDOWN_GRACE_MS: number = 0;

  /** pino level: fatal, error, warn, info, debug, trace or silent. */
  @IsIn(LOG_LEVELS)
  LOG_LEVEL: LogLevel = 'info';

  /**
   * `json`: one JSON line per event, for log collectors. `pretty`: one coloured line per event, for
   * a person at a terminal. `auto` (the default): pretty when standard output is a terminal and
   * NODE_ENV is not production, else JSON.
   */
  @IsIn(LOG_FORMATS)
  LOG_FORMAT: LogFormat = 'auto';

  /** Browser origins allowed to call the API, comma-separated; empty keeps CORS closed. */
  @Matches(/^[^\s]*$/, { message: 'CORS_ORIGINS must be origins separated by commas, no spaces' })
  CORS_ORIGINS: string = '';

  @IsIn(['production', 'development', 'test'])
  NODE_ENV: string = 'development';
}

/** The HTTP edge's settings as both apps hand them to `configureHttpApp`, read in one place. */
export function httpEdgeSettings(read: <K extends keyof ServiceEnv>(key: K) => ServiceEnv[K]) {
  return {
    trustProxy: read('TRUST_PROXY'),
    internalToken: read('INTERNAL_API_TOKEN'),
    server: {
      headersTimeoutMs: read('HTTP_HEADERS_TIMEOUT_MS'),
      requestTimeoutMs: read('HTTP_REQUEST_TIMEOUT_MS'),
      keepAliveTimeoutMs: read('HTTP_KEEP_ALIVE_TIMEOUT_MS'),
      maxConnections: read('HTTP_MAX_CONNECTIONS'),
    },
    corsOrigins: read('CORS_ORIGINS')
      .split(',')
      .filter((origin) => origin !== ''),
  };
}
