import { createSchema, schemaBehindProxy } from '../support/postgres.js';
import type { TcpProxy } from '../support/tcp.js';
import { json } from '../support/http.js';
import { eventually } from '../support/wait.js';
import { closedPort, startServer, type TestServer } from '../support/http-server.js';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp.js';
import { startGateway, startSystem, type RunningSystem } from '../support/system.js';
import { verifyWebhook } from '../../apps/gateway/src/support/webhook-signature.js';

const TOKEN = 'agent-token-0123456789';
const SECRET = 'webhook-secret-0123456789';

let client = 0;
/** Each request comes from another address, so the per-client limit is not shared by tests. */
const from = () => ({ 'x-forwarded-for': `198.51.100.${++client}` });

async function chat(gatewayUrl: string, message: string, sessionId?: string) {
  const res = await json(`${gatewayUrl}/api/chat`, 'POST', {
    message,
    ...(sessionId ? { session_id: sessionId } : {}),
  });
  expect(res.status).toBe(200);
  return res.body.session_id as string;
}

describe('support requests: agent routes', () => {
  let system: RunningSystem;
  beforeAll(async () => {
    system = await startSystem({
      // The tests stand for the ingress in front of the gateway: it reports the shopper's address.
      gateway: { SUPPORT_API_TOKEN: TOKEN, TRUST_PROXY: 'loopback' },
    });
  });
  afterAll(() => system.close());

  it('answer 401 without the token or with a wrong one', async () => {
    const list = `${system.gatewayUrl}/api/support/requests`;
    const none = await json(list, 'GET');
    expect(none.status).toBe(401);
    expect(none.body).toEqual({
      statusCode: 401,
      error: 'Unauthorized',
      message: 'A valid support token is required.',
    });
    expect(none.headers.get('www-authenticate')).toBe('Bearer');
    expect((await json(list, 'GET', undefined, { authorization: 'Bearer wrong' })).status).toBe(
      401,
    );
    expect((await json(list, 'GET', undefined, { authorization: `Basic ${TOKEN}` })).status).toBe(
      401,
    );
    const patch = await json(`${list}/SR-123456`, 'PATCH', { status: 'closed' });
    expect(patch.status).toBe(401);
  });

  it('list a request with its transcript and close it with a note', async () => {
    const sessionId = await chat(system.gatewayUrl, 'Where is my order?');
    await chat(system.gatewayUrl, '123456', sessionId);
    const created = await json(
      `${system.gatewayUrl}/api/support/requests`,
      'POST',
      { session_id: sessionId, email: 'jane.doe@example.com', problem: 'Torn cover.' },
      from(),
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      status: 'open',
      expected_answer:
        'Our support team answers Monday to Friday, 9 am to 5 pm Eastern, within 1 business day.',
    });
    const ref = created.body.reference as string;
    expect(ref).toMatch(/^SR-\d{6}$/);

    const auth = { authorization: `Bearer ${TOKEN}` };
    const open = await json(
      `${system.gatewayUrl}/api/support/requests?status=open`,
      'GET',
      undefined,
      auth,
    );
    expect(open.status).toBe(200);
    const item = (open.body.items as Array<Record<string, unknown>>).find(
      (i) => i.reference === ref,
    );
    expect(item).toMatchObject({
      email: 'jane.doe@example.com',
      problem: 'Torn cover.',
      order_id: null, // looked up, never verified
      reason: 'form',
      language: 'en',
      status: 'open',
      delivery: 'stored', // neither SMTP nor a webhook is configured
    });
    expect((item!.transcript as Array<{ user: string }>).map((t) => t.user)).toEqual([
      'Where is my order?',
      '123456',
    ]);

    const closed = await json(
      `${system.gatewayUrl}/api/support/requests/${ref}`,
      'PATCH',
      { status: 'closed', note: 'Replacement sent.' },
      auth,
    );
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({
      reference: ref,
      status: 'closed',
      note: 'Replacement sent.',
    });
    const stillOpen = await json(
      `${system.gatewayUrl}/api/support/requests?status=open`,
      'GET',
      undefined,
      auth,
    );
    expect(
      (stillOpen.body.items as Array<{ reference: string }>).map((i) => i.reference),
    ).not.toContain(ref);

    const missing = await json(
      `${system.gatewayUrl}/api/support/requests/SR-000001`,
      'PATCH',
      { status: 'closed' },
      auth,
    );
    expect(missing.status).toBe(404);
    const bad = await json(
      `${system.gatewayUrl}/api/support/requests/${ref}`,
      'PATCH',
      { status: 'done' },
      auth,
    );
    expect(bad.status).toBe(400);
    const badFilter = await json(
      `${system.gatewayUrl}/api/support/requests?status=all`,
      'GET',
      undefined,
      auth,
    );
    expect(badFilter.status).toBe(400);
  });

  it('names the order this conversation verified, and only that conversation', async () => {
    const sessionId = await chat(system.gatewayUrl, 'Where is order 123456?');
    await chat(system.gatewayUrl, "what's the tracking number?", sessionId);
    await chat(system.gatewayUrl, 'jane.doe@example.com', sessionId);
    const created = await json(
      `${system.gatewayUrl}/api/support/requests`,
      'POST',
      { session_id: sessionId, email: 'jane.doe@example.com', problem: 'Late.' },
      from(),
    );
    const ref = created.body.reference as string;
    const list = await json(`${system.gatewayUrl}/api/support/requests`, 'GET', undefined, {
      authorization: `Bearer ${TOKEN}`,
    });
    const item = (list.body.items as Array<Record<string, unknown>>).find(
      (i) => i.reference === ref,
    );
    expect(item).toMatchObject({ order_id: '123456' });
  });

  it('are documented in Swagger, behind the bearer token', async () => {
    const doc = (await json(`${system.gatewayUrl}/docs-json`)).body as {
      paths: Record<string, Record<string, { security?: unknown[] }>>;
      components: { securitySchemes: Record<string, unknown> };
    };
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(doc.paths['/api/support/requests'].get.security).toEqual([{ bearer: [] }]);
    expect(doc.paths['/api/support/requests/{ref}'].patch.security).toEqual([{ bearer: [] }]);
    expect(doc.paths['/api/support/requests'].post.security).toBeUndefined();
  });

  it('validates every field and refuses what is not in the contract', async () => {
    const url = `${system.gatewayUrl}/api/support/requests`;
    const good = { session_id: 'session-valid-1', email: 'a@example.com', problem: 'Help.' };
    const cases: Array<[unknown, RegExp]> = [
      [{ ...good, email: 'not-an-email' }, /email must be an email address/],
      [{ ...good, email: `${'a'.repeat(250)}@example.com` }, /email must be an email address/],
      [{ ...good, problem: '' }, /problem must be between 1 and 1000/],
      [{ ...good, problem: 'x'.repeat(1001) }, /problem must be between 1 and 1000/],
      [{ ...good, problem: 'bell\u0007' }, /control characters/],
      [{ ...good, session_id: 'short' }, /session_id/],
      [{ email: good.email, problem: good.problem }, /session_id/],
      [{ ...good, reason: 'bored' }, /reason must be one of/],
      [{ ...good, transcript: [] }, /transcript/],
    ];
    for (const [body, message] of cases) {
      const res = await json(url, 'POST', body, from());
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(res.body.message).toMatch(message);
    }
  });

  it('limits requests per conversation and per client address', async () => {
    const url = `${system.gatewayUrl}/api/support/requests`;
    const body = { session_id: 'session-limit-1', email: 'a@example.com', problem: 'Help.' };
    for (let i = 0; i < 3; i++) expect((await json(url, 'POST', body, from())).status).toBe(201);
    const fourth = await json(url, 'POST', body, from());
    expect(fourth.status).toBe(429);
    expect(fourth.headers.get('retry-after')).toBe('3600');
    // Ten from one address, whatever the conversation.
    const address = { 'x-forwarded-for': '192.0.2.77' };
    for (let i = 0; i < 10; i++) {
      const res = await json(url, 'POST', { ...body, session_id: `session-client-${i}` }, address);
      expect(res.status).toBe(201);
    }
    expect(
      (await json(url, 'POST', { ...body, session_id: 'session-client-x' }, address)).status,
    ).toBe(429);
  });
});

