import { HttpService } from '@nestjs/axios';
import { ConfigService } from '@nestjs/config';
import { Counter, Histogram, Registry } from 'prom-client';
import { validateEnv } from '@bookstore/config';
import type { ChatStreamEvent } from '@bookstore/contracts';
import { createOutboundClient } from '@bookstore/http';
import { LlmUnavailableError } from '@bookstore/llm';
import { MemoryConversations } from '@bookstore/conversations';
import { demoFact, demoText } from '../../../../test/support/content.js';
import { ScriptedLlm } from '../../../../test/support/scripted-llm.js';
import { ChatbotEnv } from '../config/chatbot.env.js';
import { chatbotOptions } from '../config/chatbot.options.js';
import { StoreApiClient } from '../store-client/store-api.client.js';
import { AssistantService } from '../assistant/assistant.service.js';
import { dialogueOf } from '../dialogue/dialogue.fixture.js';
import { CatalogIndex } from '../knowledge/catalog.js';
import { HelpCenter } from '../knowledge/help-center.js';
import { StoreFacts } from '../dialogue/store-facts.js';
import { ChatService } from './chat.service.js';

const options = chatbotOptions(
  new ConfigService(validateEnv(ChatbotEnv)({ NODE_ENV: 'test', BOOKSTORE_API_TIMEOUT_MS: '500' })),
);
// No store answers (a closed port): the rules answer what needs no store, the rest goes on.
const store = new StoreApiClient(
  options,
  new HttpService(createOutboundClient({ baseUrl: 'http://127.0.0.1:9', connections: 1 })),
);
afterAll(() => store.onApplicationShutdown());

const NO_RULE = 'Do you offer gift wrapping?';
const never = new AbortController().signal;

function chat(llm: ScriptedLlm) {
  const sessions = new MemoryConversations({ prefix: 'chat:', maxTurns: 20, ttlSeconds: 60 });
  const help = new HelpCenter(store);
  const catalog = new CatalogIndex(store);
  const facts = new StoreFacts(options.content);
  const dialogue = dialogueOf(store, llm, help, catalog, facts, sessions);
  const registry = new Registry();
  const labelNames = ['intent', 'source'] as const;
  const service = new ChatService(
    sessions,
    dialogue,
    new AssistantService(llm, catalog, help, options),
    facts,
    new Counter({ name: 'turns', help: 'turns', labelNames, registers: [registry] }),
    new Histogram({ name: 'seconds', help: 'seconds', labelNames, registers: [registry] }),
  );
  return { service, sessions };
}

async function streamed(service: ChatService, message: string, sessionId: string) {
  const events: ChatStreamEvent[] = [];
  const stream = await service.openStream(
    { message, session_id: sessionId },
    undefined,
    new AbortController().signal,
  );
  for await (const event of stream) events.push(event);
  return events;
}

/** The failure text as the demo store's shopper reads it. */
const LLM_FAILURE = demoText('en', 'llm_failure');

