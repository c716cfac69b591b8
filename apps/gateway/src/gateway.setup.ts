import type { INestApplication } from '@nestjs/common';
import { configureHttpApp } from '@bookstore/http';

/** Everything main.ts does to the app besides listening, shared with the e2e tests. */
export function setupGateway(app: INestApplication): void {
  configureHttpApp(app, {
    title: 'Bookstore gateway',
    description: 'The store page, the chat widget, the chat proxy and the store API.',
    version: '1',
    bodyLimit: '16kb',
  });
}