describe('support requests: agent routes without SUPPORT_API_TOKEN', () => {
  let system: RunningSystem;
  beforeAll(async () => {
    system = await startSystem();
  });
  afterAll(() => system.close());

  it('do not exist: 404, token or not', async () => {
    const list = `${system.gatewayUrl}/api/support/requests`;
    for (const headers of [{}, { authorization: `Bearer ${TOKEN}` }] as Array<
      Record<string, string>
    >) {
      const get = await json(`${list}?status=open`, 'GET', undefined, headers);
      expect(get.status).toBe(404);
      expect(get.body).toMatchObject({ statusCode: 404, error: 'Not Found' });
      expect((await json(`${list}/SR-123456`, 'PATCH', { status: 'closed' }, headers)).status).toBe(
        404,
      );
    }
    // Shoppers can still ask.
    const created = await json(
      list,
      'POST',
      { session_id: 'session-no-token', email: 'a@example.com', problem: 'Hi.' },
      from(),
    );
    expect(created.status).toBe(201);
  });
});

describe('support requests: email to the support team', () => {
  let smtp: TestSmtpServer;
  let system: RunningSystem;
  beforeAll(async () => {
    smtp = await startSmtpServer();
    system = await startSystem({
      gateway: {
        SMTP_URL: smtp.url,
        SUPPORT_EMAIL: 'help@bookstore.test',
        SUPPORT_API_TOKEN: TOKEN,
      },
    });
  });
  afterAll(async () => {
    await system.close();
    await smtp.close();
  });

  it('mails the request with the transcript to SUPPORT_EMAIL over SMTP', async () => {
    const sessionId = await chat(system.gatewayUrl, 'How long does shipping take?');
    await chat(system.gatewayUrl, 'What payment methods do you accept?', sessionId);
    const created = await json(
      `${system.gatewayUrl}/api/support/requests`,
      'POST',
      { session_id: sessionId, email: 'shopper@example.com', problem: 'I was charged twice.' },
      from(),
    );
    const ref = created.body.reference as string;
    await eventually(() => smtp.received.some((m) => m.text.includes(ref)));
    const mail = smtp.received.find((m) => m.text.includes(ref))!;
    expect(mail.to).toEqual(['help@bookstore.test']);
    expect(mail.text).toContain(`Subject: Support request ${ref}`);
    expect(mail.text).toMatch(/^Reply-To: shopper@example\.com$/m);
    expect(mail.text).toContain('I was charged twice.');
    // Each message under its speaker's line, quoted (issue #24: no text can pass for a speaker).
    expect(mail.text).toMatch(/\] Shopper:\r?\n\s{4}> How long does shipping take\?\r?\n/);
    expect(mail.text).toMatch(
      /\] Bot:\r?\n\s{4}> Standard shipping takes 5-7 business days\. Express shipping is 2-3 business days\./,
    );
    expect(mail.text).toContain('    > What payment methods do you accept?');
    await eventually(async () => {
      const list = await json(`${system.gatewayUrl}/api/support/requests`, 'GET', undefined, {
        authorization: `Bearer ${TOKEN}`,
      });
      const item = (list.body.items as Array<Record<string, unknown>>).find(
        (i) => i.reference === ref,
      );
      return item?.delivery === 'delivered';
    });
    expect(smtp.received.filter((m) => m.text.includes(ref))).toHaveLength(1);
  });
});

