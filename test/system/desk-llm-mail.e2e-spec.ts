import { addTestAgent, desk, eventually, signIn } from '../support/desk.js';
import { startFakeOpenAi, type FakeOpenAi } from '../support/fake-openai.js';
import { closedPort } from '../support/http-server.js';
import { json } from '../support/http.js';
import { createSchema } from '../support/postgres.js';
import { readEvents } from '../support/sse.js';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp.js';
import { startSystem, type RunningSystem } from '../support/system.js';

/*
 * The desk with an LLM behind the bot: its failures are kept as unanswered (a JSON answer with
 * the failure text, a stream the model broke off), its answers are marked in the transcript; and
 * a reply mailed while the SMTP server is down is retried until it is delivered.
 */

const PASSWORD = 'correct horse battery';

let fake: FakeOpenAi;
let system: RunningSystem;
let schema: { url: string; drop(): Promise<void> };
let smtpPort: number;
let smtp: TestSmtpServer | undefined;
let cookie: string;

beforeAll(async () => {
  fake = await startFakeOpenAi({ reply: 'Yes, we gift-wrap any order for free.' });
  schema = await createSchema();
  // The mail server is down at first: its port is closed.
  smtpPort = await closedPort();
  system = await startSystem({
    chatbot: { LLM_BACKEND: 'ollama', OLLAMA_URL: fake.url, LLM_CIRCUIT_FAILURES: '100' },
    gateway: {
      DATABASE_URL: schema.url,
      DATABASE_POOL_SIZE: '3',
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      SUPPORT_EMAIL: 'help@chapter-verse.example',
      SUPPORT_RETRY_INTERVAL_MS: '200',
      SUPPORT_DELIVERY_TIMEOUT_MS: '2000',
    },
  });
  await addTestAgent(schema.url, 'ana@bookstore.example', 'Ana Lima', PASSWORD);
  cookie = await signIn(system.gatewayUrl, 'ana@bookstore.example', PASSWORD);
}, 120_000);

afterAll(async () => {
  await system?.close();
  await schema?.drop();
  await smtp?.close();
  await fake?.close();
});

async function unanswered(): Promise<Array<Record<string, unknown>>> {
  return (await desk(system.gatewayUrl, 'GET', 'unanswered', { cookie })).body.items as Array<
    Record<string, unknown>
  >;
}

describe('the desk with an LLM', () => {
  beforeEach(() => fake.reset());

  it('keeps a turn the LLM failed (JSON) and one it broke off mid-stream as unanswered', async () => {
    fake.set({ status: 500 });
    const failed = await json(`${system.gatewayUrl}/api/chat`, 'POST', {
      message: 'Is your shop in Leeds dog friendly? Ref 123456789',
    });
    fake.reset();
    expect(failed.body).toMatchObject({ source: 'fallback' });
    fake.set({
      reply: 'The warehouse is open to visitors on',
      streamError: { afterChunks: 2, form: 'openai' },
    });
    const { events } = await readEvents(`${system.gatewayUrl}/api/chat/stream`, {
      message: 'Can I visit the warehouse on Sundays?',
    });
    expect(events.at(-1)?.event).toBe('error');
    fake.reset();

    await eventually(async () => (await unanswered()).length === 2);
    const groups = await unanswered();
    expect(groups.map((g) => [g.question, g.reasons])).toEqual([
      ['Can I visit the warehouse on Sundays?', ['llm_failure']],
      ['Is your shop in Leeds dog friendly? Ref [phone]', ['llm_failure']],
    ]);
  });

  it('does not keep an answer the LLM gave, and marks it as the LLM’s in the transcript', async () => {
    fake.set({ reply: 'Yes, we gift-wrap any order for free.' });
    const asked = await json(`${system.gatewayUrl}/api/chat`, 'POST', {
      message: 'Do you offer gift wrapping?',
    });
    expect(asked.body).toMatchObject({ source: 'llm' });
    const sid = asked.body.session_id as string;
    const created = await json(`${system.gatewayUrl}/api/support/requests`, 'POST', {
      session_id: sid,
      email: 'lee@example.com',
      problem: 'Gift wrap for order',
    });
    expect(created.status).toBe(201);
    const reference = created.body.reference as string;
    const one = await desk(system.gatewayUrl, 'GET', `requests/${reference}`, { cookie });
    expect(one.body.transcript).toEqual([
      expect.objectContaining({ user: 'Do you offer gift wrapping?', source: 'llm' }),
    ]);
    expect((await unanswered()).some((g) => String(g.question).includes('gift wrapping'))).toBe(
      false,
    );
  });
});

describe('a reply while the mail server is down', () => {
  it('stays pending, is retried, and reaches the shopper once the server is back', async () => {
    const created = await json(`${system.gatewayUrl}/api/support/requests`, 'POST', {
      session_id: 'mail-retry-session',
      email: 'kim@example.com',
      problem: 'Wrong book',
    });
    const reference = created.body.reference as string;
    const sent = await desk(system.gatewayUrl, 'POST', `requests/${reference}/replies`, {
      cookie,
      body: { body: 'The right book is on its way.' },
    });
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({ delivery: 'pending' });
    // Tried and failed at least once: still pending, nothing lost.
    await new Promise((r) => setTimeout(r, 1_000));
    const waiting = await desk(system.gatewayUrl, 'GET', `requests/${reference}`, { cookie });
    expect(waiting.body.replies).toEqual([
      expect.objectContaining({ body: 'The right book is on its way.', delivery: 'pending' }),
    ]);

    smtp = await startSmtpServer(smtpPort);
    await eventually(() => smtp!.received.some((m) => m.to.includes('kim@example.com')), 30_000);
    const mail = smtp.received.find((m) => m.to.includes('kim@example.com'))!;
    expect(mail.text).toContain('The right book is on its way.');
    await eventually(async () => {
      const after = await desk(system.gatewayUrl, 'GET', `requests/${reference}`, { cookie });
      return (after.body.replies as Array<{ delivery: string }>)[0].delivery === 'delivered';
    });
    // Sent once, not once per retry.
    expect(smtp.received.filter((m) => m.to.includes('kim@example.com'))).toHaveLength(1);
  }, 60_000);
});
