import { CANNED_RESPONSES } from '../support/content.js';
import { closedPort } from '../support/http-server.js';
import { eventually } from '../support/wait.js';
import { json } from '../support/http.js';
import { dropPrefix, REDIS_URL, testPrefix, withRedis } from '../support/redis.js';
import { startChatbot, startGateway, type RunningApp } from '../support/system.js';
import { startBlackhole, TcpProxy } from '../support/tcp.js';

const redisPort = Number(new URL(REDIS_URL).port || 6379);

describe('conversations in Redis, across replicas and through the gateway', () => {
  const prefix = testPrefix('conv');
  let a: RunningApp;
  let b: RunningApp;
  let gateway: RunningApp;

  beforeAll(async () => {
    const gatewayPort = await closedPort();
    const env = {
      REDIS_URL,
      SESSION_KEY_PREFIX: prefix,
      BOOKSTORE_API_URL: `http://127.0.0.1:${gatewayPort}`,
    };
    a = await startChatbot(env);
    b = await startChatbot(env);
    gateway = await startGateway({ CHAT_SERVICE_URL: a.url }, gatewayPort);
  });
  afterAll(async () => {
    await gateway.app.close();
    await a.app.close();
    await b.app.close();
    await dropPrefix(prefix);
  });

  it('understands "Where is my order?" then the number, whichever replica gets each', async () => {
    const first = await json(`${a.url}/chat`, 'POST', { message: 'Where is my order?' });
    expect(first.body).toMatchObject({
      intent: 'order_status',
      response: CANNED_RESPONSES.order_status,
    });
    const sessionId = first.body.session_id as string;
    const second = await json(`${b.url}/chat`, 'POST', {
      message: '123456',
      session_id: sessionId,
    });
    expect(second.body).toMatchObject({ intent: 'order_status', source: 'rules', turn: 2 });
    expect(second.body.response).toMatch(/^Your order #123456 is shipped\./);
    const history = await json(`${b.url}/sessions/${sessionId}/history`);
    expect(history.body.turns).toHaveLength(2);
  });

  it('keeps history with the 24 h TTL, shows it through the gateway, rates and erases it', async () => {
    const one = await json(`${gateway.url}/api/chat`, 'POST', { message: 'Hello' });
    const sessionId = one.body.session_id as string;
    await json(`${gateway.url}/api/chat`, 'POST', {
      message: 'Return policy',
      session_id: sessionId,
    });

    await withRedis(async (redis) => {
      expect(await redis.llen(`${prefix}${sessionId}`)).toBe(2);
      const ttl = await redis.ttl(`${prefix}${sessionId}`);
      expect(ttl).toBeGreaterThan(86_390);
      expect(ttl).toBeLessThanOrEqual(86_400);
    });

    const rated = await fetch(`${gateway.url}/api/chat/feedback`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ session_id: sessionId, turn: 2, rating: 'up' }),
    });
    expect(rated.status).toBe(204);
    const missing = await json(`${gateway.url}/api/chat/feedback`, 'POST', {
      session_id: sessionId,
      turn: 9,
      rating: 'up',
    });
    expect(missing.status).toBe(404);
    const bad = await json(`${gateway.url}/api/chat/feedback`, 'POST', {
      session_id: sessionId,
      turn: 1,
      rating: 'meh',
    });
    expect(bad.status).toBe(400);

    const history = await json(`${gateway.url}/api/chat/history?session_id=${sessionId}`);
    expect(history.status).toBe(200);
    expect(history.body.session_id).toBe(sessionId);
    expect(history.body.turns).toEqual([
      expect.objectContaining({
        turn: 1,
        user: 'Hello',
        bot: CANNED_RESPONSES.greeting,
        intent: 'greeting',
      }),
      expect.objectContaining({ turn: 2, user: 'Return policy', intent: 'returns', rating: 'up' }),
    ]);
    const metrics = await (await fetch(`${a.url}/metrics`)).text();
    expect(metrics).toMatch(/chat_feedback_total\{rating="up"\} [1-9]/);

    // "none" takes the rating back (the widget's second tap on a chosen thumb).
    const cleared = await fetch(`${gateway.url}/api/chat/feedback`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ session_id: sessionId, turn: 2, rating: 'none' }),
    });
    expect(cleared.status).toBe(204);
    const unrated = await json(`${gateway.url}/api/chat/history?session_id=${sessionId}`);
    expect((unrated.body.turns as Array<Record<string, unknown>>)[1]).not.toHaveProperty('rating');
    expect(await (await fetch(`${a.url}/metrics`)).text()).not.toMatch(/rating="none"/);

    const erased = await fetch(`${gateway.url}/api/chat/history?session_id=${sessionId}`, {
      method: 'DELETE',
    });
    expect(erased.status).toBe(204);
    await withRedis(async (redis) => {
      expect(await redis.keys(`${prefix}${sessionId}*`)).toEqual([]);
    });
    const after = await json(`${b.url}/sessions/${sessionId}/history`);
    expect(after.body.turns).toEqual([]);
  });

  it('refuses malformed session ids in the one error shape', async () => {
    const res = await json(`${gateway.url}/api/chat/history?session_id=..%2F..`);
    expect(res.status).toBe(400);
    expect(Object.keys(res.body).sort()).toEqual(['error', 'message', 'statusCode']);
    const del = await json(`${gateway.url}/api/chat/history`, 'DELETE');
    expect(del.status).toBe(400);
  });
});

