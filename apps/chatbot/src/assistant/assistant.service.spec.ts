import { HttpService } from '@nestjs/axios';
import { ConfigService } from '@nestjs/config';
import { validateEnv } from '@bookstore/config';
import { createOutboundClient } from '@bookstore/http';
import { LlmClient, LlmUnavailableError } from '@bookstore/llm';
import { understand } from '@bookstore/intents';
import type { Turn } from '@bookstore/conversations';
import { ScriptedLlm } from '../../../../test/support/scripted-llm.js';
import { ChatbotEnv } from '../config/chatbot.env.js';
import { chatbotOptions } from '../config/chatbot.options.js';
import { StoreApiClient } from '../store-client/store-api.client.js';
import { AssistantService } from './assistant.service.js';
import { CatalogIndex } from '../knowledge/catalog.js';
import { HelpCenter } from '../knowledge/help-center.js';

// No store answers (a closed port): the books and articles are empty, as when the store is down.
/** The chatbot's options as the app maps them, from an environment. */
const options = (env: Record<string, string> = {}) =>
  chatbotOptions(new ConfigService(validateEnv(ChatbotEnv)({ NODE_ENV: 'test', ...env })));

const store = new StoreApiClient(
  options({ BOOKSTORE_API_TIMEOUT_MS: '500' }),
  new HttpService(createOutboundClient({ baseUrl: 'http://127.0.0.1:9', connections: 1 })),
);
afterAll(() => store.onApplicationShutdown());

function assistant(llm: LlmClient, historyTurns = 6) {
  return new AssistantService(
    llm,
    new CatalogIndex(store),
    new HelpCenter(store),
    options({ LLM_HISTORY_TURNS: String(historyTurns) }),
  );
}

async function said(stream: AsyncGenerator<string>): Promise<string> {
  let text = '';
  for await (const delta of stream) text += delta;
  return text;
}

const never = new AbortController().signal;
const earlier: Turn = {
  turn: 1,
  timestamp: 'now',
  user: 'Where is 123456?',
  bot: 'Shipped.',
  intent: 'order_status',
  source: 'rules',
};

describe('AssistantService', () => {
  it('reads no earlier turns when no LLM is configured, and the budget when one is', () => {
    expect(assistant(new ScriptedLlm('none', [])).historyTurns).toBe(0);
    expect(assistant(new ScriptedLlm('ollama', []), 4).historyTurns).toBe(4);
  });

  it('passes the LLM’s deltas on as they come', async () => {
    const service = assistant(new ScriptedLlm('ollama', ['Yes, ', 'we do.']));
    const deltas: string[] = [];
    for await (const d of service.stream(understand('Do you wrap gifts?'), [], {}, never))
      deltas.push(d);
    expect(deltas).toEqual(['Yes, ', 'we do.']);
  });

  it('lets the LLM’s failure through for the turn to decide', async () => {
    const service = assistant(new ScriptedLlm('ollama', [], new LlmUnavailableError('timeout')));
    await expect(
      said(service.stream(understand('Do you wrap gifts?'), [], {}, never)),
    ).rejects.toThrow(LlmUnavailableError);
  });

  it('sends the conversation so far and the verified orders with the question', async () => {
    const llm = new ScriptedLlm('ollama', ['ok']);
    await said(
      assistant(llm).stream(
        understand('Can it come faster?'),
        [earlier],
        { verified: [{ orderId: '123456', summary: 'Order 123456: shipped, 2 books' }] },
        never,
      ),
    );
    const [messages] = llm.sent;
    expect(messages[0].content).toContain('Order 123456: shipped, 2 books');
    expect(messages.slice(1)).toEqual([
      { role: 'user', content: 'Where is 123456?' },
      { role: 'assistant', content: 'Shipped.' },
      { role: 'user', content: 'Can it come faster?' },
    ]);
  });

  it('sends no history when LLM_HISTORY_TURNS is 0', async () => {
    const llm = new ScriptedLlm('ollama', ['ok']);
    await said(assistant(llm, 0).stream(understand('Anything new?'), [earlier], {}, never));
    expect(llm.sent[0].slice(1)).toEqual([{ role: 'user', content: 'Anything new?' }]);
  });
});
