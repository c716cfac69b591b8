import pg from 'pg';
import { addTestAgent, desk, eventually, signIn } from '../support/desk.js';
import { json } from '../support/http.js';
import { createSchema } from '../support/postgres.js';
import { readEvents } from '../support/sse.js';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp.js';
import { startSystem, type RunningSystem } from '../support/system.js';

/* The support team's desk over HTTP, against both apps, PostgreSQL and a real SMTP server. */

const TOKEN = 'agent-token-0123456789';
const PASSWORD = 'correct horse battery';

let system: RunningSystem;
let smtp: TestSmtpServer;
let schema: { url: string; drop(): Promise<void> };
let db: pg.Client;
let client = 0;
/** Each test speaks from its own address, so the per-client sign-in limit is its own. */
const from = () => ({ 'x-forwarded-for': `198.51.100.${++client}` });

beforeAll(async () => {
  smtp = await startSmtpServer();
  schema = await createSchema();
  system = await startSystem({
    gateway: {
      DATABASE_URL: schema.url,
      DATABASE_POOL_SIZE: '3',
      SMTP_URL: smtp.url,
      SUPPORT_EMAIL: 'help@chapter-verse.example',
      SUPPORT_API_TOKEN: TOKEN,
      SUPPORT_RETRY_INTERVAL_MS: '200',
      TRUST_PROXY: 'loopback',
      DESK_SIGN_IN_MAX_PER_ACCOUNT: '3',
      DESK_SIGN_IN_MAX_PER_CLIENT: '5',
    },
  });
  await addTestAgent(schema.url, 'ana@bookstore.example', 'Ana Lima', PASSWORD);
  db = new pg.Client({ connectionString: schema.url });
  await db.connect();
}, 120_000);

afterAll(async () => {
  await db?.end();
  await system?.close();
  await schema?.drop();
  await smtp?.close();
});

async function chat(message: string, sessionId?: string, stream = false) {
  const body = { message, ...(sessionId ? { session_id: sessionId } : {}) };
  if (stream) {
    const { events } = await readEvents(`${system.gatewayUrl}/api/chat/stream`, body);
    expect(events.map((e) => e.event).at(-1)).toBe('done');
    return events.find((e) => e.event === 'meta')!.data as { session_id: string };
  }
  const res = await json(`${system.gatewayUrl}/api/chat`, 'POST', body, from());
  expect(res.status, message).toBe(200);
  return res.body as { session_id: string; response: string; turn: number };
}

