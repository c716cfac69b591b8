import { HttpService } from '@nestjs/axios';
import { ConfigService } from '@nestjs/config';
import { validateEnv } from '@bookstore/config';
import { createOutboundClient } from '@bookstore/http';
import { CANNED_RESPONSES, LLM_FAILURE_RESPONSE } from '@bookstore/intents';
import { LlmClient, LlmUnavailableError } from '@bookstore/llm';
import { MemorySessionStore } from '@bookstore/sessions';
import { ScriptedLlm } from '../../../../test/support/scripted-llm.js';
import { ChatbotEnv } from '../config/chatbot.env.js';
import { chatbotOptions } from '../config/chatbot.options.js';
import { BookstoreClient } from '../store-client/bookstore.client.js';
import { AssistantService } from './assistant.service.js';
import { HelpCenter } from './help-center.js';

// No store answers (a closed port): the books and articles are empty, as when the store is down.
/** The chatbot's options as the app maps them, from an environment. */
const options = (env: Record<string, string> = {}) =>
  chatbotOptions(new ConfigService(validateEnv(ChatbotEnv)({ NODE_ENV: 'test', ...env })));

const store = new BookstoreClient(
  options({ BOOKSTORE_API_TIMEOUT_MS: '500' }),
  new HttpService(createOutboundClient({ baseUrl: 'http://127.0.0.1:9', connections: 1 })),
);
afterAll(() => store.onApplicationShutdown());

function assistant(llm: LlmClient, historyTurns = 6) {
  const sessions = new MemorySessionStore({ prefix: 'chat:', maxTurns: 20, ttlSeconds: 60 });
  return {
    sessions,
    service: new AssistantService(
      llm,
      sessions,
      store,
      new HelpCenter(store),
      options({ LLM_HISTORY_TURNS: String(historyTurns) }),
    ),
  };
}

describe('AssistantService', () => {
  it('answers with the rules’ fallback when no LLM is configured, asking none', async () => {
    const llm = new ScriptedLlm('none', ['never']);
    const { service } = assistant(llm);
    expect(await service.answer('Do you wrap gifts?', 's1', {})).toEqual({
      response: CANNED_RESPONSES.fallback,
      source: 'fallback',
    });
    expect(llm.sent).toHaveLength(0);
  });

  it('gives the LLM’s trimmed reply as the answer', async () => {
    const { service } = assistant(new ScriptedLlm('ollama', ['  Yes, we do. ']));
    expect(await service.answer('Do you wrap gifts?', 's1', {})).toEqual({
      response: 'Yes, we do.',
      source: 'llm',
    });
  });

  it.each([
    ['an empty reply', new ScriptedLlm('ollama', ['   '])],
    ['a failed call', new ScriptedLlm('ollama', [], new LlmUnavailableError('timeout'))],
  ])('turns %s into the failure text', async (_what, llm) => {
    const { service } = assistant(llm);
    expect(await service.answer('Do you wrap gifts?', 's1', {})).toEqual({
      response: LLM_FAILURE_RESPONSE,
      source: 'fallback',
    });
  });

  it('lets an error that is not the LLM’s through', async () => {
    const { service } = assistant(new ScriptedLlm('ollama', [], new TypeError('bug')));
    await expect(service.answer('Do you wrap gifts?', 's1', {})).rejects.toThrow(TypeError);
  });

  it('sends the conversation so far and the verified orders with the question', async () => {
    const llm = new ScriptedLlm('ollama', ['ok']);
    const { service, sessions } = assistant(llm);
    await sessions.saveTurn(
      's1',
      {
        timestamp: 'now',
        user: 'Where is 123456?',
        bot: 'Shipped.',
        intent: 'order_status',
        source: 'rules',
      },
      { keep: true },
    );
    await service.answer('Can it come faster?', 's1', {
      verified: [{ orderId: '123456', summary: 'Order 123456: shipped, 2 books' }],
    });
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
    const { service, sessions } = assistant(llm, 0);
    await sessions.saveTurn(
      's1',
      { timestamp: 'now', user: 'Hi', bot: 'Hello!', intent: 'greeting', source: 'rules' },
      { keep: true },
    );
    await service.answer('Anything new?', 's1', {});
    expect(llm.sent[0].slice(1)).toEqual([{ role: 'user', content: 'Anything new?' }]);
  });
});
