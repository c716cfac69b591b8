import { EnvBoolean, EnvInt, EnvUrl, ServiceEnv } from '@bookstore/config';
import { DEFAULT_CONTENT_DIR, IsStoreContentDir } from '@bookstore/content';
import { IsEmail, IsOptional, IsString, MinLength, ValidateIf } from 'class-validator';

/** The gateway's environment, validated once at boot. Each variable is in the README's table. */
export class GatewayEnv extends ServiceEnv {
  /** Port to listen on. */
  @EnvInt(1, 65535)
  PORT: number = 8080;

  /** Where the chatbot service answers (`http://chatbot-service:5000` in the cluster). */
  @EnvUrl(['http', 'https'])
  CHAT_SERVICE_URL: string = 'http://localhost:5000';

  /** Longest wait for the chatbot's answer, in milliseconds; above the chatbot's own LLM_TIMEOUT. */
  @EnvInt(100, 300_000)
  CHAT_SERVICE_TIMEOUT_MS: number = 35_000;

  /** Keep-alive connections the gateway may hold open to the chatbot. */
  @EnvInt(1, 1024)
  CHAT_SERVICE_CONNECTIONS: number = 64;

  /** PostgreSQL for orders and the catalog; unset uses the embedded PGlite. */
  @IsOptional()
  @EnvUrl(['postgres', 'postgresql'])
  DATABASE_URL?: string;

  /** Directory where PGlite keeps its data; unset keeps it in memory (demo data reloads each start). */
  @IsOptional()
  @IsString()
  PGLITE_DATA_DIR?: string;

  /** PostgreSQL connections per replica. */
  @EnvInt(1, 100)
  DATABASE_POOL_SIZE: number = 10;

  /** A query slower than this is cancelled. */
  @EnvInt(100, 60_000)
  DATABASE_STATEMENT_TIMEOUT_MS: number = 5_000;

  /**
   * The store's content folder: store.yaml, help/<lang>/<slug>.md, catalog.csv, orders.json. The
   * gateway checks it at boot (and refuses to start on a folder with problems) and brings the
   * database up to date with it. Default: the repository's demo store.
   */
  @IsStoreContentDir()
  STORE_CONTENT_DIR: string = DEFAULT_CONTENT_DIR;

  /** Load the content's demo orders (orders.json) into a store with none; never in production. */
  @EnvBoolean()
  SEED_DEMO_DATA: boolean = true;

  /** Failed order verifications allowed per chat session within the window. */
  @EnvInt(1, 1_000)
  ORDER_VERIFY_MAX_ATTEMPTS: number = 5;

  /**
   * Failed order verifications allowed per client address (IPv6: per /64) within the window;
   * higher than per session, since an office or a household shares one address.
   */
  @EnvInt(1, 100_000)
  ORDER_VERIFY_MAX_ATTEMPTS_PER_CLIENT: number = 30;

  /** The window for ORDER_VERIFY_MAX_ATTEMPTS, in seconds. */
  @EnvInt(1, 86_400)
  ORDER_VERIFY_WINDOW_SECONDS: number = 3_600;

  /** API requests per minute per client address; 0 turns the limit off. */
  @EnvInt(0, 100_000)
  RATE_LIMIT_PER_MINUTE: number = 60;

  /** Redis for rate-limit counters shared by every replica; unset counts per process. */
  @IsOptional()
  @EnvUrl(['redis', 'rediss'])
  REDIS_URL?: string;

  // Handoff to the support team (README: "Handoff to the support team").

  /** SMTP server for the support team's email, e.g. `smtp://user:pass@mail:587`; unset sends none. */
  @IsOptional()
  @EnvUrl(['smtp', 'smtps'])
  SMTP_URL?: string;

  /** Where support requests are emailed (and the sender of that email); unset: store.yaml's support_email. */
  @IsOptional()
  @IsEmail({}, { message: 'SUPPORT_EMAIL must be an email address' })
  SUPPORT_EMAIL?: string;

  /** A help desk's webhook that receives each request as signed JSON; unset sends none. */
  @IsOptional()
  @EnvUrl(['http', 'https'])
  HANDOFF_WEBHOOK_URL?: string;

  /** Key of the webhook's HMAC-SHA256 signature; required with HANDOFF_WEBHOOK_URL. Secret. */
  @ValidateIf((e: GatewayEnv) => e.HANDOFF_WEBHOOK_URL !== undefined)
  @MinLength(16, {
    message: 'HANDOFF_WEBHOOK_SECRET of 16 characters or more is required with HANDOFF_WEBHOOK_URL',
  })
  @IsString({ message: 'HANDOFF_WEBHOOK_SECRET is required with HANDOFF_WEBHOOK_URL' })
  HANDOFF_WEBHOOK_SECRET?: string;

  /** Bearer token of the agents' routes; unset, those routes do not exist (404). Secret. */
  @IsOptional()
  @MinLength(16, { message: 'SUPPORT_API_TOKEN must be 16 characters or more' })
  @IsString()
  SUPPORT_API_TOKEN?: string;

  /** Support requests allowed per conversation within SUPPORT_LIMIT_WINDOW_SECONDS. */
  @EnvInt(1, 1_000)
  SUPPORT_MAX_PER_SESSION: number = 3;

  /** Support requests allowed per client address within SUPPORT_LIMIT_WINDOW_SECONDS. */
  @EnvInt(1, 10_000)
  SUPPORT_MAX_PER_CLIENT: number = 10;

  /** The window of the two limits above, in seconds. */
  @EnvInt(1, 86_400)
  SUPPORT_LIMIT_WINDOW_SECONDS: number = 3_600;

  /** How often each replica looks for requests whose delivery failed, in milliseconds. */
  @EnvInt(50, 3_600_000)
  SUPPORT_RETRY_INTERVAL_MS: number = 30_000;

  /** Longest wait for the SMTP server or the webhook, per try, in milliseconds. */
  @EnvInt(100, 120_000)
  SUPPORT_DELIVERY_TIMEOUT_MS: number = 10_000;

  /**
   * Delivery passes per request before it is given up as `failed` (kept for the agents' route,
   * counted in support_deliveries_total{outcome="gave_up"}); with the doubling delay, the default
   * keeps trying for about five hours.
   */
  @EnvInt(1, 1_000)
  SUPPORT_DELIVERY_MAX_ATTEMPTS: number = 12;

  // The support team's desk (README: "Desk").

  /** Days the desk keeps the questions the bot could not answer and the answers marked down. */
  @EnvInt(1, 3_650)
  DESK_RETENTION_DAYS: number = 30;

  /** Hours an agent's sign-in lasts; signing out ends it sooner. */
  @EnvInt(1, 168)
  DESK_SESSION_HOURS: number = 8;

  /** Failed sign-ins allowed per agent's email within DESK_SIGN_IN_WINDOW_SECONDS. */
  @EnvInt(1, 1_000)
  DESK_SIGN_IN_MAX_PER_ACCOUNT: number = 5;

  /** Failed sign-ins allowed per client address (IPv6: per /64) within the window. */
  @EnvInt(1, 100_000)
  DESK_SIGN_IN_MAX_PER_CLIENT: number = 20;

  /** The window of the two sign-in limits, in seconds (at most a day). */
  @EnvInt(1, 86_400)
  DESK_SIGN_IN_WINDOW_SECONDS: number = 900;
}
