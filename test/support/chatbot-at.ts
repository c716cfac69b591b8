import { ConfigService } from '@nestjs/config';
import { Test } from '@nestjs/testing';
import { validateEnv } from '@bookstore/config';
import { ChatbotModule } from '../../apps/chatbot/src/chatbot.module.js';
import { setupChatbot } from '../../apps/chatbot/src/chatbot.setup.js';
import { ChatbotEnv } from '../../apps/chatbot/src/config/chatbot.env.js';
import type { RunningApp } from './system.js';

/**
 * The chatbot on a port of the caller's choosing, with `startChatbot`'s defaults: a replacement for
 * one that was stopped, at the address its clients already use (as a restarted pod behind its
 * Service would be).
 */
export async function startChatbotAt(
  port: number,
  env: Record<string, string> = {},
): Promise<RunningApp> {
  const config = validateEnv(ChatbotEnv)({
    NODE_ENV: 'test',
    LLM_BACKEND: 'none',
    RATE_LIMIT_PER_MINUTE: '0',
    LOG_LEVEL: 'silent',
    ...env,
  });
  const moduleRef = await Test.createTestingModule({ imports: [ChatbotModule] })
    .overrideProvider(ConfigService)
    .useValue(new ConfigService(config))
    .compile();
  const app = moduleRef.createNestApplication({ bodyParser: false, logger: false });
  setupChatbot(app);
  await app.listen(port, '127.0.0.1');
  return { app, url: `http://127.0.0.1:${port}` };
}
