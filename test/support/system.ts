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

export interface RunningSystem {
  gatewayUrl: string;
  chatbotUrl: string;
  close(): Promise<void>;
}

type Env = Record<string, string>;

async function listen(app: INestApplication): Promise<string> {
  await app.listen(0, '127.0.0.1');
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

/** Both apps on ephemeral loopback ports, the gateway pointed at the chatbot over real HTTP. */
export async function startSystem(
  env: { chatbot?: Env; gateway?: Env } = {},
): Promise<RunningSystem> {
  const chatbotConfig = validateEnv(ChatbotEnv)({ NODE_ENV: 'test', ...env.chatbot });
  const chatbot = await boot(ChatbotModule, new ConfigService(chatbotConfig), setupChatbot);
  const chatbotUrl = await listen(chatbot);
  const gatewayConfig = validateEnv(GatewayEnv)({
    NODE_ENV: 'test',
    CHAT_SERVICE_URL: chatbotUrl,
    ...env.gateway,
  });
  const gateway = await boot(GatewayModule, new ConfigService(gatewayConfig), setupGateway);
  const gatewayUrl = await listen(gateway);
  return {
    gatewayUrl,
    chatbotUrl,
    close: async () => {
      await gateway.close();
      await chatbot.close();
    },
  };
}
