import { HttpService } from '@nestjs/axios';
import { ConfigService } from '@nestjs/config';
import { validateEnv } from '@bookstore/config';
import { createOutboundClient } from '@bookstore/http';
import type { LlmClient } from '@bookstore/llm';
import { text, understand, type Intent } from '@bookstore/intents';
import { MemoryConversations } from '@bookstore/conversations';
import { storeDouble } from '../../../test/store-double.js';
import { readState, type DialogueState } from '../../dialogue/state.js';
import { ChatbotEnv } from '../../config/chatbot.env.js';
import { chatbotOptions } from '../../config/chatbot.options.js';
import { StoreApiClient } from '../../store-client/store-api.client.js';
import type { Reply } from '../../dialogue/reply.js';
import { HandoffFlow } from './handoff.flow.js';
import { readHandoff } from './handoff-state.js';

const sessions = new MemoryConversations({ prefix: 'chat:', maxTurns: 20, ttlSeconds: 60 });

// follow() is pure: it only reads whether an LLM would answer what no rule knew.
const noLlm = { backend: 'none' } as LlmClient;
const withLlm = { backend: 'ollama', circuitState: () => 'closed' } as LlmClient;
const llmDown = { backend: 'ollama', circuitState: () => 'open' } as LlmClient;
const store = new StoreApiClient(
  chatbotOptions(
    new ConfigService(
      validateEnv(ChatbotEnv)({ NODE_ENV: 'test', BOOKSTORE_API_TIMEOUT_MS: '500' }),
    ),
  ),
  new HttpService(createOutboundClient({ baseUrl: 'http://127.0.0.1:9', connections: 1 })),
);
afterAll(() => store.onApplicationShutdown());

const replyOf = (intent: string, response = 'ok'): Reply => ({
  response,
  intent: intent as Intent,
  source: 'rules',
  state: { clear: true },
});

/** Runs messages through follow() as the dialogue would, carrying the state between turns. */
function run(service: HandoffFlow, intents: string[]) {
  let state: Record<string, unknown> = {};
  const replies: Reply[] = [];
  for (const intent of intents) {
    const reply = service.follow(
      understand('message'),
      { ...state, handoff: readHandoff(state.handoff) },
      replyOf(intent),
    );
    replies.push(reply);
    state = 'set' in reply.state ? { ...reply.state.set } : {};
  }
  return { replies, state };
}

describe('HandoffFlow.follow: when to offer the support team', () => {
  it('offers it on the second frustrated message, even with others between', () => {
    const { replies, state } = run(new HandoffFlow(store, noLlm, sessions), [
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
    const service = new HandoffFlow(store, noLlm, sessions);
    expect(run(service, ['fallback', 'greeting', 'fallback']).replies[2].parts).toBeUndefined();
    const twice = run(service, ['fallback', 'gibberish']);
    expect(twice.replies[1].parts?.suggestions).toContain('Contact the support team');
    expect(twice.replies[1].offered).toBe(true);
    expect(twice.state.handoff).toEqual({ step: 'offered', reason: 'not_understood' });
  });

  it('does not count what an LLM answers as not understood', () => {
    const { replies } = run(new HandoffFlow(store, withLlm, sessions), ['fallback', 'fallback']);
    expect(replies[1].parts).toBeUndefined();
  });

  it('counts them when the LLM is known to be down (its circuit open)', () => {
    const { replies } = run(new HandoffFlow(store, llmDown, sessions), ['fallback', 'fallback']);
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

describe('HandoffFlow.take: the steps of a handoff', () => {
  const asker = { sessionId: 's' };
  async function walk(service: HandoffFlow, messages: string[]) {
    let state: DialogueState = {};
    const replies: Array<Reply | undefined> = [];
    for (const message of messages) {
      const reply = await service.take(understand(message), state, asker);
      replies.push(reply);
      if (reply && 'set' in reply.state) state = readState(reply.state.set);
      else if (reply) state = {};
    }
    return replies;
  }

  it('offers a person, asks the email and the problem, and gives the reference', async () => {
    const double = storeDouble();
    const replies = await walk(new HandoffFlow(double.client, noLlm, sessions), [
      'I want to talk to a human',
      'yes',
      'ann@example.com',
      'my parcel never came',
    ]);
    expect(replies[0]?.parts?.suggestions).toEqual(['Contact the support team', 'No thanks']);
    expect(replies[1]?.response).toBe(text('en', 'handoff.ask_email'));
    expect(replies[2]?.parts?.suggestions).toEqual(['Skip', 'Cancel']);
    expect(replies[3]?.response).toContain('SR-1');
    expect(double.calls).toEqual(['createSupportRequest']);
  });

  it('stops when the shopper declines, and leaves other messages to the other flows', async () => {
    const service = new HandoffFlow(storeDouble().client, noLlm, sessions);
    const replies = await walk(service, ['I want to talk to a human', 'no thanks']);
    expect(replies[1]?.response).toBe(text('en', 'handoff.cancelled'));
    expect(await service.take(understand('where is my order?'), {}, asker)).toBeUndefined();
  });

  it('says the request could not be sent when the store does not answer', async () => {
    const double = storeDouble();
    double.down = true;
    const state: DialogueState = { handoff: { step: 'problem', email: 'ann@example.com' } };
    const reply = await new HandoffFlow(double.client, noLlm, sessions).take(
      understand('my parcel never came'),
      state,
      asker,
    );
    expect(reply?.response).toBe(text('en', 'handoff.down'));
    expect(reply?.parts?.links?.[0].url).toMatch(/^mailto:/);
  });
});
