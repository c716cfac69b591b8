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
 * logged, and credentials in headers are redacted.
 */
@Module({})
export class LoggingModule {
  static forRoot(options: { destination?: DestinationStream } = {}): DynamicModule {
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRootAsync({
          inject: [ConfigService],
          useFactory: (config: ConfigService<{ LOG_LEVEL: LogLevel }, true>) => ({
            pinoHttp: [
              {
                level: config.get('LOG_LEVEL', { infer: true }),
                genReqId: (req: IncomingMessage) => String(req.headers['x-request-id'] ?? ''),
                autoLogging: { ignore: (req: IncomingMessage) => QUIET_PATHS.has(pathOf(req.url)) },
                redact: {
                  paths: [
                    'req.headers.authorization',
                    'req.headers.cookie',
                    'req.headers["x-api-key"]',
                    'res.headers["set-cookie"]',
                  ],
                  censor: '[redacted]',
                },
                serializers: {
                  req: (req: IncomingMessage & { id?: unknown }) => ({
                    id: req.id,
                    method: req.method,
                    path: pathOf(req.url),
                  }),
                  res: (res: ServerResponse) => ({ statusCode: res.statusCode }),
                },
                customLogLevel: (_req: IncomingMessage, res: ServerResponse, err?: Error) =>
                  err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
              },
              options.destination ?? process.stdout,
            ],
          }),
        }),
      ],
      exports: [LoggerModule],
    };
  }
}

function pathOf(url: string | undefined): string {
  return (url ?? '').split('?')[0];
}
