import { json } from '../support/http.js';
import { startOwnRedis, type OwnRedis } from '../support/redis-server.js';
import { startChatbot, type RunningApp } from '../support/system.js';

/*
 * Redis stalls for two seconds under load (its own redis-server, stopped with SIGSTOP). Commands
 * time out in the chatbot but Redis runs them once it moves again: a lock taken then, by a turn
 * that gave up on it, must not keep its conversation locked.
 */
let redis: OwnRedis;
let bot: RunningApp;

beforeAll(async () => {
  redis = await startOwnRedis();
  bot = await startChatbot({ REDIS_URL: redis.url, SESSION_TURN_WAIT_MS: '300' });
});
afterAll(async () => {
  await bot?.app.close();
  await redis?.close();
});

const say = (message: string, sessionId: string) =>
  json(`${bot.url}/chat`, 'POST', { message, session_id: sessionId });

describe('Redis paused for 2 s mid-load', () => {
  it('leaves no conversation locked 5 s after it resumes', async () => {
    const ids = Array.from({ length: 20 }, (_, i) => `stalled-conversation-${i}`);
    for (const id of ids) expect((await say('hi', id)).status).toBe(200);

    // Each conversation keeps talking, one message after another, through the stall.
    let running = true;
    const statuses: number[] = [];
    const load = Promise.all(
      ids.map(async (id) => {
        while (running)
          statuses.push((await say('What payment methods do you accept?', id)).status);
      }),
    );
    await new Promise((r) => setTimeout(r, 500));
    redis.pause();
    await new Promise((r) => setTimeout(r, 2_000));
    redis.resume();
    await new Promise((r) => setTimeout(r, 500));
    running = false;
    await load;
    // The stall degraded answers (no memory), it never failed them.
    expect(statuses.filter((s) => s !== 200 && s !== 409)).toEqual([]);

    await new Promise((r) => setTimeout(r, 5_000));
    const check = redis.client();
    try {
      expect(await check.keys('chat:*:lock')).toEqual([]);
    } finally {
      check.disconnect();
    }
    const after = await Promise.all(ids.map((id) => say('hi', id)));
    expect(after.map((r) => r.status)).toEqual(ids.map(() => 200));
  }, 40_000);
});
