import { createHmac, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type DynamicModule, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { LogFormat, LogLevel } from '@bookstore/config';
import { LoggerModule } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import pretty from 'pino-pretty';
import { AppLogger } from './app-logger.js';

const QUIET_PATHS = new Set(['/health', '/health/ready', '/metrics']);

interface LoggingEnv {
  LOG_LEVEL: LogLevel;
  LOG_FORMAT: LogFormat;
  NODE_ENV: string;
  INTERNAL_API_TOKEN?: string;
}

/**
 * Logs, one line per event, each with the request id: JSON for collectors, or coloured text for a
 * person at a terminal (LOG_FORMAT). Request logs carry the method, the
 * path without its query (which may hold what a shopper typed) and the status; bodies are never
 * logged, and credentials in headers are redacted. A session id is a bearer secret (it reads the
 * conversation): in a path it is logged as a short keyed hash, enough to correlate turns.
 */
@Module({})
export class LoggingModule {
  /** `output`: where the lines go (standard output unless a test captures them). */
  static forRoot(options: { output?: Output } = {}): DynamicModule {
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRootAsync({
          inject: [ConfigService],
          useFactory: (config: ConfigService<LoggingEnv, true>) => {
            // Shared by the replicas when the internal token is set, so their hashes agree.
            const key = config.get('INTERNAL_API_TOKEN', { infer: true }) ?? randomBytes(32);
            const pathOf = (url: string | undefined) => hideSessionIds(pathOnly(url), key);
            return {
              pinoHttp: [
                {
                  level: config.get('LOG_LEVEL', { infer: true }),
                  genReqId: (req: IncomingMessage) => String(req.headers['x-request-id'] ?? ''),
                  autoLogging: {
                    ignore: (req: IncomingMessage) => QUIET_PATHS.has(pathOnly(req.url)),
                  },
                  redact: {
                    paths: [
                      'req.headers.authorization',
                      'req.headers.cookie',
                      'req.headers["x-api-key"]',
                      'req.headers["x-session-id"]',
                      'req.headers["x-internal-token"]',
                      'res.headers["set-cookie"]',
                    ],
                    censor: '[redacted]',
                  },
                  // pino-http binds the request to a child logger on every request, logged or
                  // not: unwrapped, that is three fields, not a copy of the request and headers.
                  wrapSerializers: false,
                  serializers: {
                    req: (req: IncomingMessage & { id?: unknown }) => ({
                      id: req.id,
                      method: req.method,
                      path: pathOf(req.url),
                    }),
                    res: (res: ServerResponse) => ({ statusCode: res.statusCode }),
                  },
                  customLogLevel: (_req: IncomingMessage, res: ServerResponse, err?: Error) =>
                    err || res.statusCode >= 500
                      ? 'error'
                      : res.statusCode >= 400
                        ? 'warn'
                        : 'info',
                },
                destinationFor(config, options.output ?? process.stdout),
              ],
            };
          },
        }),
      ],
      providers: [AppLogger],
      exports: [LoggerModule, AppLogger],
    };
  }
}

/** `auto` is pretty only for a person: a terminal, outside production. */
export function isPretty(format: LogFormat, nodeEnv: string, isTTY: boolean): boolean {
  return format === 'pretty' || (format === 'auto' && isTTY && nodeEnv !== 'production');
}

type Output = DestinationStream & NodeJS.WritableStream & { isTTY?: boolean };

function destinationFor(
  config: ConfigService<LoggingEnv, true>,
  output: Output,
): DestinationStream {
  const format = config.get('LOG_FORMAT', { infer: true });
  const nodeEnv = config.get('NODE_ENV', { infer: true });
  if (!isPretty(format, nodeEnv, output.isTTY === true)) return output;
  return pretty({
    destination: output,
    colorize: true,
    singleLine: true,
    translateTime: 'HH:MM:ss.l',
    ignore: 'pid,hostname,context,req,res,responseTime',
    messageFormat: (log, messageKey) => {
      const req = log.req as { method?: string; path?: string } | undefined;
      const res = log.res as { statusCode?: number } | undefined;
      const line =
        req && res
          ? `${req.method} ${req.path} ${res.statusCode} ${Math.round(Number(log.responseTime))} ms`
          : String(log[messageKey]);
      return typeof log.context === 'string' ? `${log.context}: ${line}` : line;
    },
  });
}

function pathOnly(url: string | undefined): string {
  return (url ?? '').split('?')[0];
}

/** `/sessions/<id>/…` becomes `/sessions/~<8 hex>/…`: the same id, the same hash. */
export function hideSessionIds(path: string, key: string | Buffer): string {
  return path.replace(
    /\/sessions\/([^/]+)/g,
    (_m, id: string) =>
      `/sessions/~${createHmac('sha256', key).update(id).digest('hex').slice(0, 8)}`,
  );
}
