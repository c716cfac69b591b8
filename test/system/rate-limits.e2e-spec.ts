import { json } from '../support/http.js';
import { closedPort } from '../support/http-server.js';
import { startBlackhole } from '../support/tcp.js';
import { dropPrefix, REDIS_URL, withRedis } from '../support/redis.js';
import { startChatbot, startGateway, type RunningApp } from '../support/system.js';

async function post(url: string, body: unknown, client: string) {
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(client ? { 'x-forwarded-for': client } : {}),
    },
    body: JSON.stringify(body),
  });
  return {
    status: res.status,
    retryAfter: res.headers.get('retry-after'),
    body: (await res.json()) as Record<string, unknown>,
  };
}

describe('rate limits', () => {
  it('limits each client address at the gateway, with 429 and Retry-After', async () => {
    const bot = await startChatbot();
    // Loopback stands in for the ingress, the one proxy trusted to name the client.
    const gw = await startGateway({
      CHAT_SERVICE_URL: bot.url,
      RATE_LIMIT_PER_MINUTE: '3',
      TRUST_PROXY: 'loopback',
    });
    try {
      const url = `${gw.url}/api/chat`;
      for (let i = 0; i < 3; i++)
        expect((await post(url, { message: 'hi' }, '203.0.113.10')).status).toBe(200);
      const limited = await post(url, { message: 'hi' }, '203.0.113.10');
      expect(limited.status).toBe(429);
      expect(Number(limited.retryAfter)).toBeGreaterThan(0);
      expect(limited.body).toEqual({
        statusCode: 429,
        error: 'Too Many Requests',
        message: 'Too many requests. Please wait a moment and try again.',
      });
      expect((await post(url, { message: 'hi' }, '203.0.113.11')).status).toBe(200);
      // Health and metrics are never limited.
      for (let i = 0; i < 5; i++) expect((await json(`${gw.url}/health`)).status).toBe(200);
    } finally {
      await gw.app.close();
      await bot.app.close();
    }
  });

  it('limits each conversation at the chatbot', async () => {
    const bot = await startChatbot({ RATE_LIMIT_PER_MINUTE: '2' });
    try {
      const url = `${bot.url}/chat`;
      const a = { message: 'hi', session_id: 'session-aaaa' };
      expect((await post(url, a, '10.0.0.1')).status).toBe(200);
      expect((await post(url, a, '10.0.0.2')).status).toBe(200);
      expect((await post(url, a, '10.0.0.3')).status).toBe(429);
      expect(
        (await post(url, { message: 'hi', session_id: 'session-bbbb' }, '10.0.0.1')).status,
      ).toBe(200);
    } finally {
      await bot.app.close();
    }
  });

  it('shares the counts between replicas through Redis', async () => {
    const bot = await startChatbot();
    const env = {
      CHAT_SERVICE_URL: bot.url,
      RATE_LIMIT_PER_MINUTE: '4',
      REDIS_URL,
      TRUST_PROXY: 'loopback',
    };
    const replicas: RunningApp[] = [await startGateway(env), await startGateway(env)];
    try {
      const client = `198.51.100.${Math.floor(Math.random() * 200) + 1}`;
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) {
        statuses.push(
          (await post(`${replicas[i % 2].url}/api/chat`, { message: 'hi' }, client)).status,
        );
      }
      expect(statuses).toEqual([200, 200, 200, 200, 429, 429]);
      // Every counter expires within the window: a flood of clients cannot fill Redis for good.
      await withRedis(async (redis) => {
        const keys = await redis.keys('ratelimit:gateway:*');
        expect(keys.length).toBeGreaterThan(0);
        for (const key of keys) {
          const ttl = await redis.pttl(key);
          expect(ttl, key).toBeGreaterThan(0);
          expect(ttl, key).toBeLessThanOrEqual(60_000);
        }
      });
    } finally {
      for (const r of replicas) await r.app.close();
      await bot.app.close();
      await dropPrefix('ratelimit:gateway:');
    }
  });

  it('counts a client once across chat, stream and history, not once per route', async () => {
    const bot = await startChatbot();
    const gw = await startGateway({ CHAT_SERVICE_URL: bot.url, RATE_LIMIT_PER_MINUTE: '4' });
    try {
      const first = await post(`${gw.url}/api/chat`, { message: 'hi' }, '');
      expect(first.status).toBe(200);
      const session = String(first.body.session_id);
      const stream = await fetch(`${gw.url}/api/chat/stream`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ message: 'hi', session_id: session }),
      });
      await stream.text();
      expect(stream.status).toBe(200);
      const history = await fetch(`${gw.url}/api/chat/history?session_id=${session}`);
      await history.text();
      expect(history.status).toBe(200);
      expect((await post(`${gw.url}/api/chat`, { message: 'hi' }, '')).status).toBe(200);
      // Five requests over three routes: the fifth is over the limit of four, whichever route.
      const fifth = await fetch(`${gw.url}/api/chat/history?session_id=${session}`);
      await fifth.text();
      expect(fifth.status).toBe(429);
      expect((await post(`${gw.url}/api/chat`, { message: 'hi' }, '')).status).toBe(429);
    } finally {
      await gw.app.close();
      await bot.app.close();
    }
  });

  it('never takes X-Forwarded-For from a caller that is not a configured proxy', async () => {
    const bot = await startChatbot();
    const gw = await startGateway({ CHAT_SERVICE_URL: bot.url, RATE_LIMIT_PER_MINUTE: '3' });
    try {
      const statuses: number[] = [];
      for (let i = 1; i <= 5; i++) {
        statuses.push(
          (await post(`${gw.url}/api/chat`, { message: 'hi' }, `203.0.113.${i}`)).status,
        );
      }
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
    } finally {
      await gw.app.close();
      await bot.app.close();
    }
  });

  it('counts IPv6 clients by their /64, which one machine can rotate through', async () => {
    const bot = await startChatbot();
    const gw = await startGateway({
      CHAT_SERVICE_URL: bot.url,
      RATE_LIMIT_PER_MINUTE: '3',
      TRUST_PROXY: 'loopback',
    });
    try {
      const url = `${gw.url}/api/chat`;
      const statuses: number[] = [];
      for (const client of [
        '2001:db8:7:1::1',
        '2001:db8:7:1:a:b:c:d',
        '2001:db8:7:1::2',
        '2001:db8:7:1:ffff::9',
      ]) {
        statuses.push((await post(url, { message: 'hi' }, client)).status);
      }
      expect(statuses).toEqual([200, 200, 200, 429]);
      expect((await post(url, { message: 'hi' }, '2001:db8:7:2::1')).status).toBe(200);
      expect((await post(url, { message: 'hi' }, '::ffff:192.0.2.7')).status).toBe(200);
    } finally {
      await gw.app.close();
      await bot.app.close();
    }
  });

  it.each([
    [
      'down',
      async () => ({ url: `redis://127.0.0.1:${await closedPort()}`, close: async () => {} }),
    ],
    [
      'hung',
      async () => {
        const hole = await startBlackhole();
        return { url: `redis://127.0.0.1:${hole.port}`, close: () => hole.close() };
      },
    ],
  ])(
    'limits per process when its Redis is %s, and says so in readiness and a metric',
    async (_how, redis) => {
      const broken = await redis();
      const bot = await startChatbot();
      const gw = await startGateway({
        CHAT_SERVICE_URL: bot.url,
        RATE_LIMIT_PER_MINUTE: '3',
        REDIS_URL: broken.url,
      });
      try {
        const statuses: number[] = [];
        for (let i = 0; i < 4; i++) {
          statuses.push((await post(`${gw.url}/api/chat`, { message: 'hi' }, '')).status);
        }
        expect(statuses).toEqual([200, 200, 200, 429]);
        const ready = await json(`${gw.url}/health/ready`);
        expect(ready.body).toMatchObject({
          info: { ratelimit: { status: 'up', counted: 'per-process' } },
        });
        const metrics = await (await fetch(`${gw.url}/metrics`)).text();
        expect(metrics).toMatch(/^ratelimit_per_process 1$/m);
      } finally {
        await gw.app.close();
        await bot.app.close();
        await broken.close();
      }
    },
  );

  it("relays the chatbot's 429 with its Retry-After, JSON and streamed", async () => {
    const bot = await startChatbot({ RATE_LIMIT_PER_MINUTE: '1' });
    const gw = await startGateway({ CHAT_SERVICE_URL: bot.url });
    try {
      const body = { message: 'hi', session_id: 'retry-after-0001' };
      expect((await post(`${gw.url}/api/chat`, body, '')).status).toBe(200);
      const limited = await post(`${gw.url}/api/chat`, body, '');
      expect(limited.status).toBe(429);
      expect(Number(limited.retryAfter)).toBeGreaterThan(0);
      const streamed = await fetch(`${gw.url}/api/chat/stream`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      expect(streamed.status).toBe(429);
      expect(Number(streamed.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(await streamed.json()).toMatchObject({ statusCode: 429, error: 'Too Many Requests' });
    } finally {
      await gw.app.close();
      await bot.app.close();
    }
  });
});
