import type { INestApplication } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Test } from '@nestjs/testing';
import { validateEnv } from '@bookstore/config';
import { ChatbotModule } from '../../apps/chatbot/src/chatbot.module.js';
import { setupChatbot } from '../../apps/chatbot/src/chatbot.setup.js';
import { ChatbotEnv } from '../../apps/chatbot/src/config/chatbot.env.js';
import { GatewayEnv } from '../../apps/gateway/src/config/gateway.env.js';
import { GatewayModule } from '../../apps/gateway/src/gateway.module.js';
import { setupGateway } from '../../apps/gateway/src/gateway.setup.js';
import { closedPort } from './http-server.js';
import { createSchema } from './postgres.js';

export interface RunningSystem {
  gatewayUrl: string;
  chatbotUrl: string;
  close(): Promise<void>;
}

type Env = Record<string, string>;

async function listen(app: INestApplication, port = 0): Promise<string> {
  await app.listen(port, '127.0.0.1');
  return (await app.getUrl()).replace('[::1]', '127.0.0.1');
}

async function boot(
  module: typeof ChatbotModule | typeof GatewayModule,
  config: ConfigService,
  setup: (app: INestApplication) => void,
): Promise<INestApplication> {
  const moduleRef = await Test.createTestingModule({ imports: [module] })
    .overrideProvider(ConfigService)
    .useValue(config)
    .compile();
  const app = moduleRef.createNestApplication({ bodyParser: false, logger: false });
  setup(app);
  return app;
}

export interface RunningApp {
  url: string;
  app: INestApplication;
}

/** The chatbot on an ephemeral loopback port. */
export async function startChatbot(env: Env = {}): Promise<RunningApp> {
  // No LLM unless a test brings one (a fake server), and no rate limit unless a test sets one.
  const config = validateEnv(ChatbotEnv)({
    NODE_ENV: 'test',
    LLM_BACKEND: 'none',
    RATE_LIMIT_PER_MINUTE: '0',
    LOG_LEVEL: 'silent',
    ...env,
  });
  const app = await boot(ChatbotModule, new ConfigService(config), setupChatbot);
  return { app, url: await listen(app) };
}

/**
 * The gateway on an ephemeral loopback port. Its store is a fresh schema in the test PostgreSQL
 * (fast to create), unless the env names a database, or `DATABASE_URL: ''` asks for the embedded
 * PGlite that `npm start` uses.
 */
export async function startGateway(env: Env = {}, port = 0): Promise<RunningApp> {
  const schema = env.DATABASE_URL === undefined ? await createSchema() : undefined;
  const config = validateEnv(GatewayEnv)({
    NODE_ENV: 'test',
    RATE_LIMIT_PER_MINUTE: '0',
    LOG_LEVEL: 'silent',
    ...(schema ? { DATABASE_URL: schema.url, DATABASE_POOL_SIZE: '3' } : {}),
    ...env,
  });
  const app = await boot(GatewayModule, new ConfigService(config), setupGateway);
  if (schema) {
    const close = app.close.bind(app);
    app.close = async () => {
      await close();
      await schema.drop();
    };
  }
  return { app, url: await listen(app, port) };
}

/** Both apps on ephemeral loopback ports, the gateway pointed at the chatbot over real HTTP. */
export async function startSystem(
  env: { chatbot?: Env; gateway?: Env } = {},
): Promise<RunningSystem> {
  // The chatbot calls the gateway's store API and the gateway calls the chatbot: fix the port first.
  const gatewayPort = await closedPort();
  const chatbot = await startChatbot({
    BOOKSTORE_API_URL: `http://127.0.0.1:${gatewayPort}`,
    ...env.chatbot,
  });
  const gateway = await startGateway(
    { CHAT_SERVICE_URL: chatbot.url, ...env.gateway },
    gatewayPort,
  );
  return {
    gatewayUrl: gateway.url,
    chatbotUrl: chatbot.url,
    close: async () => {
      await gateway.app.close();
      await chatbot.app.close();
    },
  };
}
