import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { requestIdMiddleware } from '@bookstore/observability';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
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
  /** Origins allowed to call the API from a browser; empty keeps CORS closed. */
  corsOrigins: string[];
}

// The store page and widget need nothing but their own origin; Swagger UI gets helmet's defaults.
const STRICT_CSP = {
  useDefaults: false,
  directives: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'", 'data:'],
    connectSrc: ["'self'"],
    fontSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  },
};

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
  app.use(requestIdMiddleware);
  const strict = helmet({ contentSecurityPolicy: STRICT_CSP });
  const docs = helmet();
  app.use((req: Request, res: Response, next: NextFunction) =>
    (req.path.startsWith('/docs') ? docs : strict)(req, res, next),
  );
  if (options.corsOrigins.length > 0) {
    app.enableCors({
      origin: options.corsOrigins,
      methods: ['GET', 'POST', 'DELETE'],
      maxAge: 600,
    });
  }
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
      // Routes that need a token say so with @ApiBearerAuth('bearer').
      .addBearerAuth({ type: 'http', scheme: 'bearer' }, 'bearer')
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
}
