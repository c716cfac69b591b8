import type { Server } from 'node:http';
import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { requestIdMiddleware } from '@bookstore/observability';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { useJsonBodyParser } from './body-parser.js';
import { internalCallerMiddleware } from './client-address.js';
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
  /** The shared secret our apps send each other (INTERNAL_API_TOKEN); unset: nobody is internal. */
  internalToken?: string;
  /** How long a client may take and how many may connect (ServiceEnv's HTTP_* variables). */
  server: ServerLimits;
}

export interface ServerLimits {
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  keepAliveTimeoutMs: number;
  /** 0: no cap. */
  maxConnections: number;
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
  express.set('trust proxy', trustProxySetting(options.trustProxy));
  express.set('x-powered-by', false);
  // Express hashes every answer for an ETag, POSTs included; API answers are never revalidated.
  // The page's files keep theirs (serve-static makes its own).
  express.set('etag', false);
  limitServer(app.getHttpServer() as Server, options.server);
  app.use(requestIdMiddleware);
  app.use(internalCallerMiddleware(options.internalToken));
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
  // Built on the first visit to /docs or /docs-json, not at boot: most replicas never serve it.
  const document = () =>
    SwaggerModule.createDocument(
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

/** Empty or `false` trusts no proxy: the peer's own address is the client's. */
function trustProxySetting(value: string): number | string | boolean {
  const text = value.trim();
  if (text === '' || text === 'false') return false;
  return /^\d+$/.test(text) ? Number(text) : text;
}

/**
 * Node's defaults hold a slow client for minutes (300 s for a request, no cap on connections).
 * The request timeout covers receiving the request only, so long streamed answers are not cut.
 */
function limitServer(server: Server, limits: ServerLimits): void {
  server.headersTimeout = Math.min(limits.headersTimeoutMs, limits.requestTimeoutMs);
  server.requestTimeout = limits.requestTimeoutMs;
  server.keepAliveTimeout = limits.keepAliveTimeoutMs;
  // Read when the server starts listening: check the timeouts often enough to honour them.
  // (a createServer option in the types, but Node reads the property on 'listening').
  (server as Server & { connectionsCheckingInterval: number }).connectionsCheckingInterval =
    Math.min(1_000, server.headersTimeout);
  if (limits.maxConnections > 0) server.maxConnections = limits.maxConnections;
}
