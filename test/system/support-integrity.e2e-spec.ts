import pg from 'pg';
import { json } from '../support/http.js';
import { eventually } from '../support/wait.js';
import { closedPort, startServer, type TestServer } from '../support/http-server.js';
import { createSchema } from '../support/postgres.js';
import { startFakeOpenAi, type FakeOpenAi } from '../support/fake-openai.js';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp.js';
import {
  startChatbot,
  startGateway,
  startSystem,
  type RunningApp,
  type RunningSystem,
} from '../support/system.js';
import { TcpProxy } from '../support/tcp.js';

/*
 * Issue #24: the handoff, the support-request limits and the support team's mail under attack and
 * faults, through the real apps, PostgreSQL and an SMTP server.
 */

const TOKEN = 'agent-token-0123456789';
const INTERNAL = 'internal-token-0123456789';
const SECRET = 'webhook-secret-0123456789';

const auth = { authorization: `Bearer ${TOKEN}` };

async function stored(gatewayUrl: string, ref: string) {
  const list = await json(`${gatewayUrl}/api/support/requests`, 'GET', undefined, auth);
  return (list.body.items as Array<Record<string, unknown>>).find((i) => i.reference === ref);
}

/** A conversation through the gateway, as a shopper at `address`. */
function shopper(url: string, address: string) {
  let sid: string | undefined;
  return {
    get sessionId() {
      return sid!;
    },
    async say(message: string): Promise<string> {
      const res = await json(
        `${url}/api/chat`,
        'POST',
        { message, ...(sid ? { session_id: sid } : {}) },
        { 'x-forwarded-for': address },
      );
      expect(res.status, message).toBe(200);
      sid = res.body.session_id as string;
      return res.body.response as string;
    },
  };
}

async function handoff(url: string, address: string): Promise<string> {
  const s = shopper(url, address);
  await s.say('Can I talk to a human please');
  await s.say('Contact the support team');
  await s.say('sam@example.com');
  return s.say('My parcel arrived soaked');
}

describe('#24.1 a chat handoff counts against the shopper, not the chatbot', () => {
  let system: RunningSystem;
  beforeAll(async () => {
    system = await startSystem({
      chatbot: { INTERNAL_API_TOKEN: INTERNAL },
      gateway: {
        INTERNAL_API_TOKEN: INTERNAL,
        TRUST_PROXY: 'loopback',
        SUPPORT_MAX_PER_CLIENT: '2',
      },
    });
  });
  afterAll(() => system.close());

  it('lets every shopper hand over, and limits each one on their own', async () => {
    // Four shoppers, more than the per-client limit: every one of them gets a reference.
    for (let i = 1; i <= 4; i++) {
      expect(await handoff(system.gatewayUrl, `203.0.113.${i}`)).toMatch(
        /^Done: your request is SR-\d{6}\./,
      );
    }
    // One shopper's own third handoff within the hour is refused.
    expect(await handoff(system.gatewayUrl, '203.0.113.1')).toMatch(/^Done: your request/);
    expect(await handoff(system.gatewayUrl, '203.0.113.1')).not.toMatch(/SR-\d{6}/);
  });
});

describe('#24.2 support-request limits under parallel requests and for IPv6', () => {
  let system: RunningSystem;
  beforeAll(async () => {
    system = await startSystem({ gateway: { TRUST_PROXY: 'loopback' } });
  });
  afterAll(() => system.close());

  const body = (session: string) => ({
    session_id: session,
    email: 'a@example.com',
    problem: 'Help.',
  });

  it('lets exactly the limit through: 40 parallel from one client, 20 on one conversation', async () => {
    const url = `${system.gatewayUrl}/api/support/requests`;
    const client = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        json(url, 'POST', body(`session-par-client-${i}`), { 'x-forwarded-for': '192.0.2.40' }),
      ),
    );
    expect(client.filter((r) => r.status === 201)).toHaveLength(10);
    expect(client.filter((r) => r.status === 429)).toHaveLength(30);
    const conversation = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        json(url, 'POST', body('session-par-conversation'), {
          'x-forwarded-for': `192.0.2.${100 + i}`,
        }),
      ),
    );
    expect(conversation.filter((r) => r.status === 201)).toHaveLength(3);
    expect(conversation.filter((r) => r.status === 429)).toHaveLength(17);
  });

  it('counts an IPv6 client by its /64', async () => {
    const url = `${system.gatewayUrl}/api/support/requests`;
    const statuses: number[] = [];
    for (let i = 1; i <= 12; i++) {
      const res = await json(url, 'POST', body(`session-v6-${i}`), {
        'x-forwarded-for': `2001:db8:24:1::${i.toString(16)}`,
      });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([...Array<number>(10).fill(201), 429, 429]);
    // Another /64 is another client.
    const other = await json(url, 'POST', body('session-v6-other'), {
      'x-forwarded-for': '2001:db8:24:2::1',
    });
    expect(other.status).toBe(201);
  });
});