describe('ChatService: one turn, as JSON and as a stream', () => {
  it('answers by the rules without asking the LLM, the same text both ways', async () => {
    const llm = new ScriptedLlm('ollama', ['never']);
    const { service, sessions } = chat(llm);
    const json = await service.reply(
      {
        message: 'What payment methods do you accept?',
        session_id: 'json-turn',
      },
      undefined,
      never,
    );
    expect(json).toMatchObject({ response: demoFact('payment'), source: 'rules', turn: 1 });
    const events = await streamed(service, 'What payment methods do you accept?', 'stream-turn');
    expect(events.map((e) => e.event)).toEqual(['meta', 'token', 'done']);
    expect(events[1].data).toEqual({ text: demoFact('payment') });
    expect(llm.sent).toHaveLength(0);
    expect(await sessions.history('stream-turn')).toHaveLength(1);
  });

  it('gives the LLM’s answer as the fallback intent from the llm source, both ways', async () => {
    const { service } = chat(new ScriptedLlm('ollama', ['We ', 'wrap gifts.']));
    expect(
      await service.reply({ message: NO_RULE, session_id: 'json-llm1' }, undefined, never),
    ).toMatchObject({
      response: 'We wrap gifts.',
      intent: 'fallback',
      source: 'llm',
    });
    const events = await streamed(service, NO_RULE, 'stream-llm1');
    expect(events[0]).toEqual({
      event: 'meta',
      data: { session_id: 'stream-llm1', intent: 'fallback', source: 'llm', language: 'en' },
    });
    expect(events.at(-1)).toEqual({ event: 'done', data: { response: 'We wrap gifts.', turn: 1 } });
  });

  it('answers the failure text from the fallback source when the LLM fails before answering', async () => {
    const { service } = chat(new ScriptedLlm('ollama', [], new LlmUnavailableError('timeout')));
    expect(
      await service.reply({ message: NO_RULE, session_id: 'json-fail1' }, undefined, never),
    ).toMatchObject({
      response: LLM_FAILURE,
      source: 'fallback',
    });
    const events = await streamed(service, NO_RULE, 'stream-fail1');
    expect(events.map((e) => e.event)).toEqual(['meta', 'token', 'done']);
    expect(events[0].data).toMatchObject({ source: 'fallback' });
    expect(events[1].data).toEqual({ text: LLM_FAILURE });
  });

  it('ends a stream cut after its first words with an error, and stores what was shown as cut', async () => {
    const { service, sessions } = chat(
      new ScriptedLlm('ollama', ['We wrap'], new LlmUnavailableError('connection reset')),
    );
    const events = await streamed(service, NO_RULE, 'stream-cut1');
    expect(events.map((e) => e.event)).toEqual(['meta', 'token', 'error']);
    const [turn] = await sessions.history('stream-cut1');
    expect(turn).toMatchObject({ bot: 'We wrap', source: 'llm', cut: true });
  });

  it('treats an empty LLM answer as a failure, both ways', async () => {
    const { service } = chat(new ScriptedLlm('ollama', ['  ']));
    expect(
      (await service.reply({ message: NO_RULE, session_id: 'json-empty' }, undefined, never))
        .response,
    ).toBe(LLM_FAILURE);
    const events = await streamed(service, NO_RULE, 'stream-empty');
    expect(events.at(-1)).toEqual({ event: 'error', data: { message: LLM_FAILURE } });
  });

  it('answers the rules’ fallback without an LLM configured, asking none', async () => {
    const llm = new ScriptedLlm('none', ['never']);
    const { service } = chat(llm);
    expect(
      await service.reply({ message: NO_RULE, session_id: 'json-none' }, undefined, never),
    ).toMatchObject({ intent: 'fallback', source: 'fallback' });
    expect(llm.sent).toHaveLength(0);
  });

  it('answers and stores the same JSON turn, with its number, when the LLM breaks off (#25.2)', async () => {
    const { service, sessions } = chat(
      new ScriptedLlm('ollama', ['We wrap'], new LlmUnavailableError('connection reset')),
    );
    const json = await service.reply(
      { message: NO_RULE, session_id: 'json-cut1' },
      undefined,
      never,
    );
    expect(json).toMatchObject({ response: LLM_FAILURE, source: 'fallback', turn: 1 });
    const [turn] = await sessions.history('json-cut1');
    expect(turn).toMatchObject({ turn: 1, bot: LLM_FAILURE, source: 'fallback' });
    expect(turn.cut).toBeUndefined();
  });

  it('stores the LLM’s answer trimmed and shows the LLM the turns before it', async () => {
    const llm = new ScriptedLlm('ollama', ['  We wrap gifts. ']);
    const { service, sessions } = chat(llm);
    await service.reply({ message: 'hi', session_id: 'json-hist' }, undefined, never);
    const json = await service.reply(
      { message: NO_RULE, session_id: 'json-hist' },
      undefined,
      never,
    );
    expect(json).toMatchObject({ response: 'We wrap gifts.', turn: 2 });
    expect(llm.sent[0].slice(1, -1).map((m) => m.role)).toEqual(['user', 'assistant']);
    expect((await sessions.history('json-hist'))[1].bot).toBe('We wrap gifts.');
  });
});
