import type { LlmClient } from '@bookstore/llm';
import { MemoryConversations, type Conversations } from '@bookstore/conversations';
import { BooksFlow } from '../flows/books/books.flow.js';
import { HandoffFlow } from '../flows/handoff/handoff.flow.js';
import { HelpFlow } from '../flows/help/help.flow.js';
import { OrdersFlow } from '../flows/orders/orders.flow.js';
import { SmallTalkFlow } from '../flows/small-talk/small-talk.flow.js';
import { CatalogIndex } from '../knowledge/catalog.js';
import { HelpCenter } from '../knowledge/help-center.js';
import type { StoreApiClient } from '../store-client/store-api.client.js';
import { DEMO } from '../../../../test/support/content.js';
import { DialogueService } from './dialogue.service.js';
import { StoreFacts } from './store-facts.js';

/** The dialogue and its flows wired as the module wires them, for specs. */
export function dialogueOf(
  store: StoreApiClient,
  llm: LlmClient,
  help = new HelpCenter(store),
  catalog = new CatalogIndex(store),
  facts = new StoreFacts(DEMO),
  sessions: Conversations = new MemoryConversations({
    prefix: 'chat:',
    maxTurns: 20,
    ttlSeconds: 60,
  }),
): DialogueService {
  return new DialogueService(
    new OrdersFlow(store, help, facts),
    new BooksFlow(catalog, facts),
    new HelpFlow(help, facts),
    new HandoffFlow(store, llm, sessions),
    new SmallTalkFlow(),
  );
}
