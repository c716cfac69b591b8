import { Module } from '@nestjs/common';
import { HttpModule } from '@nestjs/axios';
import { outboundConfig } from '@bookstore/http';
import { ChatbotOptions } from '../config/chatbot.options.js';
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
      inject: [ChatbotOptions],
      useFactory: (o: ChatbotOptions) => outboundConfig(o.store),
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