describe('support requests: the SMTP server down, then back', () => {
  let port: number;
  let smtp: TestSmtpServer | undefined;
  let system: RunningSystem;
  beforeAll(async () => {
    port = await closedPort();
    system = await startSystem({
      gateway: {
        SMTP_URL: `smtp://127.0.0.1:${port}`,
        SUPPORT_API_TOKEN: TOKEN,
        SUPPORT_RETRY_INTERVAL_MS: '100',
        SUPPORT_DELIVERY_TIMEOUT_MS: '1000',
      },
    });
  });
  afterAll(async () => {
    await system.close();
    await smtp?.close();
  });

  it('keeps the request pending and mails it once when the server is back', async () => {
    const created = await json(
      `${system.gatewayUrl}/api/support/requests`,
      'POST',
      { session_id: 'session-smtp-down', email: 'shopper@example.com', problem: 'Anyone?' },
      from(),
    );
    expect(created.status).toBe(201);
    const ref = created.body.reference as string;
    const item = async () => {
      const list = await json(`${system.gatewayUrl}/api/support/requests`, 'GET', undefined, {
        authorization: `Bearer ${TOKEN}`,
      });
      return (list.body.items as Array<Record<string, unknown>>).find((i) => i.reference === ref);
    };
    await new Promise((r) => setTimeout(r, 600));
    expect(await item()).toMatchObject({ delivery: 'pending' });
    const metrics = await (await fetch(`${system.gatewayUrl}/metrics`)).text();
    expect(metrics).toMatch(/support_deliveries_total\{channel="email",outcome="failed"\} [1-9]/);

    smtp = await startSmtpServer(port);
    await eventually(async () => (await item())?.delivery === 'delivered', 15_000);
    await new Promise((r) => setTimeout(r, 300));
    expect(smtp.received.filter((m) => m.text.includes(ref))).toHaveLength(1);
  });
});