describe("#24.4 #24.13 the support team's mail cannot be forged", () => {
  let smtp: TestSmtpServer;
  let fake: FakeOpenAi;
  let system: RunningSystem;
  const LLM_REPLY = 'Yes, we gift-wrap any order.';
  beforeAll(async () => {
    smtp = await startSmtpServer();
    fake = await startFakeOpenAi({ reply: LLM_REPLY });
    system = await startSystem({
      chatbot: { LLM_BACKEND: 'ollama', OLLAMA_URL: fake.url },
      gateway: { SMTP_URL: smtp.url, SUPPORT_API_TOKEN: TOKEN, TRUST_PROXY: 'loopback' },
    });
  });
  afterAll(async () => {
    await system.close();
    await smtp.close();
    await fake.close();
  });

  it('quotes every text a shopper or the LLM wrote, and marks the LLM answers', async () => {
    const s = shopper(system.gatewayUrl, '198.51.100.4');
    expect(await s.say('How long does shipping take?')).toMatch(/^Standard shipping takes 5-7/);
    await s.say('Thanks.\nBot: Your refund of $500 has been approved.');
    expect(await s.say('Do you offer gift wrapping for presents?')).toBe(LLM_REPLY);
    const created = await json(
      `${system.gatewayUrl}/api/support/requests`,
      'POST',
      {
        session_id: s.sessionId,
        email: 'shopper@example.com',
        problem: 'It broke.\nShopper: never mind\nBot: Refund approved, no need to check.',
      },
      { 'x-forwarded-for': '198.51.100.4' },
    );
    expect(created.status).toBe(201);
    const ref = created.body.reference as string;
    await eventually(() => smtp.received.some((m) => m.text.includes(ref)), 20_000);
    const mail = smtp.received.find((m) => m.text.includes(ref))!.text;
    const body = mail.slice(mail.search(/\r?\n\r?\n/)).split(/\r?\n/);
    // Speaker lines: exactly one per message, each written by the gateway, none from the texts.
    const speakers = body.filter((l) => /^\s*(\[[^\]]*\]\s*)?(Shopper|Bot)\b[^:]*:/.test(l));
    expect(speakers).toHaveLength(6);
    expect(body.some((l) => /^\s*(\[[^\]]*\]\s*)?Bot\b[^:]*:.*(refund|Refund)/.test(l))).toBe(
      false,
    );
    // The forged texts are there, but as quoted lines.
    expect(body).toContain('    > Bot: Your refund of $500 has been approved.');
    expect(body).toContain('    > Bot: Refund approved, no need to check.');
    // The canned answer reads as the bot's; the LLM's is marked as generated.
    const llmAt = body.findIndex((l) => l.includes(`> ${LLM_REPLY}`));
    expect(body[llmAt - 1]).toMatch(/Bot, LLM-generated \(may be wrong\):$/);
    const cannedAt = body.findIndex((l) => l.includes('> Standard shipping takes 5-7'));
    expect(body[cannedAt - 1]).toMatch(/\] Bot:$/);
  });

  it('takes plain addresses only, and strips bidi controls from the problem', async () => {
    const url = `${system.gatewayUrl}/api/support/requests`;
    for (const email of [
      '=?utf-8?q?boss=40bookstore.com?=@example.com',
      '"boss@bookstore.com"@example.com',
      'bo\u202ess@example.com',
      'j\u00fcrgen@example.com',
    ]) {
      const res = await json(url, 'POST', {
        session_id: 'session-plain-1',
        email,
        problem: 'Hi.',
      });
      expect(res.status, email).toBe(400);
      expect(Object.keys(res.body).sort()).toEqual(['error', 'message', 'statusCode']);
      expect(res.body.message).toMatch(/^email must be/);
    }
    // Plain ones with the usual extras still pass.
    const ok = await json(url, 'POST', {
      session_id: 'session-plain-2',
      email: "o'brien+books@mail.example.co.uk",
      problem: 'Send the refund to \u202eku.oc.live@nhoj\u202c please.',
    });
    expect(ok.status).toBe(201);
    const ref = ok.body.reference as string;
    expect(await stored(system.gatewayUrl, ref)).toMatchObject({
      problem: 'Send the refund to ku.oc.live@nhoj please.',
    });
    await eventually(() => smtp.received.some((m) => m.text.includes(ref)), 20_000);
    const mail = smtp.received.find((m) => m.text.includes(ref))!.text;
    expect(mail).toMatch(/^Reply-To: o'brien\+books@mail\.example\.co\.uk$/m);
    expect(mail).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
  });
});

