import { CANNED_RESPONSES, LLM_FAILURE_RESPONSE } from '../support/content.js';
import { STORE_DOWN } from '../../apps/chatbot/src/dialogue/store-down.js';
import { startChatbotAt } from '../support/chatbot-at.js';
import { eventually } from '../support/wait.js';
import { startFakeOpenAi, type FakeBehaviour, type FakeOpenAi } from '../support/fake-openai.js';
import { closedPort } from '../support/http-server.js';
import { json, type JsonReply } from '../support/http.js';
import { schemaBehindProxy } from '../support/postgres.js';
import { readEvents } from '../support/sse.js';
import {
  startChatbot,
  startGateway,
  startSystem,
  type RunningApp,
  type RunningSystem,
} from '../support/system.js';
import type { TcpProxy } from '../support/tcp.js';

/*
 * The real apps with one dependency broken at a time (Redis and a hung or failing LLM are covered in
 * test/system): PostgreSQL stopping under the gateway, the LLM answering garbage, and the chatbot
 * disappearing behind the gateway. Each time: answers within a bound in the one error shape (or the
 * bot's own words), liveness stays 200, readiness names the culprit, and everything comes back
 * without a restart. This process hosts the apps, so a crash or an unhandled rejection fails it.
 */

const NO_RATE_LIMIT = { RATE_LIMIT_PER_MINUTE: '0' };

function expectError(res: JsonReply, status: number): void {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(Object.keys(res.body).sort()).toEqual(['error', 'message', 'statusCode']);
  expect(res.body.statusCode).toBe(status);
  expect(String(res.body.message).length).toBeGreaterThan(0);
}

const chat = (base: string, message: string) => json(`${base}/api/chat`, 'POST', { message });