describe('support requests: signed webhook, failure then recovery, two replicas', () => {
  let receiver: TestServer;
  let up = false;
  const received: Array<{ reference: string; verified: boolean; transcript: unknown[] }> = [];
  let schema: Awaited<ReturnType<typeof createSchema>>;
  let system: RunningSystem;
  let second: Awaited<ReturnType<typeof startGateway>>;

  beforeAll(async () => {
    receiver = await startServer((req, body, res) => {
      if (!up) {
        res.statusCode = 503;
        res.end();
        return;
      }
      const verified = verifyWebhook(
        SECRET,
        req.headers['x-signature-timestamp'] as string | undefined,
        body,
        req.headers['x-signature'] as string | undefined,
      );
      const parsed = JSON.parse(body) as { request: { reference: string; transcript: unknown[] } };
      received.push({
        reference: parsed.request.reference,
        verified,
        transcript: parsed.request.transcript,
      });
      res.statusCode = verified ? 204 : 401;
      res.end();
    });
    schema = await createSchema();
    const env = {
      DATABASE_URL: schema.url,
      DATABASE_POOL_SIZE: '3',
      HANDOFF_WEBHOOK_URL: `${receiver.url}/hooks/support`,
      HANDOFF_WEBHOOK_SECRET: SECRET,
      SUPPORT_API_TOKEN: TOKEN,
      SUPPORT_RETRY_INTERVAL_MS: '100',
    };
    system = await startSystem({ gateway: env });
    // A second replica on the same database.
    second = await startGateway({ ...env, CHAT_SERVICE_URL: system.chatbotUrl });
  });
  afterAll(async () => {
    await second.app.close();
    await system.close();
    await receiver.close();
    await schema.drop();
  });

  it('delivers a signed request the receiver verifies', async () => {
    up = true;
    const sessionId = await chat(system.gatewayUrl, 'Hi');
    const created = await json(
      `${system.gatewayUrl}/api/support/requests`,
      'POST',
      { session_id: sessionId, email: 'shopper@example.com', problem: 'Signed?', reason: 'asked' },
      from(),
    );
    const ref = created.body.reference as string;
    await eventually(() => received.some((r) => r.reference === ref));
    const got = received.filter((r) => r.reference === ref);
    expect(got).toHaveLength(1);
    expect(got[0].verified).toBe(true);
    expect(got[0].transcript).toHaveLength(1);
  });

  it('keeps a request the receiver refused and delivers it once when it is back, across two replicas', async () => {
    up = false;
    const created = await json(
      `${second.url}/api/support/requests`,
      'POST',
      { session_id: 'session-webhook-down', email: 'shopper@example.com', problem: 'Down?' },
      from(),
    );
    const ref = created.body.reference as string;
    const auth = { authorization: `Bearer ${TOKEN}` };
    // Both replicas see it, still waiting for delivery.
    for (const url of [system.gatewayUrl, second.url]) {
      const list = await json(`${url}/api/support/requests`, 'GET', undefined, auth);
      const item = (list.body.items as Array<Record<string, unknown>>).find(
        (i) => i.reference === ref,
      );
      expect(item).toMatchObject({ delivery: 'pending', status: 'open' });
    }
    // Let both replicas' retry loops fail a few times.
    await new Promise((r) => setTimeout(r, 1_000));
    expect(received.filter((r) => r.reference === ref)).toHaveLength(0);
    up = true;
    await eventually(async () => {
      const list = await json(`${system.gatewayUrl}/api/support/requests`, 'GET', undefined, auth);
      const item = (list.body.items as Array<Record<string, unknown>>).find(
        (i) => i.reference === ref,
      );
      return item?.delivery === 'delivered';
    }, 15_000);
    // Both loops keep running: give them time to (wrongly) send it again.
    await new Promise((r) => setTimeout(r, 500));
    const got = received.filter((r) => r.reference === ref);
    expect(got).toHaveLength(1);
    expect(got[0].verified).toBe(true);
  });
});