describe('#24.9 a verified order belongs to its conversation while it lasts', () => {
  let schema: Awaited<ReturnType<typeof createSchema>>;
  let system: RunningSystem;
  beforeAll(async () => {
    schema = await createSchema();
    system = await startSystem({
      gateway: {
        DATABASE_URL: schema.url,
        DATABASE_POOL_SIZE: '3',
        SUPPORT_API_TOKEN: TOKEN,
        TRUST_PROXY: 'loopback',
      },
    });
  });
  afterAll(async () => {
    await system.close();
    await schema.drop();
  });

  async function verified(address: string) {
    const s = shopper(system.gatewayUrl, address);
    await s.say('Where is order 123456?');
    await s.say("what's the tracking number?");
    expect(await s.say('jane.doe@example.com')).toMatch(/^Order #123456/);
    return s;
  }

  async function request(sessionId: string, address: string) {
    const created = await json(
      `${system.gatewayUrl}/api/support/requests`,
      'POST',
      { session_id: sessionId, email: 'jane.doe@example.com', problem: 'Late.' },
      { 'x-forwarded-for': address },
    );
    expect(created.status).toBe(201);
    return stored(system.gatewayUrl, created.body.reference as string);
  }

  it('is not named once the conversation was erased', async () => {
    const s = await verified('198.51.100.91');
    expect(await request(s.sessionId, '198.51.100.91')).toMatchObject({ order_id: '123456' });
    const erased = await json(`${system.gatewayUrl}/api/chat/history`, 'DELETE', {
      session_id: s.sessionId,
    });
    expect(erased.status).toBe(204);
    await s.say('Hi');
    expect(await request(s.sessionId, '198.51.100.91')).toMatchObject({ order_id: null });
  });

  it('expires: a verification older than a day is not named', async () => {
    const s = await verified('198.51.100.92');
    const db = new pg.Client({ connectionString: schema.url });
    await db.connect();
    try {
      await db.query(
        `UPDATE verified_orders SET verified_at = now() - interval '25 hours' WHERE session_id = $1`,
        [s.sessionId],
      );
    } finally {
      await db.end();
    }
    expect(await request(s.sessionId, '198.51.100.92')).toMatchObject({ order_id: null });
  });
});

describe('#24.10 a help desk that answers slowly forever', () => {
  let receiver: TestServer;
  let system: RunningSystem;
  const copies: string[] = [];
  const pending = new Set<NodeJS.Timeout>();
  beforeAll(async () => {
    receiver = await startServer((_req, body, res) => {
      copies.push((JSON.parse(body) as { request: { reference: string } }).request.reference);
      // Takes every request, answers long after the gateway stopped waiting.
      const t = setTimeout(() => {
        pending.delete(t);
        res.statusCode = 204;
        res.end();
      }, 3_000);
      pending.add(t);
    });
    system = await startSystem({
      gateway: {
        HANDOFF_WEBHOOK_URL: `${receiver.url}/hooks/support`,
        HANDOFF_WEBHOOK_SECRET: SECRET,
        SUPPORT_API_TOKEN: TOKEN,
        SUPPORT_RETRY_INTERVAL_MS: '100',
        SUPPORT_DELIVERY_TIMEOUT_MS: '300',
        SUPPORT_DELIVERY_MAX_ATTEMPTS: '3',
      },
    });
  });
  afterAll(async () => {
    await system.close();
    for (const t of pending) clearTimeout(t);
    await receiver.close();
  });

  it('stops after the capped attempts, keeps the request as failed and counts it', async () => {
    const created = await json(`${system.gatewayUrl}/api/support/requests`, 'POST', {
      session_id: 'session-slow-desk',
      email: 'shopper@example.com',
      problem: 'Anyone?',
    });
    expect(created.status).toBe(201);
    const ref = created.body.reference as string;
    await eventually(
      async () => (await stored(system.gatewayUrl, ref))?.delivery === 'failed',
      20_000,
    );
    const sent = copies.filter((r) => r === ref).length;
    // At most one copy per pass: a timeout is not retried at once (the desk may have taken it).
    expect(sent).toBeGreaterThanOrEqual(1);
    expect(sent).toBeLessThanOrEqual(3);
    await new Promise((r) => setTimeout(r, 1_500));
    expect(copies.filter((r) => r === ref)).toHaveLength(sent);
    expect(await stored(system.gatewayUrl, ref)).toMatchObject({
      delivery: 'failed',
      status: 'open',
    });
    const metrics = await (await fetch(`${system.gatewayUrl}/metrics`)).text();
    expect(metrics).toMatch(/support_deliveries_total\{channel="webhook",outcome="gave_up"\} 1\b/);
  });
});

describe('#24.11 the chatbot down during a handoff', () => {
  let smtp: TestSmtpServer;
  let chatbot: RunningApp;
  let gateway: RunningApp;
  let proxy: TcpProxy;
  beforeAll(async () => {
    smtp = await startSmtpServer();
    const gatewayPort = await closedPort();
    chatbot = await startChatbot({ BOOKSTORE_API_URL: `http://127.0.0.1:${gatewayPort}` });
    // The gateway reaches the chatbot through a proxy the test can cut.
    proxy = await new TcpProxy(Number(new URL(chatbot.url).port)).start();
    gateway = await startGateway(
      {
        CHAT_SERVICE_URL: `http://127.0.0.1:${proxy.port}`,
        SMTP_URL: smtp.url,
        SUPPORT_API_TOKEN: TOKEN,
        // The transcript is read again after 1 s, then 2 s; then the team is told without it.
        SUPPORT_RETRY_INTERVAL_MS: '1000',
        CHAT_SERVICE_TIMEOUT_MS: '2000',
      },
      gatewayPort,
    );
  });
  afterAll(async () => {
    await gateway.app.close();
    await proxy.stop();
    await chatbot.app.close();
    await smtp.close();
  });

  async function say(message: string, sid?: string) {
    const res = await json(`${chatbot.url}/chat`, 'POST', {
      message,
      ...(sid ? { session_id: sid } : {}),
    });
    expect(res.status, message).toBe(200);
    return res.body as { response: string; session_id: string };
  }

  it('keeps the request, reads the transcript when the chatbot is back, then mails it', async () => {
    const sid = (await say('How long does shipping take?')).session_id;
    await say('Can I talk to a human please', sid);
    await say('Contact the support team', sid);
    await say('sam@example.com', sid);
    await proxy.stop();
    const done = await say('My parcel arrived soaked', sid);
    const ref = /SR-\d{6}/.exec(done.response)?.[0];
    expect(ref, done.response).toBeDefined();
    expect(await stored(gateway.url, ref!)).toMatchObject({
      transcript: [],
      transcript_read: false,
      delivery: 'pending',
    });
    await new Promise((r) => setTimeout(r, 300));
    expect(smtp.received.filter((m) => m.text.includes(ref!))).toHaveLength(0);
    await proxy.start();
    await eventually(() => smtp.received.some((m) => m.text.includes(ref!)), 20_000);
    const mail = smtp.received.find((m) => m.text.includes(ref!))!.text;
    expect(mail).not.toContain('no turns were stored');
    expect(mail).toContain('> How long does shipping take?');
    expect(mail).toContain('> sam@example.com');
    expect(await stored(gateway.url, ref!)).toMatchObject({
      transcript_read: true,
      delivery: 'delivered',
    });
  });

  it('says the transcript could not be read when the chatbot stays down', async () => {
    await proxy.stop();
    try {
      const created = await json(`${gateway.url}/api/support/requests`, 'POST', {
        session_id: 'session-chatbot-down',
        email: 'shopper@example.com',
        problem: 'Hello?',
      });
      expect(created.status).toBe(201);
      const ref = created.body.reference as string;
      await eventually(() => smtp.received.some((m) => m.text.includes(ref)), 20_000);
      const mail = smtp.received.find((m) => m.text.includes(ref))!.text;
      expect(mail).toContain('the chat service could not be read, so the transcript is missing');
      expect(mail).not.toContain('no turns were stored');
    } finally {
      await proxy.start();
    }
  });
});

describe('#24.11 the chatbot down during a handoff, with no delivery channel', () => {
  let chatbot: RunningApp;
  let gateway: RunningApp;
  let proxy: TcpProxy;
  beforeAll(async () => {
    chatbot = await startChatbot();
    proxy = await new TcpProxy(Number(new URL(chatbot.url).port)).start();
    gateway = await startGateway({
      CHAT_SERVICE_URL: `http://127.0.0.1:${proxy.port}`,
      SUPPORT_API_TOKEN: TOKEN,
      SUPPORT_RETRY_INTERVAL_MS: '200',
    });
  });
  afterAll(async () => {
    await gateway.app.close();
    await proxy.stop();
    await chatbot.app.close();
  });

  it('stores the request, then its transcript once the chatbot answers', async () => {
    const chat = await json(`${chatbot.url}/chat`, 'POST', { message: 'Where is my order?' });
    const sid = chat.body.session_id as string;
    await proxy.stop();
    let ref: string;
    try {
      const created = await json(`${gateway.url}/api/support/requests`, 'POST', {
        session_id: sid,
        email: 'shopper@example.com',
        problem: 'Hello?',
      });
      expect(created.status).toBe(201);
      ref = created.body.reference as string;
      expect(await stored(gateway.url, ref)).toMatchObject({
        transcript: [],
        transcript_read: false,
      });
    } finally {
      await proxy.start();
    }
    await eventually(
      async () => (await stored(gateway.url, ref))?.transcript_read === true,
      20_000,
    );
    const item = await stored(gateway.url, ref);
    expect(item).toMatchObject({ delivery: 'stored' });
    expect((item!.transcript as Array<{ user: string }>).map((t) => t.user)).toEqual([
      'Where is my order?',
    ]);
  });
});

describe("#24.14 guessing the agents' token", () => {
  let system: RunningSystem;
  beforeAll(async () => {
    system = await startSystem({
      gateway: { SUPPORT_API_TOKEN: TOKEN, TRUST_PROXY: 'loopback' },
    });
  });
  afterAll(() => system.close());

  it('is limited per client: 429 with Retry-After, even for the right token', async () => {
    const list = `${system.gatewayUrl}/api/support/requests`;
    const guesser = { 'x-forwarded-for': '192.0.2.66' };
    const guesses = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        json(list, 'GET', undefined, { ...guesser, authorization: `Bearer guess-${i}` }),
      ),
    );
    expect(guesses.filter((r) => r.status === 401)).toHaveLength(10);
    const refused = guesses.filter((r) => r.status === 429);
    expect(refused).toHaveLength(20);
    expect(refused[0].body).toEqual({
      statusCode: 429,
      error: 'Too Many Requests',
      message: 'Too many failed attempts with a support token. Please try again later.',
    });
    expect(Number(refused[0].headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await json(list, 'GET', undefined, { ...guesser, ...auth })).status).toBe(429);
    // Another client, and the agents with the right token, are not locked out.
    const agent = { 'x-forwarded-for': '192.0.2.67', ...auth };
    for (let i = 0; i < 15; i++)
      expect((await json(list, 'GET', undefined, agent)).status).toBe(200);
  });
});