describe('PostgreSQL stops under the gateway', () => {
  let schema: Awaited<ReturnType<typeof schemaBehindProxy>>;
  let proxy: TcpProxy;
  let system: RunningSystem;

  beforeAll(async () => {
    // The same database, user and schema, through the proxy.
    schema = await schemaBehindProxy();
    proxy = schema.proxy;
    system = await startSystem({
      chatbot: NO_RATE_LIMIT,
      gateway: { ...NO_RATE_LIMIT, DATABASE_URL: schema.url },
    });
  });
  afterAll(async () => {
    await system?.close();
    await schema?.drop();
  });

  it('answers 503 and the bot says so within bounds, reports the database, and recovers alone', async () => {
    const g = system.gatewayUrl;
    expect((await json(`${g}/api/orders/123456/status`)).status).toBe(200);
    expect((await json(`${g}/health/ready`)).status).toBe(200);

    await proxy.stop();

    for (const path of ['/api/orders/123456/status', '/api/products?category=mystery']) {
      const res = await json(g + path);
      expectError(res, 503);
      expect(res.ms, path).toBeLessThan(3_000);
    }
    const verify = await json(`${g}/api/orders/123456/verify`, 'POST', {
      email: 'jane.doe@example.com',
    });
    expectError(verify, 503);
    expect(verify.ms).toBeLessThan(3_000);

    const order = await chat(g, 'Where is order 123456?');
    expect(order.status).toBe(200);
    expect(order.body).toMatchObject({ response: STORE_DOWN, intent: 'order_status' });
    expect(order.ms).toBeLessThan(3_000);
    const books = await chat(g, 'Recommend a mystery');
    expect(books.status).toBe(200);
    expect(books.body).toMatchObject({
      response: CANNED_RESPONSES.recommendation,
      intent: 'recommendation',
    });
    expect(books.ms).toBeLessThan(3_000);
    // The conversation itself does not need the database.
    const history = await json(`${g}/api/chat/history?session_id=${String(order.body.session_id)}`);
    expect(history.status).toBe(200);

    expect((await json(`${g}/health`)).status).toBe(200);
    const ready = await json(`${g}/health/ready`);
    expect(ready.status).toBe(503);
    expect(ready.body.message).toMatch(/^Not ready: database is down/);
    expect(ready.ms).toBeLessThan(3_000);

    await proxy.start();
    const took = await eventually(async () => {
      expect((await json(`${g}/health/ready`)).status).toBe(200);
      expect((await json(`${g}/api/orders/123456/status`)).status).toBe(200);
      expect((await json(`${g}/api/products?category=mystery`)).status).toBe(200);
    });
    expect(took).toBeLessThan(10_000);
    const back = await chat(g, 'Where is order 123456?');
    expect(back.body.response).toMatch(/^Your order #123456 is shipped\./);
    const picks = await chat(g, 'Recommend a mystery');
    expect(picks.body.response).toMatch(/^Here are some picks from Mystery/);
  }, 30_000);
});

describe('PostgreSQL hangs under the gateway (connections open, no answers)', () => {
  let schema: Awaited<ReturnType<typeof schemaBehindProxy>>;
  let proxy: TcpProxy;
  let system: RunningSystem;

  beforeAll(async () => {
    schema = await schemaBehindProxy();
    proxy = schema.proxy;
    system = await startSystem({
      chatbot: NO_RATE_LIMIT,
      gateway: {
        ...NO_RATE_LIMIT,
        DATABASE_URL: schema.url,
        DATABASE_STATEMENT_TIMEOUT_MS: '1000',
      },
    });
  });
  afterAll(async () => {
    await system?.close();
    await schema?.drop();
  });

  it('still answers within bounds while every query hangs, and recovers when it moves again', async () => {
    const g = system.gatewayUrl;
    expect((await json(`${g}/api/orders/123456/status`)).status).toBe(200);

    proxy.stall();
    const [status, products, order, live, ready] = await Promise.all([
      json(`${g}/api/orders/123456/status`),
      json(`${g}/api/products?q=dragon`),
      chat(g, 'Where is order 123456?'),
      json(`${g}/health`),
      json(`${g}/health/ready`),
    ]);
    expectError(status, 503);
    expect(status.ms).toBeLessThan(3_000);
    expectError(products, 503);
    expect(products.ms).toBeLessThan(3_000);
    expect(order.body).toMatchObject({ response: STORE_DOWN, intent: 'order_status' });
    expect(order.ms).toBeLessThan(3_000);
    expect(live.status).toBe(200);
    expect(live.ms).toBeLessThan(500);
    expect(ready.status).toBe(503);
    expect(ready.body.message).toMatch(/^Not ready: database is down/);
    expect(ready.ms).toBeLessThan(2_500);
    // Rules that need no store still answer at once.
    const payment = await chat(g, 'What payment methods do you accept?');
    expect(payment.body.response).toBe(CANNED_RESPONSES.payment);
    expect(payment.ms).toBeLessThan(500);

    proxy.resume();
    const took = await eventually(async () => {
      expect((await json(`${g}/health/ready`)).status).toBe(200);
      expect((await json(`${g}/api/orders/123456/status`)).status).toBe(200);
    });
    expect(took).toBeLessThan(10_000);
    const back = await chat(g, 'Where is order 123456?');
    expect(back.body.response).toMatch(/^Your order #123456 is shipped\./);
  }, 30_000);
});

describe('the LLM answers 200 with garbage', () => {
  const QUESTION = 'Do you offer gift wrapping for presents?';
  const GIFT_WRAP = /\$3\.99 a book/;
  let fake: FakeOpenAi;
  let system: RunningSystem;

  beforeAll(async () => {
    fake = await startFakeOpenAi();
    system = await startSystem({
      chatbot: {
        ...NO_RATE_LIMIT,
        LLM_BACKEND: 'ollama',
        OLLAMA_URL: fake.url,
        // Every garbage reply below must reach the parser, not a circuit already open.
        LLM_CIRCUIT_FAILURES: '100',
      },
      gateway: NO_RATE_LIMIT,
    });
  });
  afterAll(async () => {
    await system?.close();
    await fake?.close();
  });
  beforeEach(() => fake.reset());

  const completions = () => fake.requests.filter((r) => r.path.endsWith('/chat/completions'));

  const GARBAGE: Array<[string, Partial<FakeBehaviour>]> = [
    ['a body that is not JSON', { status: 200, errorBody: '<html><body>Bad things</body></html>' }],
    ['JSON without choices', { status: 200, errorBody: { id: 'x', object: 'chat.completion' } }],
    ['an empty choices list', { status: 200, errorBody: { choices: [] } }],
    ['a choice without a message', { status: 200, errorBody: { choices: [{ index: 0 }] } }],
    [
      'a message whose content is not text',
      { status: 200, errorBody: { choices: [{ message: { role: 'assistant', content: 42 } }] } },
    ],
    ['JSON null', { status: 200, errorBody: null }],
    ['an empty body', { status: 200, errorBody: '' }],
  ];

  it.each(GARBAGE)(
    '%s: the bot gives the help center’s answer, JSON and streamed',
    async (_what, garbage) => {
      fake.set(garbage);
      const res = await chat(system.gatewayUrl, QUESTION);
      expect(res.status).toBe(200);
      // The help center knows this one (#21.1): its answer rather than the LLM failure text.
      expect(res.body).toMatchObject({
        response: expect.stringMatching(GIFT_WRAP),
        source: 'rules',
      });
      expect(res.ms).toBeLessThan(2_000);

      const { status, events } = await readEvents(`${system.gatewayUrl}/api/chat/stream`, {
        message: QUESTION,
      });
      expect(status).toBe(200);
      expect(events.at(-1)).toMatchObject({
        event: 'done',
        data: { response: res.body.response },
      });
      // Both really asked the model: the failure text is not the circuit's.
      expect(completions()).toHaveLength(2);

      expect((await json(`${system.chatbotUrl}/health`)).status).toBe(200);
      expect((await json(`${system.gatewayUrl}/health`)).status).toBe(200);
    },
  );

  it('turns a stream that becomes garbage after the first words into an error event', async () => {
    fake.set({ reply: 'We wrap gifts for free.', malformed: true });
    const { events } = await readEvents(`${system.gatewayUrl}/api/chat/stream`, {
      message: QUESTION,
    });
    expect(events.filter((e) => e.event === 'token').length).toBeGreaterThan(0);
    expect(events.at(-1)).toMatchObject({
      event: 'error',
      data: { message: LLM_FAILURE_RESPONSE },
    });
  });

  it('reports the LLM degraded while it talks garbage, and answers again once it is sane', async () => {
    fake.set({ status: 200, errorBody: 'not json' });
    const ready = await json(`${system.chatbotUrl}/health/ready`);
    // The LLM is optional for readiness: 200, with the LLM named as degraded.
    expect(ready.status).toBe(200);
    expect(JSON.stringify(ready.body)).toMatch(/"llm":\{[^}]*"status":"degraded"/);

    fake.reset();
    fake.set({ reply: 'Yes, we gift-wrap for free.' });
    await eventually(async () => {
      const res = await chat(system.gatewayUrl, QUESTION);
      expect(res.body).toMatchObject({ response: 'Yes, we gift-wrap for free.', source: 'llm' });
    });
    await eventually(async () => {
      const again = await json(`${system.chatbotUrl}/health/ready`);
      expect(JSON.stringify(again.body)).toMatch(/"llm":\{[^}]*"status":"up"/);
    });
  });
});

describe('the chatbot goes away behind the gateway', () => {
  it('answers 503 within a bound, says why it is not ready, and recovers when a chatbot is back', async () => {
    const gatewayPort = await closedPort();
    const env = { ...NO_RATE_LIMIT, BOOKSTORE_API_URL: `http://127.0.0.1:${gatewayPort}` };
    let chatbot: RunningApp | undefined = await startChatbot(env);
    const chatbotPort = Number(new URL(chatbot.url).port);
    const gateway = await startGateway(
      { ...NO_RATE_LIMIT, CHAT_SERVICE_URL: chatbot.url },
      gatewayPort,
    );
    const g = gateway.url;
    try {
      const first = await chat(g, 'Hi');
      expect(first.status).toBe(200);
      const sessionId = String(first.body.session_id);
      expect((await json(`${g}/health/ready`)).status).toBe(200);

      await chatbot.app.close();
      chatbot = undefined;

      const down = await chat(g, 'Hi');
      expectError(down, 503);
      expect(down.ms).toBeLessThan(2_000);
      const stream = await json(`${g}/api/chat/stream`, 'POST', { message: 'Hi' });
      expectError(stream, 503);
      expectError(await json(`${g}/api/chat/history?session_id=${sessionId}`), 503);
      // The gateway's own store does not depend on the chatbot.
      expect((await json(`${g}/api/orders/123456/status`)).status).toBe(200);
      expect((await json(`${g}/health`)).status).toBe(200);
      const ready = await json(`${g}/health/ready`);
      expect(ready.status).toBe(503);
      expect(ready.body.message).toMatch(/^Not ready: chatbot is down/);
      expect(ready.ms).toBeLessThan(3_000);

      chatbot = await startChatbotAt(chatbotPort, env);
      const took = await eventually(async () => {
        expect((await chat(g, 'Hi')).status).toBe(200);
        expect((await json(`${g}/health/ready`)).status).toBe(200);
      });
      expect(took).toBeLessThan(10_000);
      const payment = await chat(g, 'What payment methods do you accept?');
      expect(payment.body.response).toBe(CANNED_RESPONSES.payment);
    } finally {
      await gateway.app.close();
      await chatbot?.app.close();
    }
  }, 30_000);
});
