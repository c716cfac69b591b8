import type { INestApplication } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { httpEdgeSettings } from '@bookstore/config';
import { configureHttpApp } from '@bookstore/http';
import { AppLogger } from '@bookstore/observability';
import type { GatewayEnv } from './config/gateway.env.js';
import { serveStorePage } from './store-page/store-page.js';

/** Everything main.ts does to the app besides listening, shared with the e2e tests. */
export function setupGateway(app: INestApplication): void {
  const config = app.get<ConfigService<GatewayEnv, true>>(ConfigService);
  app.useLogger(app.get(AppLogger));
  const edge = httpEdgeSettings((key) => config.get(key, { infer: true }));
  configureHttpApp(app, {
    title: 'Bookstore gateway',
    description: 'The store page, the chat widget, the chat proxy and the store API.',
    version: '1',
    bodyLimit: '16kb',
    ...edge,
  });
  // After the security headers, so the static page gets its Content-Security-Policy too.
  serveStorePage(app, { embeddable: edge.corsOrigins.length > 0 });
}
