import { Module } from '@nestjs/common';
import { ChatProxyController } from './chat-proxy.controller.js';
import { chatProxyMetricProviders } from './chat-proxy.metrics.js';
import { ChatbotClient } from './chatbot.client.js';

@Module({
  controllers: [ChatProxyController],
  providers: [ChatbotClient, ...chatProxyMetricProviders],
  exports: [ChatbotClient],
})
export class ChatProxyModule {}