describe('the desk: who gets in', () => {
  it('answers every desk route with 401 and no data without a session', async () => {
    const routes: Array<['GET' | 'POST', string, unknown?]> = [
      ['GET', 'me'],
      ['GET', 'requests'],
      ['GET', 'requests/SR-123456'],
      ['GET', 'unanswered'],
      ['GET', 'marked-down'],
      ['POST', 'sign-out'],
      ['POST', 'requests/SR-123456/replies', { body: 'hello' }],
      ['POST', 'requests/SR-123456/close'],
      ['POST', 'groups/done', { kind: 'unanswered', group_key: 'x' }],
    ];
    for (const [method, path, body] of routes) {
      for (const cookie of [undefined, 'desk_session=forged-token-0123456789abcdef']) {
        const res = await desk(system.gatewayUrl, method, path, { body, cookie });
        expect(res.status, `${method} ${path}`).toBe(401);
        expect(res.body).toEqual({
          statusCode: 401,
          error: 'Unauthorized',
          message: 'Please sign in to the desk.',
        });
      }
    }
  });

  it('signs in with a strict, HttpOnly session cookie that expires, and signs out', async () => {
    const headers = from();
    const wrong = await desk(system.gatewayUrl, 'POST', 'sign-in', {
      body: { email: 'ana@bookstore.example', password: 'not the password' },
      headers,
    });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('set-cookie')).toBeNull();

    const res = await desk(system.gatewayUrl, 'POST', 'sign-in', {
      body: { email: 'ANA@bookstore.example', password: PASSWORD },
      headers,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ email: 'ana@bookstore.example', name: 'Ana Lima' });
    const setCookie = res.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/^desk_session=[A-Za-z0-9_-]{40,}; /);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Strict');
    expect(setCookie).toContain('Path=/api/desk');
    expect(setCookie).toContain('Max-Age=28800');
    expect(setCookie).not.toContain('Secure');
    const cookie = setCookie.split(';')[0];

    const me = await desk(system.gatewayUrl, 'GET', 'me', { cookie });
    expect(me.body).toMatchObject({ name: 'Ana Lima', can_reply: true });
    const out = await desk(system.gatewayUrl, 'POST', 'sign-out', { cookie });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/^desk_session=; /);
    expect((await desk(system.gatewayUrl, 'GET', 'me', { cookie })).status).toBe(401);
  });

  it('marks the cookie Secure behind TLS (the ingress says https)', async () => {
    const res = await desk(system.gatewayUrl, 'POST', 'sign-in', {
      body: { email: 'ana@bookstore.example', password: PASSWORD },
      headers: {
        ...from(),
        'x-forwarded-proto': 'https',
        origin: system.gatewayUrl.replace('http:', 'https:'),
      },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('set-cookie')).toContain('Secure');
  });

  it('refuses a change that does not come from the desk page (Origin)', async () => {
    const cookie = await signIn(system.gatewayUrl, 'ana@bookstore.example', PASSWORD, from());
    for (const origin of ['https://evil.example', '']) {
      const signInElsewhere = await desk(system.gatewayUrl, 'POST', 'sign-in', {
        body: { email: 'ana@bookstore.example', password: PASSWORD },
        headers: { ...from(), origin },
      });
      expect(signInElsewhere.status).toBe(403);
      const close = await desk(system.gatewayUrl, 'POST', 'requests/SR-123456/close', {
        cookie,
        headers: { origin },
      });
      expect(close.status).toBe(403);
    }
  });

  it('limits failed sign-ins per account, even with the right password after (429 + Retry-After)', async () => {
    await addTestAgent(schema.url, 'bo@bookstore.example', 'Bo', PASSWORD);
    for (let i = 0; i < 3; i++) {
      const res = await desk(system.gatewayUrl, 'POST', 'sign-in', {
        body: { email: 'bo@bookstore.example', password: `guess ${i}` },
        headers: from(),
      });
      expect(res.status).toBe(401);
    }
    const locked = await desk(system.gatewayUrl, 'POST', 'sign-in', {
      body: { email: 'bo@bookstore.example', password: PASSWORD },
      headers: from(),
    });
    expect(locked.status).toBe(429);
    expect(locked.headers.get('retry-after')).toBe('900');
    expect(locked.body).toMatchObject({ statusCode: 429, error: 'Too Many Requests' });
    // Another agent is not locked out by it.
    await signIn(system.gatewayUrl, 'ana@bookstore.example', PASSWORD, from());
  });

  it('limits failed sign-ins per client address across accounts', async () => {
    const headers = from();
    for (let i = 0; i < 5; i++) {
      const res = await desk(system.gatewayUrl, 'POST', 'sign-in', {
        body: { email: `nobody${i}@bookstore.example`, password: 'guess guess' },
        headers,
      });
      expect(res.status).toBe(401);
    }
    const locked = await desk(system.gatewayUrl, 'POST', 'sign-in', {
      body: { email: 'ana@bookstore.example', password: PASSWORD },
      headers,
    });
    expect(locked.status).toBe(429);
    expect(locked.headers.get('retry-after')).toBe('900');
  });
});

