import { HttpService } from '@nestjs/axios';
import { ConfigService } from '@nestjs/config';
import { validateEnv } from '@bookstore/config';
import { createOutboundClient } from '@bookstore/http';
import type { LlmClient } from '@bookstore/llm';
import type { Intent } from '@bookstore/intents';
import { MemorySessionStore } from '@bookstore/sessions';
import { ChatbotEnv } from '../config/chatbot.env.js';
import { chatbotOptions } from '../config/chatbot.options.js';
import { BookstoreClient } from '../store-client/bookstore.client.js';
import { HandoffService, readHandoff, type HandoffReply } from './handoff.service.js';

const sessions = new MemorySessionStore({ prefix: 'chat:', maxTurns: 20, ttlSeconds: 60 });

// follow() is pure: it only reads whether an LLM would answer what no rule knew.
const noLlm = { backend: 'none' } as LlmClient;
const withLlm = { backend: 'ollama', circuitState: () => 'closed' } as LlmClient;
const llmDown = { backend: 'ollama', circuitState: () => 'open' } as LlmClient;
const store = new BookstoreClient(
  chatbotOptions(
    new ConfigService(
      validateEnv(ChatbotEnv)({ NODE_ENV: 'test', BOOKSTORE_API_TIMEOUT_MS: '500' }),
    ),
  ),
  new HttpService(createOutboundClient({ baseUrl: 'http://127.0.0.1:9', connections: 1 })),
);
afterAll(() => store.onApplicationShutdown());

const replyOf = (intent: string, response = 'ok'): HandoffReply => ({
  response,
  intent: intent as Intent,
  source: 'rules',
  state: { clear: true },
});

/** Runs messages through follow() as the dialogue would, carrying the state between turns. */
function run(service: HandoffService, intents: string[]) {
  let state: Record<string, unknown> = {};
  const replies: HandoffReply[] = [];
  for (const intent of intents) {
    const reply = service.follow(
      'message',
      { ...state, handoff: readHandoff(state.handoff) },
      replyOf(intent),
    );
    replies.push(reply);
    state = 'set' in reply.state ? { ...reply.state.set } : {};
  }
  return { replies, state };
}

describe('HandoffService.follow: when to offer the support team', () => {
  it('offers it on the second frustrated message, even with others between', () => {
    const { replies, state } = run(new HandoffService(store, noLlm, sessions), [
      'frustrated',
      'shipping',
      'frustrated',
    ]);
    expect(replies[0].parts).toBeUndefined();
    expect(replies[1].parts).toBeUndefined();
    expect(replies[2].parts?.suggestions).toEqual(['Contact the support team', 'No thanks']);
    expect(replies[2].response).toMatch(/^ok I can pass this conversation to our support team\./);
    expect(state.handoff).toEqual({ step: 'offered', reason: 'frustrated' });
  });

  it('counts misunderstood messages only in a row', () => {
    const service = new HandoffService(store, noLlm, sessions);
    expect(run(service, ['fallback', 'greeting', 'fallback']).replies[2].parts).toBeUndefined();
    const twice = run(service, ['fallback', 'gibberish']);
    expect(twice.replies[1].parts?.suggestions).toContain('Contact the support team');
    expect(twice.replies[1].needsLlm).toBe(false);
    expect(twice.state.handoff).toEqual({ step: 'offered', reason: 'not_understood' });
  });

  it('does not count what an LLM answers as not understood', () => {
    const { replies } = run(new HandoffService(store, withLlm, sessions), ['fallback', 'fallback']);
    expect(replies[1].parts).toBeUndefined();
  });

  it('counts them when the LLM is known to be down (its circuit open)', () => {
    const { replies } = run(new HandoffService(store, llmDown, sessions), ['fallback', 'fallback']);
    expect(replies[1].parts?.suggestions).toContain('Contact the support team');
  });
});

describe('readHandoff', () => {
  it('keeps only well-formed fields', () => {
    expect(readHandoff(null)).toBeUndefined();
    expect(
      readHandoff({ step: 'hack', reason: 'form', email: 'x', frustrated: -1 }),
    ).toBeUndefined();
    expect(
      readHandoff({ step: 'email', reason: 'asked', email: 'a@example.com', misunderstood: 1 }),
    ).toEqual({ step: 'email', reason: 'asked', email: 'a@example.com', misunderstood: 1 });
  });
});
