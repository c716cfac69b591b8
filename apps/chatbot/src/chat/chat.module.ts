import { Module } from '@nestjs/common';
import { HttpModule } from '@nestjs/axios';
import { ConfigService } from '@nestjs/config';
import { outboundConfig } from '@bookstore/http';
import type { ChatbotEnv } from '../config/chatbot.env.js';
import { ChatController } from './chat.controller.js';
import { chatMetricProviders } from './chat.metrics.js';
import { AssistantService } from './assistant.service.js';
import { ChatService } from './chat.service.js';
import { CatalogIndex } from './catalog.js';
import { DialogueService } from './dialogue.service.js';
import { HandoffService } from './handoff.service.js';
import { HelpCenter } from './help-center.js';
import { BookstoreClient } from '../store-client/bookstore.client.js';

@Module({
  imports: [
    // The store API's client: one keep-alive pool to the gateway's /api.
    HttpModule.registerAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService<ChatbotEnv, true>) =>
        outboundConfig({
          baseUrl: config.get('BOOKSTORE_API_URL', { infer: true }),
          connections: 16,
        }),
    }),
  ],
  controllers: [ChatController],
  providers: [
    ChatService,
    DialogueService,
    HandoffService,
    AssistantService,
    BookstoreClient,
    CatalogIndex,
    HelpCenter,
    ...chatMetricProviders,
  ],
})
export class ChatModule {}
