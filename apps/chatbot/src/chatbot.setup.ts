import type { INestApplication } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { configureHttpApp } from '@bookstore/http';
import { AppLogger } from '@bookstore/observability';
import type { ChatbotEnv } from './config/chatbot.env.js';

/** Everything main.ts does to the app besides listening, shared with the e2e tests. */
export function setupChatbot(app: INestApplication): void {
  const config = app.get<ConfigService<ChatbotEnv, true>>(ConfigService);
  app.useLogger(app.get(AppLogger));
  configureHttpApp(app, {
    title: 'Bookstore chatbot',
    description: 'Answers shoppers: intent rules first, then the fallback.',
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
    corsOrigins: config
      .get('CORS_ORIGINS', { infer: true })
      .split(',')
      .filter((origin) => origin !== ''),
  });
}
