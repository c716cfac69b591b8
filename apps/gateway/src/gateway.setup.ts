import type { INestApplication } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { configureHttpApp } from '@bookstore/http';
import { AppLogger } from '@bookstore/observability';
import type { GatewayEnv } from './config/gateway.env.js';
import { serveStorePage } from './store-page/store-page.js';

/** Everything main.ts does to the app besides listening, shared with the e2e tests. */
export function setupGateway(app: INestApplication): void {
  const config = app.get<ConfigService<GatewayEnv, true>>(ConfigService);
  app.useLogger(app.get(AppLogger));
  const corsOrigins = config
    .get('CORS_ORIGINS', { infer: true })
    .split(',')
    .filter((origin) => origin !== '');
  configureHttpApp(app, {
    title: 'Bookstore gateway',
    description: 'The store page, the chat widget, the chat proxy and the store API.',
    version: '1',
    bodyLimit: '16kb',
    trustProxy: config.get('TRUST_PROXY', { infer: true }),
    internalToken: config.get('INTERNAL_API_TOKEN', { infer: true }),
    server: {
      headersTimeoutMs: config.get('HTTP_HEADERS_TIMEOUT_MS', { infer: true }),
      requestTimeoutMs: config.get('HTTP_REQUEST_TIMEOUT_MS', { infer: true }),
      keepAliveTimeoutMs: config.get('HTTP_KEEP_ALIVE_TIMEOUT_MS', { infer: true }),
      maxConnections: config.get('HTTP_MAX_CONNECTIONS', { infer: true }),
    },
    corsOrigins,
  });
  // After the security headers, so the static page gets its Content-Security-Policy too.
  serveStorePage(app, { embeddable: corsOrigins.length > 0 });
}
