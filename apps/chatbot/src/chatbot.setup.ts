import type { INestApplication } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { httpEdgeSettings } from '@bookstore/config';
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
    ...httpEdgeSettings((key) => config.get(key, { infer: true })),
  });
}