describe('the desk: requests', () => {
  it('lists a request from a chat, shows its transcript, mails the reply and closes it', async () => {
    const sid = await chat('How long does shipping take?');
    const id = sid.session_id;
    await chat('Can I talk to a human please', id);
    await chat('Contact the support team', id);
    await chat('sam@example.com', id);
    const done = (await chat('My parcel arrived soaked', id)) as unknown as { response: string };
    const reference = /SR-\d{6}/.exec(done.response)![0];
    // The team's own notice of the request goes out first.
    await eventually(() => smtp.received.some((m) => m.text.includes(reference)));

    const cookie = await signIn(system.gatewayUrl, 'ana@bookstore.example', PASSWORD, from());
    const list = await desk(system.gatewayUrl, 'GET', 'requests', { cookie });
    const items = list.body.items as Array<Record<string, unknown>>;
    expect(items[0]).toMatchObject({
      reference,
      email: 'sam@example.com',
      problem: 'My parcel arrived soaked',
      order_id: null,
      language: 'en',
      status: 'open',
    });
    const one = await desk(system.gatewayUrl, 'GET', `requests/${reference}`, { cookie });
    const transcript = one.body.transcript as Array<{ user: string; source: string }>;
    expect(transcript[0]).toMatchObject({ user: 'How long does shipping take?', source: 'rules' });

    const mails = smtp.received.length;
    const sent = await desk(system.gatewayUrl, 'POST', `requests/${reference}/replies`, {
      cookie,
      body: { body: 'Sorry about that, Sam.\nA new copy ships today.' },
    });
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({ agent: 'Ana Lima' });
    await eventually(() => smtp.received.length > mails);
    const mail = smtp.received.at(-1)!;
    expect(mail.from).toBe('help@chapter-verse.example');
    expect(mail.to).toEqual(['sam@example.com']);
    expect(mail.text).toContain(`Subject: Re: Support request ${reference}`);
    expect(mail.text).toContain('A new copy ships today.');
    expect(mail.text).toContain('-- Ana Lima');
    await eventually(async () => {
      const again = await desk(system.gatewayUrl, 'GET', `requests/${reference}`, { cookie });
      return (again.body.replies as Array<{ delivery: string }>)[0]?.delivery === 'delivered';
    });

    const closed = await desk(system.gatewayUrl, 'POST', `requests/${reference}/close`, { cookie });
    expect(closed.body).toMatchObject({ reference, status: 'closed' });
    const after = await desk(system.gatewayUrl, 'GET', 'requests', { cookie });
    expect(
      (after.body.items as Array<{ reference: string }>).map((r) => r.reference),
    ).not.toContain(reference);
    // The agents' bearer API sees the same state.
    const bearer = await fetch(`${system.gatewayUrl}/api/support/requests?status=closed`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    const closedItems = ((await bearer.json()) as { items: Array<{ reference: string }> }).items;
    expect(closedItems.map((r) => r.reference)).toContain(reference);
  });

  it('refuses an empty reply and an unknown request in the one error shape', async () => {
    const cookie = await signIn(system.gatewayUrl, 'ana@bookstore.example', PASSWORD, from());
    const empty = await desk(system.gatewayUrl, 'POST', 'requests/SR-123456/replies', {
      cookie,
      body: { body: '   ' },
    });
    expect(empty.status).toBe(400);
    const unknown = await desk(system.gatewayUrl, 'POST', 'requests/SR-000001/replies', {
      cookie,
      body: { body: 'hello' },
    });
    expect(unknown.status).toBe(404);
    const bad = await desk(system.gatewayUrl, 'GET', 'requests/nope', { cookie });
    expect(bad.status).toBe(400);
  });
});

describe('the desk: what the bot could not answer, answers marked down', () => {
  it('keeps a fallback question masked, grouped, and nowhere unmasked in the database', async () => {
    const metricsBefore = await (await fetch(`${system.gatewayUrl}/metrics`)).text();
    const question =
      'Do you sell garden furniture? Write to kim.lee@example.net or call +1 415 555 0134';
    await chat(question);
    await chat('do you sell GARDEN furniture', undefined, true);
    const cookie = await signIn(system.gatewayUrl, 'ana@bookstore.example', PASSWORD, from());
    let group: Record<string, unknown> | undefined;
    await eventually(async () => {
      const res = await desk(system.gatewayUrl, 'GET', 'unanswered', { cookie });
      group = (res.body.items as Array<Record<string, unknown>>).find((g) =>
        String(g.question).toLowerCase().includes('garden furniture'),
      );
      return group?.count === 2;
    });
    const first = await db.query<{ question: string; answer: string }>(
      `SELECT question, answer FROM desk_items WHERE question LIKE 'Do you sell garden%'`,
    );
    expect(first.rows[0].question).toBe(
      'Do you sell garden furniture? Write to [email] or call [phone]',
    );
    expect(group).toMatchObject({ languages: ['en'], reasons: ['fallback'] });
    const everything = JSON.stringify((await db.query('SELECT * FROM desk_items')).rows);
    expect(everything).not.toContain('kim.lee');
    expect(everything).not.toContain('555 0134');

    const metrics = await (await fetch(`${system.gatewayUrl}/metrics`)).text();
    const count = (text: string) =>
      Number(/chat_unanswered_total\{language="en"\} (\d+)/.exec(text)?.[1] ?? 0);
    expect(count(metrics) - count(metricsBefore)).toBe(2);

    const done = await desk(system.gatewayUrl, 'POST', 'groups/done', {
      cookie,
      body: { kind: 'unanswered', group_key: group!.group_key },
    });
    expect(done.body).toEqual({ done: 2 });
    const after = await desk(system.gatewayUrl, 'GET', 'unanswered', { cookie });
    expect(
      (after.body.items as Array<{ question: string }>).some((g) =>
        g.question.toLowerCase().includes('garden furniture'),
      ),
    ).toBe(false);
  });

  it('keeps an answer marked down, masked, until the rating is taken back', async () => {
    const answer = (await chat(
      'How long does shipping take? I am at 12 Elm St, 020 7946 0958',
    )) as {
      session_id: string;
      turn: number;
    };
    const rate = (rating: string) =>
      json(`${system.gatewayUrl}/api/chat/feedback`, 'POST', {
        session_id: answer.session_id,
        turn: answer.turn,
        rating,
      });
    expect((await rate('down')).status).toBe(204);
    const cookie = await signIn(system.gatewayUrl, 'ana@bookstore.example', PASSWORD, from());
    const mine = async () =>
      (
        (await desk(system.gatewayUrl, 'GET', 'marked-down', { cookie })).body.items as Array<{
          question: string;
          answer: string;
        }>
      ).find((g) => g.question.startsWith('How long does shipping take?'));
    await eventually(async () => (await mine()) !== undefined);
    expect(await mine()).toMatchObject({
      question: 'How long does shipping take? I am at 12 Elm St, [phone]',
      answer: 'Standard shipping takes 5-7 business days. Express shipping is 2-3 business days.',
    });
    expect((await rate('none')).status).toBe(204);
    await eventually(async () => (await mine()) === undefined);
  });
});
