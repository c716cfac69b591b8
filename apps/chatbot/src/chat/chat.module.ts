import { Module } from '@nestjs/common';
import { HttpModule } from '@nestjs/axios';
import { outboundConfig } from '@bookstore/http';
import { ChatbotOptions } from '../config/chatbot.options.js';
import { ChatController } from './chat.controller.js';
import { chatMetricProviders } from './chat.metrics.js';
import { ChatService } from './chat.service.js';
import { AssistantService } from '../assistant/assistant.service.js';
import { DialogueService } from '../dialogue/dialogue.service.js';
import { StoreFacts } from '../dialogue/store-facts.js';
import { BooksFlow } from '../flows/books/books.flow.js';
import { HandoffFlow } from '../flows/handoff/handoff.flow.js';
import { HelpFlow } from '../flows/help/help.flow.js';
import { OrdersFlow } from '../flows/orders/orders.flow.js';
import { SmallTalkFlow } from '../flows/small-talk/small-talk.flow.js';
import { CatalogIndex } from '../knowledge/catalog.js';
import { HelpCenter } from '../knowledge/help-center.js';
import { StoreApiClient } from '../store-client/store-api.client.js';

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
    StoreFacts,
    OrdersFlow,
    BooksFlow,
    HelpFlow,
    HandoffFlow,
    SmallTalkFlow,
    AssistantService,
    StoreApiClient,
    CatalogIndex,
    HelpCenter,
    ...chatMetricProviders,
  ],
})
export class ChatModule {}