describe('when Redis fails', () => {
  it('answers from the rules within a second, reports why it is not ready, and recovers', async () => {
    const proxy = await new TcpProxy(redisPort).start();
    const prefix = testPrefix('outage');
    const db = new URL(REDIS_URL).pathname || '/0';
    const bot = await startChatbot({
      REDIS_URL: `redis://127.0.0.1:${proxy.port}${db}`,
      SESSION_KEY_PREFIX: prefix,
    });
    try {
      const before = await json(`${bot.url}/chat`, 'POST', { message: 'Hi' });
      expect(before.body.turn).toBe(1);
      const sessionId = before.body.session_id as string;

      await proxy.stop();
      const during = await json(`${bot.url}/chat`, 'POST', {
        message: 'Payment methods',
        session_id: sessionId,
      });
      expect(during.status).toBe(200);
      expect(during.body).toMatchObject({ response: CANNED_RESPONSES.payment, source: 'rules' });
      expect(during.body.turn).toBeUndefined();
      expect(during.ms).toBeLessThan(1_000);
      expect((await json(`${bot.url}/health`)).status).toBe(200);
      const ready = await json(`${bot.url}/health/ready`);
      expect(ready.status).toBe(503);
      expect(ready.body.message).toMatch(/^Not ready: redis is down/);
      expect((await json(`${bot.url}/sessions/${sessionId}/history`)).status).toBe(503);

      await proxy.start();
      await eventually(async () =>
        expect((await json(`${bot.url}/health/ready`)).status).toBe(200),
      );
      const after = await json(`${bot.url}/chat`, 'POST', {
        message: 'Shipping time',
        session_id: sessionId,
      });
      expect(after.body.turn).toBe(2);
      const history = await json(`${bot.url}/sessions/${sessionId}/history`);
      expect((history.body.turns as Array<{ user: string }>).map((t) => t.user)).toEqual([
        'Hi',
        'Shipping time',
      ]);
    } finally {
      await bot.app.close();
      await proxy.stop();
      await dropPrefix(prefix);
    }
  });

  it('answers within a second when Redis accepts connections and never replies', async () => {
    const hole = await startBlackhole();
    const bot = await startChatbot({ REDIS_URL: `redis://127.0.0.1:${hole.port}/0` });
    try {
      for (const message of ['Where is my order?', 'Refund']) {
        const res = await json(`${bot.url}/chat`, 'POST', { message });
        expect(res.status).toBe(200);
        expect(res.body.source).toBe('rules');
        expect(res.ms).toBeLessThan(1_000);
      }
      expect((await json(`${bot.url}/health`)).status).toBe(200);
      const ready = await json(`${bot.url}/health/ready`);
      expect(ready.status).toBe(503);
      expect(ready.body.message).toMatch(/redis/);
    } finally {
      await bot.app.close();
      await hole.close();
    }
  });
});
