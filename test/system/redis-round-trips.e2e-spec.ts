import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { startFakeOpenAi, type FakeOpenAi } from '../support/fake-openai.js';
import { json } from '../support/http.js';
import { dropPrefix, REDIS_URL, testPrefix, withRedis } from '../support/redis.js';
import { startChatbot, type RunningApp } from '../support/system.js';

/*
 * What a turn costs in Redis, watched with MONITOR on the chatbot's own connection: one round trip
 * opens the turn (lock, state and the turns the LLM is shown) before the LLM is asked, and one
 * saves it and frees the conversation.
 */

const NO_RULE = 'Do you offer gift wrapping for presents?';

let fake: FakeOpenAi;
let chatbot: RunningApp;
let monitor: Redis;
const prefix = testPrefix('round-trips');
const name = `chatbot-rt-${randomUUID().slice(0, 8)}`;
/** Commands the chatbot's connection sent, in order, with Redis's time for each (ms). */
const sent: Array<{ command: string; at: number }> = [];

beforeAll(async () => {
  fake = await startFakeOpenAi();
  chatbot = await startChatbot({
    REDIS_URL,
    REDIS_CLIENT_NAME: name,
    SESSION_KEY_PREFIX: prefix,
    LLM_BACKEND: 'ollama',
    OLLAMA_URL: fake.url,
  });
  const addr = await withRedis(async (redis) => {
    const list = (await redis.call('CLIENT', 'LIST')) as string;
    const line = list.split('\n').find((l) => l.split(' ').includes(`name=${name}`));
    return /addr=(\S+)/.exec(line ?? '')?.[1];
  });
  expect(addr).toBeDefined();
  monitor = new Redis(REDIS_URL);
  const feed = await monitor.monitor();
  feed.on('monitor', (time: string, args: string[], source: string) => {
    // A script by hash or, when ioredis resends it, in full: one round trip either way.
    if (source === addr)
      sent.push({
        command: args[0].toLowerCase().replace(/^evalsha$/, 'eval'),
        at: Number(time) * 1000,
      });
  });
  // Scripts load on first use (EVALSHA, NOSCRIPT, EVAL: two round trips): warm them up first.
  fake.set({ reply: 'Yes.' });
  await ask(NO_RULE, 'warm-up');
  await ask('Hi', 'warm-up');
});

afterAll(async () => {
  monitor?.disconnect();
  await chatbot?.app.close();
  await fake?.close();
  await dropPrefix(prefix);
});

function ask(message: string, session_id: string) {
  return json(`${chatbot.url}/chat`, 'POST', { message, session_id });
}

/** The commands sent since the last call, once MONITOR has been quiet for 200 ms (it lags). */
async function settled(): Promise<Array<{ command: string; at: number }>> {
  for (let seen = -1, waited = 0; seen !== sent.length && waited < 5_000; waited += 200) {
    seen = sent.length;
    await new Promise((r) => setTimeout(r, 200));
  }
  return sent.splice(0);
}

describe('Redis round trips per turn', () => {
  it('sends one command before the LLM is asked, and one after it answers', async () => {
    await settled();
    // The LLM answers 400 ms after it is asked, so the turn's save comes well after this moment.
    fake.set({ reply: 'We wrap any order.', firstTokenDelayMs: 400 });
    const answer = ask(NO_RULE, 'one-trip');
    while (!fake.requests.some((r) => r.body?.messages?.at(-1)?.content === NO_RULE)) {
      await new Promise((r) => setTimeout(r, 10));
    }
    const asked = Date.now();
    expect((await answer).body).toMatchObject({ source: 'llm', turn: 1 });
    const commands = await settled();
    expect(commands.map((c) => c.command)).toEqual(['eval', 'eval']);
    expect(commands.filter((c) => c.at <= asked + 100)).toHaveLength(1);
  });

  it('answers a rule turn in two round trips: open, then save and free', async () => {
    await settled();
    expect((await ask('What payment methods do you accept?', 'rules-trip')).status).toBe(200);
    expect((await settled()).map((c) => c.command)).toEqual(['eval', 'eval']);
  });
});
