import { startFakeOpenAi, type FakeOpenAi } from '../support/fake-openai.js';
import { json } from '../support/http.js';
import { dropPrefix, REDIS_URL, testPrefix, withRedis } from '../support/redis.js';
import { readEvents } from '../support/sse.js';
import { startSystem, type RunningSystem } from '../support/system.js';

let fake: FakeOpenAi;
let system: RunningSystem;
const prefix = testPrefix('turn-lock');

beforeAll(async () => {
  fake = await startFakeOpenAi({
    reply: 'We gift-wrap for free.',
    firstTokenDelayMs: 800,
    // Streamed answers keep coming for a while after their first words.
    chunkDelayMs: 150,
  });
  system = await startSystem({
    chatbot: {
      REDIS_URL,
      SESSION_KEY_PREFIX: prefix,
      LLM_BACKEND: 'ollama',
      OLLAMA_URL: fake.url,
      SESSION_TURN_WAIT_MS: '3000',
    },
  });
});
afterAll(async () => {
  await system.close();
  await fake.close();
  await dropPrefix(prefix);
});

const say = (message: string, sessionId?: string) =>
  json(`${system.gatewayUrl}/api/chat`, 'POST', {
    message,
    ...(sessionId ? { session_id: sessionId } : {}),
  });

async function verifiedConversation(): Promise<string> {
  const first = await say('tracking details for order 123456');
  const id = first.body.session_id as string;
  const verified = await say('jane.doe@example.com', id);
  expect(verified.body.response).toMatch(/^Order #123456 is shipped\. Carrier: UPS/);
  return id;
}

async function storedKeys(id: string): Promise<string[]> {
  return withRedis((redis) => redis.keys(`${prefix}${id}*`));
}

const erase = (id: string) =>
  fetch(`${system.gatewayUrl}/api/chat/history`, {
    method: 'DELETE',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ session_id: id }),
  });

describe('one turn at a time per conversation', () => {
  it('keeps an erase final against a slow turn in flight (JSON)', async () => {
    const id = await verifiedConversation();
    const slow = say('Do you offer gift wrapping?', id);
    await new Promise((r) => setTimeout(r, 300));
    expect((await erase(id)).status).toBe(204);
    const answered = await slow;
    expect(answered.status).toBe(200);
    expect(answered.body.response).toBe('We gift-wrap for free.');
    // Nothing of the conversation came back: no turns, no verified order, no fresh expiry.
    expect(await storedKeys(id)).toEqual([]);
    const history = await json(`${system.chatbotUrl}/sessions/${id}/history`);
    expect(history.body.turns).toEqual([]);
  });

  it('keeps an erase final against a slow streamed turn', async () => {
    const id = await verifiedConversation();
    let erased: Promise<Response> | undefined;
    const streamed = await readEvents(
      `${system.gatewayUrl}/api/chat/stream`,
      { message: 'Do you offer gift wrapping?', session_id: id },
      {
        onEvent: (e) => {
          if (e.event === 'meta') erased = erase(id);
        },
      },
    );
    expect(streamed.events.at(-1)?.event).toBe('done');
    expect((await erased)?.status).toBe(204);
    expect(await storedKeys(id)).toEqual([]);
  });

  it('keeps an erase final when a newer turn ran in the same process meanwhile', async () => {
    const id = await verifiedConversation();
    const slow = say('Do you offer gift wrapping?', id);
    await new Promise((r) => setTimeout(r, 300));
    expect((await erase(id)).status).toBe(204);
    // The next message takes the freed lock and finishes before the slow turn does.
    const hello = await say('Hello', id);
    expect(hello.status).toBe(200);
    expect((await slow).status).toBe(200);
    // The slow turn saved nothing over the erase: no old turn, no verified order.
    const turns = (await json(`${system.chatbotUrl}/sessions/${id}/history`)).body.turns as Array<{
      user: string;
    }>;
    expect(turns.map((t) => t.user)).toEqual(['Hello']);
    const state = await withRedis((redis) => redis.get(`${prefix}${id}:state`));
    expect(state ?? '').not.toContain('123456');
  });

  it('keeps the verified order when another question runs beside the verification', async () => {
    const first = await say('tracking details for order 123456');
    const id = first.body.session_id as string;
    const question = say('Do you offer gift wrapping?', id);
    await new Promise((r) => setTimeout(r, 150));
    const email = say('jane.doe@example.com', id);
    const [q, e] = await Promise.all([question, email]);
    expect(q.status).toBe(200);
    expect(e.status).toBe(200);
    const state = await withRedis((redis) => redis.get(`${prefix}${id}:state`));
    expect(state).toContain('123456');
    const turns = (await json(`${system.chatbotUrl}/sessions/${id}/history`)).body.turns as Array<{
      user: string;
    }>;
    expect(turns.map((t) => t.user)).toEqual([
      'tracking details for order 123456',
      'Do you offer gift wrapping?',
      'jane.doe@example.com',
    ]);
  });

  it('refuses a message while a turn of its conversation runs past the wait, with a 409', async () => {
    const other = await startSystem({
      chatbot: {
        REDIS_URL,
        SESSION_KEY_PREFIX: prefix,
        LLM_BACKEND: 'ollama',
        OLLAMA_URL: fake.url,
        SESSION_TURN_WAIT_MS: '100',
      },
    });
    try {
      const first = await say('Hello');
      const id = first.body.session_id as string;
      // The slow turn on one replica, the next message on another: the lock is in Redis.
      const slow = say('Do you offer gift wrapping?', id);
      await new Promise((r) => setTimeout(r, 200));
      const refused = await json(`${other.gatewayUrl}/api/chat`, 'POST', {
        message: 'Hello again',
        session_id: id,
      });
      expect(refused.status).toBe(409);
      expect(refused.body).toEqual({
        statusCode: 409,
        error: 'Conflict',
        message: expect.stringMatching(/still answering/) as string,
      });
      const streamRefused = await fetch(`${other.gatewayUrl}/api/chat/stream`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ message: 'Hello again', session_id: id }),
      });
      expect(streamRefused.status).toBe(409);
      await streamRefused.text();
      expect((await slow).status).toBe(200);
      expect((await say('Hello again', id)).status).toBe(200);
    } finally {
      await other.close();
    }
  });
});
