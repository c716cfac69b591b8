import type { INestApplication } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Test } from '@nestjs/testing';
import { validateEnv } from '@bookstore/config';
import request from 'supertest';
import { ChatbotModule } from '../src/chatbot.module.js';
import { setupChatbot } from '../src/chatbot.setup.js';
import { ChatbotEnv } from '../src/config/chatbot.env.js';
import { demoFact, demoText } from '../../../test/support/content.js';
import { closedPort } from '../../../test/support/http-server.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

let app: INestApplication;

beforeAll(async () => {
  // No store answers here: the bot must still answer, recommendations with the canned text.
  const config = validateEnv(ChatbotEnv)({
    NODE_ENV: 'test',
    LLM_BACKEND: 'none',
    RATE_LIMIT_PER_MINUTE: '0',
    LOG_LEVEL: 'silent',
    BOOKSTORE_API_URL: `http://127.0.0.1:${await closedPort()}`,
  });
  const moduleRef = await Test.createTestingModule({ imports: [ChatbotModule] })
    .overrideProvider(ConfigService)
    .useValue(new ConfigService(config))
    .compile();
  app = moduleRef.createNestApplication({ bodyParser: false, logger: false });
  setupChatbot(app);
  await app.init();
});

afterAll(() => app.close());

const STARTERS = ['Track my order', 'Shipping', 'Returns', 'Recommend a book'];

describe('POST /chat', () => {
  it.each([
    ['Hi', 'greeting'],
    ['Hello', 'greeting'],
    ['Where is my order?', 'order_status'],
    ['Track order', 'order_status'],
    ['How long does shipping take?', 'shipping'],
    ['Shipping time', 'shipping'],
    ['Return policy', 'returns'],
    ['Refund', 'returns'],
    ['Payment methods', 'payment'],
    ['What payment methods do you accept?', 'payment'],
    ['Credit card', 'payment'],
    ['Book recommendation', 'recommendation'],
    ['What should I read', 'recommendation'],
    ['Bestsellers', 'recommendation'],
  ] as const)('answers %j with the %s text from the rules', async (message, intent) => {
    const res = await request(app.getHttpServer()).post('/chat').send({ message }).expect(200);
    expect(res.body).toEqual({
      // Shipping, returns, payment: the store's fact; the rest the rules' own sentence.
      response:
        intent === 'shipping' || intent === 'returns' || intent === 'payment'
          ? demoFact(intent)
          : demoText('en', intent),
      session_id: expect.stringMatching(UUID),
      intent,
      source: 'rules',
      language: 'en',
      turn: 1,
      // A greeting offers quick replies; the other canned answers are text alone.
      ...(intent === 'greeting' ? { suggestions: STARTERS } : {}),
    });
  });

  it('gives the fallback text for what no rule knows', async () => {
    const res = await request(app.getHttpServer())
      .post('/chat')
      .send({ message: 'Can you tell me the capital of Mongolia?', session_id: 'session_12345' })
      .expect(200);
    expect(res.body).toEqual({
      response: "I'm not sure about that. Please contact support@bookstore.com for assistance.",
      session_id: 'session_12345',
      intent: 'fallback',
      source: 'fallback',
      language: 'en',
      turn: 1,
      suggestions: STARTERS,
      links: [{ label: 'Email the support team', url: 'mailto:support@bookstore.com' }],
    });
  });

  it('keeps a given session id and makes a new one when it is missing', async () => {
    const server = app.getHttpServer();
    const a = await request(server).post('/chat').send({ message: 'hi' });
    const b = await request(server).post('/chat').send({ message: 'hi' });
    expect(a.body.session_id).not.toBe(b.body.session_id);
    const c = await request(server)
      .post('/chat')
      .send({ message: 'hi', session_id: a.body.session_id });
    expect(c.body.session_id).toBe(a.body.session_id);
  });

  it.each([
    ['not JSON', '{"message": "hi"', 400, /not valid JSON/],
    ['an empty message', { message: '' }, 400, /message must be between 1 and 2000/],
    ['a blank message', { message: ' \n\t ' }, 400, /message must be between 1 and 2000/],
    ['a number', { message: 7 }, 400, /message must be a string/],
    ['an array', { message: ['hi'] }, 400, /message must be a string/],
    ['null', { message: null }, 400, /message must be a string/],
    ['no message', { session_id: 'abcdefgh' }, 400, /message must be a string/],
    ['an oversized message', { message: 'é'.repeat(2001) }, 400, /2000/],
    ['an extra field', { message: 'hi', role: 'system' }, 400, /role is not an accepted field/],
    ['a short session id', { message: 'hi', session_id: 'abc' }, 400, /session_id must be 8 to 64/],
    [
      'a session id with symbols',
      { message: 'hi', session_id: '../../etc/pass' },
      400,
      /session_id/,
    ],
    [
      'a numeric session id',
      { message: 'hi', session_id: 12345678 },
      400,
      /session_id must be a string/,
    ],
    ['a JSON array body', [{ message: 'hi' }], 400, /./],
    ['a JSON string body', '"hi"', 400, /not valid JSON/],
    ['a body over the limit', { message: 'x'.repeat(40_000) }, 413, /larger than the 16kb limit/],
  ])('rejects %s in the one error shape', async (_name, body, status, message) => {
    const res = await request(app.getHttpServer())
      .post('/chat')
      .set('content-type', 'application/json')
      .send(typeof body === 'string' ? body : JSON.stringify(body));
    expect(res.status).toBe(status);
    expect(Object.keys(res.body).sort()).toEqual(['error', 'message', 'statusCode']);
    expect(res.body.statusCode).toBe(status);
    expect(res.body.message).toMatch(message);
  });

  it('answers an unknown route with 404 in the error shape', async () => {
    const res = await request(app.getHttpServer()).get('/nope').expect(404);
    expect(Object.keys(res.body).sort()).toEqual(['error', 'message', 'statusCode']);
  });
});

describe('operations endpoints', () => {
  it('serves liveness and readiness', async () => {
    await request(app.getHttpServer()).get('/health').expect(200, { status: 'ok' });
    const ready = await request(app.getHttpServer()).get('/health/ready').expect(200);
    expect(ready.body.status).toBe('ok');
  });

  it('counts chat turns by intent and source, and times them', async () => {
    await request(app.getHttpServer())
      .post('/chat')
      .send({ message: 'payment methods' })
      .expect(200);
    const res = await request(app.getHttpServer()).get('/metrics').expect(200);
    expect(res.text).toMatch(/chat_requests_total\{intent="payment",source="rules"\} [1-9]/);
    expect(res.text).toMatch(
      /chat_response_seconds_bucket\{le="0.001",intent="payment",source="rules"\} [1-9]/,
    );
    expect(res.text).toContain('process_cpu_seconds_total');
  });

  it('documents the API with Swagger', async () => {
    const doc = await request(app.getHttpServer()).get('/docs-json').expect(200);
    expect(doc.body.paths['/chat'].post).toBeDefined();
    expect(doc.body.components.schemas.ChatRequest.required).toEqual(['message']);
    await request(app.getHttpServer()).get('/docs').expect(200).expect('content-type', /html/);
  });
});
