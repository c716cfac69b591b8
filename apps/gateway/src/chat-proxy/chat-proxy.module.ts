import { Module } from '@nestjs/common';
import { HttpModule } from '@nestjs/axios';
import { ConfigService } from '@nestjs/config';
import { outboundConfig } from '@bookstore/http';
import type { GatewayEnv } from '../config/gateway.env.js';
import { ChatProxyController } from './chat-proxy.controller.js';
import { chatProxyMetricProviders } from './chat-proxy.metrics.js';
import { ChatbotClient } from './chatbot.client.js';

@Module({
  imports: [
    // The chatbot's client: one keep-alive pool of CHAT_SERVICE_CONNECTIONS to CHAT_SERVICE_URL.
    HttpModule.registerAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService<GatewayEnv, true>) =>
        outboundConfig({
          baseUrl: config.get('CHAT_SERVICE_URL', { infer: true }),
          connections: config.get('CHAT_SERVICE_CONNECTIONS', { infer: true }),
        }),
    }),
  ],
  controllers: [ChatProxyController],
  providers: [ChatbotClient, ...chatProxyMetricProviders],
  exports: [ChatbotClient],
})
export class ChatProxyModule {}
