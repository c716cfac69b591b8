import { Module } from '@nestjs/common';
import { ChatController } from './chat.controller.js';
import { chatMetricProviders } from './chat.metrics.js';
import { ChatService } from './chat.service.js';

@Module({
  controllers: [ChatController],
  providers: [ChatService, ...chatMetricProviders],
})
export class ChatModule {}
