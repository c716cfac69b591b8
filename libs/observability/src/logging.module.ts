import { createHmac, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type DynamicModule, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { LogLevel } from '@bookstore/config';
import { LoggerModule } from 'nestjs-pino';
import type { DestinationStream } from 'pino';

const QUIET_PATHS = new Set(['/health', '/health/ready', '/metrics']);

/**
 * JSON logs, one line per event, each with the request id. Request logs carry the method, the
 * path without its query (which may hold what a shopper typed) and the status; bodies are never
 * logged, and credentials in headers are redacted. A session id is a bearer secret (it reads the
 * conversation): in a path it is logged as a short keyed hash, enough to correlate turns.
 */
@Module({})
export class LoggingModule {
  static forRoot(options: { destination?: DestinationStream } = {}): DynamicModule {
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRootAsync({
          inject: [ConfigService],
          useFactory: (
            config: ConfigService<{ LOG_LEVEL: LogLevel; INTERNAL_API_TOKEN?: string }, true>,
          ) => {
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
                options.destination ?? process.stdout,
              ],
            };
          },
        }),
      ],
      exports: [LoggerModule],
    };
  }
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
