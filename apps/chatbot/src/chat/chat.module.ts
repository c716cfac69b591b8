import { Module } from '@nestjs/common';
import { ChatController } from './chat.controller.js';
import { chatMetricProviders } from './chat.metrics.js';
import { AssistantService } from './assistant.service.js';
import { ChatService } from './chat.service.js';
import { CatalogIndex } from './catalog.js';
import { DialogueService } from './dialogue.service.js';
import { HandoffService } from './handoff.service.js';
import { HelpCenter } from './help-center.js';
import { BookstoreClient } from '../store/bookstore.client.js';

@Module({
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
