import { json } from '../support/http.js';
import { startOwnRedis, type OwnRedis } from '../support/redis-server.js';
import { startChatbot, startGateway, type RunningApp } from '../support/system.js';

/*
 * Redis full: its own redis-server with a small maxmemory and noeviction, as deployed. Writes are
 * refused, so every turn is answered without its conversation's memory: readiness and a metric
 * must say so, and one client must not be able to fill it in the first place.
 */

async function metric(url: string, name: string): Promise<number | undefined> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(`${name} `));
  return line === undefined ? undefined : Number(line.split(' ')[1]);
}

describe('Redis full (maxmemory, noeviction)', () => {
  let redis: OwnRedis;
  let bot: RunningApp;

  beforeAll(async () => {
    redis = await startOwnRedis(['--maxmemory', '64mb', '--maxmemory-policy', 'noeviction']);
    bot = await startChatbot({ REDIS_URL: redis.url });
  });
  afterAll(async () => {
    await bot?.app.close();
    await redis?.close();
  });

  it('still answers, says "redis is full" in readiness and a metric, and recovers alone', async () => {
    const first = await json(`${bot.url}/chat`, 'POST', { message: 'hi' });
    expect(first.body.turn).toBe(1);
    expect((await json(`${bot.url}/health/ready`)).status).toBe(200);

    const filler = redis.client();
    try {
      // Something else takes 2 MB, and maxmemory ends up below what is used: full for good.
      const block = 'x'.repeat(256 * 1024);
      for (let i = 0; i < 8; i++) await filler.set(`filler:${i}`, block);
      const used = Number(/used_memory:(\d+)/.exec(await filler.info('memory'))?.[1]);
      await filler.config('SET', 'maxmemory', String(used - 1024 * 1024));
      await expect(filler.set('one-more', 'x')).rejects.toThrow(/OOM/);

      // Answered, without its memory (no turn number: nothing was saved).
      const during = await json(`${bot.url}/chat`, 'POST', {
        message: 'hi',
        session_id: first.body.session_id,
      });
      expect(during.status).toBe(200);
      expect(during.body.response).toMatch(/^Hello!/);
      expect(during.body.turn).toBeUndefined();
      const ready = await json(`${bot.url}/health/ready`);
      expect(ready.status).toBe(503);
      expect(ready.body.message).toMatch(/^Not ready: redis is full/);
      expect(await metric(bot.url, 'sessions_store_full')).toBe(1);
      // Liveness is never a dependency check.
      expect((await json(`${bot.url}/health`)).status).toBe(200);

      // The filler goes; the conversation stays.
      await filler.del(...Array.from({ length: 8 }, (_, i) => `filler:${i}`));
      await expect
        .poll(async () => (await json(`${bot.url}/health/ready`)).status, { timeout: 10_000 })
        .toBe(200);
      expect(await metric(bot.url, 'sessions_store_full')).toBe(0);
      const after = await json(`${bot.url}/chat`, 'POST', {
        message: 'hi',
        session_id: first.body.session_id,
      });
      expect(after.body.turn).toBe(2);
    } finally {
      filler.disconnect();
    }
  });
});

describe('one client flooding new conversations', () => {
  let redis: OwnRedis;
  let bot: RunningApp;
  let gateway: RunningApp;

  beforeAll(async () => {
    redis = await startOwnRedis(['--maxmemory', '16mb', '--maxmemory-policy', 'noeviction']);
    const token = 'redis-full-internal-token';
    bot = await startChatbot({
      REDIS_URL: redis.url,
      SESSION_MAX_NEW_PER_CLIENT: '5',
      INTERNAL_API_TOKEN: token,
    });
    // Loopback stands in for the ingress, which names the shopper; the token passes it on.
    gateway = await startGateway({
      CHAT_SERVICE_URL: bot.url,
      TRUST_PROXY: 'loopback',
      INTERNAL_API_TOKEN: token,
    });
  });
  afterAll(async () => {
    await gateway?.app.close();
    await bot?.app.close();
    await redis?.close();
  });

  const say = (client: string, message: string, sessionId?: string) =>
    json(
      `${gateway.url}/api/chat`,
      'POST',
      { message, ...(sessionId ? { session_id: sessionId } : {}) },
      { 'x-forwarded-for': client },
    );

  it('stores at most its budget of new conversations, and no more than the TTL', async () => {
    const started: string[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await say('203.0.113.50', 'hi');
      expect(r.status).toBe(200);
      started.push(r.body.session_id as string);
    }
    // Every address of one /64 is the same client.
    for (let i = 1; i <= 5; i++) expect((await say(`2001:db8:50:1::${i}`, 'hi')).status).toBe(200);
    const sixth = await say('2001:db8:50:1::6', 'hi');
    expect(sixth.status).toBe(429);
    expect(sixth.body).toEqual({
      statusCode: 429,
      error: 'Too Many Requests',
      message: expect.stringMatching(/new conversations/) as string,
    });
    const flood = await say('203.0.113.50', 'hi');
    expect(flood.status).toBe(429);
    // Its own conversations go on, and other clients start theirs.
    expect((await say('203.0.113.50', 'hi', started[0])).status).toBe(200);
    expect((await say('203.0.113.51', 'hi')).status).toBe(200);

    const check = redis.client();
    try {
      const conversations = (await check.keys('chat:*:seq')).length;
      expect(conversations).toBe(5 + 5 + 1);
      // Nothing it left behind outlives a conversation's lifetime.
      for (const key of await check.keys('chat:*')) {
        const ttl = await check.ttl(key);
        expect(ttl, key).toBeGreaterThan(0);
        expect(ttl, key).toBeLessThanOrEqual(86_400);
      }
    } finally {
      check.disconnect();
    }
  });
});
