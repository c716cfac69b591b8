import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { useJsonBodyParser } from './body-parser.js';
import { HttpExceptionFilter } from './http-exception.filter.js';
import { strictValidationPipe } from './validation.pipe.js';

export interface HttpAppOptions {
  title: string;
  description: string;
  version: string;
  /** Largest accepted JSON body, in body-parser notation ("16kb"). */
  bodyLimit: string;
  /**
   * Which proxies may tell the client's address in X-Forwarded-For: a hop count ("1") or
   * addresses and presets ("loopback, uniquelocal"), as Express's "trust proxy" takes them.
   */
  trustProxy: string;
}

/**
 * What both apps share at the HTTP edge: the JSON body limit, strict validation, the one error
 * shape, Swagger UI at /docs (document at /docs-json) and shutdown hooks. The app must have been
 * created with `bodyParser: false` so that the limit here is the only one.
 */
export function configureHttpApp(app: INestApplication, options: HttpAppOptions): void {
  const express = app.getHttpAdapter().getInstance() as { set(key: string, value: unknown): void };
  express.set(
    'trust proxy',
    /^\d+$/.test(options.trustProxy) ? Number(options.trustProxy) : options.trustProxy,
  );
  express.set('x-powered-by', false);
  useJsonBodyParser(app, options.bodyLimit);
  app.useGlobalPipes(strictValidationPipe());
  app.useGlobalFilters(new HttpExceptionFilter());
  app.enableShutdownHooks();
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle(options.title)
      .setDescription(options.description)
      .setVersion(options.version)
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
}
