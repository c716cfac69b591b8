import { json } from '../support/http.js';
import { dropPrefix, REDIS_URL } from '../support/redis.js';
import { startChatbot, startGateway, type RunningApp } from '../support/system.js';

async function post(url: string, body: unknown, client: string) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': client },
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
    const gw = await startGateway({ CHAT_SERVICE_URL: bot.url, RATE_LIMIT_PER_MINUTE: '3' });
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
    const env = { CHAT_SERVICE_URL: bot.url, RATE_LIMIT_PER_MINUTE: '4', REDIS_URL };
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
    } finally {
      for (const r of replicas) await r.app.close();
      await bot.app.close();
      await dropPrefix('ratelimit:gateway:');
    }
  });
});
