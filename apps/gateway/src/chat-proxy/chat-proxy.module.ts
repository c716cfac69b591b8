import { Module } from '@nestjs/common';
import { ChatProxyController } from './chat-proxy.controller.js';
import { chatProxyMetricProviders } from './chat-proxy.metrics.js';
import { ChatbotClient } from './chatbot.client.js';
import { ChatTurns } from './chat-turns.js';

@Module({
  controllers: [ChatProxyController],
  providers: [ChatbotClient, ChatTurns, ...chatProxyMetricProviders],
  exports: [ChatbotClient, ChatTurns],
})
export class ChatProxyModule {}
