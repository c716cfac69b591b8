import { startFakeOpenAi, type FakeOpenAi } from '../support/fake-openai.js';
import { json } from '../support/http.js';
import { dropPrefix, REDIS_URL, testPrefix } from '../support/redis.js';
import { startSystem, type RunningSystem } from '../support/system.js';

/*
 * A shopper who leaves a JSON chat call stops the turn: the gateway drops its request to the
 * chatbot, the chatbot stops the LLM and frees the conversation for the next message.
 */
let fake: FakeOpenAi;
let system: RunningSystem;
const prefix = testPrefix('client-leaves');

beforeAll(async () => {
  // A slow LLM: its answer takes about six seconds to finish.
  fake = await startFakeOpenAi({
    reply: Array.from({ length: 30 }, (_, i) => `word${i}`).join(' '),
    firstTokenDelayMs: 1_500,
    chunkDelayMs: 150,
  });
  system = await startSystem({
    chatbot: {
      REDIS_URL,
      SESSION_KEY_PREFIX: prefix,
      LLM_BACKEND: 'ollama',
      OLLAMA_URL: fake.url,
      SESSION_TURN_WAIT_MS: '1000',
    },
  });
});
afterAll(async () => {
  await system.close();
  await fake.close();
  await dropPrefix(prefix);
});

/** Sends the message and leaves once the LLM has been asked. */
async function leaveWhileTheLlmWorks(url: string, body: unknown): Promise<void> {
  const before = fake.requests.length;
  const leaving = new AbortController();
  const request = fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal: leaving.signal,
  });
  const rejected = expect(request).rejects.toThrow();
  await expect.poll(() => fake.requests.length, { timeout: 10_000 }).toBe(before + 1);
  leaving.abort();
  await rejected;
  // The LLM's request is dropped, not answered in full to nobody.
  await expect.poll(() => fake.requests[before]?.clientClosed, { timeout: 5_000 }).toBe(true);
}

describe('a shopper who leaves a JSON chat call', () => {
  it.each([
    ['the gateway', () => `${system.gatewayUrl}/api/chat`],
    ['the chatbot', () => `${system.chatbotUrl}/chat`],
  ])('through %s: stops the LLM and frees the conversation at once', async (_via, url) => {
    const first = await json(url(), 'POST', { message: 'Hello' });
    expect(first.status).toBe(200);
    const id = first.body.session_id as string;
    await leaveWhileTheLlmWorks(url(), { message: 'Do you offer gift wrapping?', session_id: id });
    // The next message is not refused with a 409 behind a turn nobody waits for.
    const next = await json(url(), 'POST', { message: 'Hello again', session_id: id });
    expect(next.status, JSON.stringify(next.body)).toBe(200);
    expect(next.body.response).toMatch(/^Hello!/);
  });
});
