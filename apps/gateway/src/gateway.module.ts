import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { PrometheusModule } from '@willsoto/nestjs-prometheus';
import { validateEnv } from '@bookstore/config';
import { HealthModule } from '@bookstore/health';
import { ChatProxyModule } from './chat-proxy/chat-proxy.module.js';
import { ChatbotReadiness } from './chat-proxy/chatbot.health.js';
import { GatewayEnv } from './config/gateway.env.js';
import { StorePageModule } from './store/store-page.module.js';

@Module({
  imports: [
    ConfigModule.forRoot({
      isGlobal: true,
      ignoreEnvFile: true,
      validate: validateEnv(GatewayEnv),
    }),
    PrometheusModule.register({ path: '/metrics' }),
    ChatProxyModule,
    HealthModule.forRoot({ imports: [ChatProxyModule], checks: [ChatbotReadiness] }),
    StorePageModule,
  ],
})
export class GatewayModule {}