describe('support requests when the database is down', () => {
  let schema: Awaited<ReturnType<typeof schemaBehindProxy>>;
  let proxy: TcpProxy;
  let system: RunningSystem;

  beforeAll(async () => {
    schema = await schemaBehindProxy();
    proxy = schema.proxy;
    system = await startSystem({
      gateway: { DATABASE_URL: schema.url, DATABASE_POOL_SIZE: '3', SUPPORT_API_TOKEN: TOKEN },
    });
  });
  afterAll(async () => {
    await system?.close();
    await schema?.drop();
  });

  it('answers 503 in the error shape, the bot says so, and both recover', async () => {
    const sid = await chat(system.gatewayUrl, 'Can I talk to a human?');
    await chat(system.gatewayUrl, 'Contact the support team', sid);
    await chat(system.gatewayUrl, 'lee@example.com', sid);
    await proxy.stop();
    const url = `${system.gatewayUrl}/api/support/requests`;
    const body = { session_id: 'session-db-down', email: 'a@example.com', problem: 'Hi.' };
    const post = await json(url, 'POST', body, from());
    expect(post.status).toBe(503);
    expect(post.body).toEqual({
      statusCode: 503,
      error: 'Service Unavailable',
      message: 'Support requests cannot be saved right now. Please email support@bookstore.com.',
    });
    const list = await json(url, 'GET', undefined, { authorization: `Bearer ${TOKEN}` });
    expect(list.status).toBe(503);
    const bot = await json(`${system.gatewayUrl}/api/chat`, 'POST', {
      message: 'The box was empty',
      session_id: sid,
    });
    expect(bot.body.response).toBe(
      "I can't reach our support system right now. Please email support@bookstore.com, or try again in a few minutes.",
    );
    expect(bot.body.links).toEqual([
      { label: 'Email the support team', url: 'mailto:support@bookstore.com' },
    ]);

    await proxy.start();
    await eventually(async () => (await json(url, 'POST', body, from())).status === 201);
  });
});
