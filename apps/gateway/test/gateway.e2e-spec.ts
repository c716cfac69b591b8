import type { INestApplication } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Test } from '@nestjs/testing';
import { validateEnv } from '@bookstore/config';
import request from 'supertest';
import {
  closedPort,
  sendJson,
  startServer,
  type TestServer,
} from '../../../test/support/http-server.js';
import { GatewayEnv } from '../src/config/gateway.env.js';
import { GatewayModule } from '../src/gateway.module.js';
import { setupGateway } from '../src/gateway.setup.js';

type Mode = 'ok' | 'rate-limited' | 'crash' | 'garbage' | 'slow';

let mode: Mode = 'ok';
let received: unknown[] = [];
let fake: TestServer;

async function gateway(env: Record<string, string>): Promise<INestApplication> {
  const config = new ConfigService(
    validateEnv(GatewayEnv)({
      NODE_ENV: 'test',
      RATE_LIMIT_PER_MINUTE: '0',
      LOG_LEVEL: 'silent',
      ...env,
    }),
  );
  const moduleRef = await Test.createTestingModule({ imports: [GatewayModule] })
    .overrideProvider(ConfigService)
    .useValue(config)
    .compile();
  const app = moduleRef.createNestApplication({ bodyParser: false, logger: false });
  setupGateway(app);
  await app.init();
  return app;
}

beforeAll(async () => {
  fake = await startServer(async (req, body, res) => {
    if (req.url === '/health') return sendJson(res, 200, { status: 'ok' });
    received.push(JSON.parse(body));
    switch (mode) {
      case 'ok':
        return sendJson(res, 200, {
          response: "Hello! I'm here to help. What can I assist you with today?",
          session_id: 'abcdefgh1234',
          intent: 'greeting',
          source: 'rules',
        });
      case 'rate-limited':
        return sendJson(res, 429, {
          statusCode: 429,
          error: 'Too Many Requests',
          message: 'Slow down.',
        });
      case 'crash':
        return sendJson(res, 500, {
          statusCode: 500,
          error: 'Internal Server Error',
          message: 'boom',
        });
      case 'garbage':
        res.writeHead(200, { 'content-type': 'text/html' });
        return void res.end('<html>oops</html>');
      case 'slow':
        await new Promise((r) => setTimeout(r, 1_000));
        return sendJson(res, 200, {});
    }
  });
});

afterAll(() => fake.close());

describe('gateway /api/chat proxy', () => {
  let app: INestApplication;

  beforeAll(async () => {
    app = await gateway({ CHAT_SERVICE_URL: fake.url, CHAT_SERVICE_TIMEOUT_MS: '300' });
  });
  afterAll(() => app.close());
  beforeEach(() => {
    mode = 'ok';
    received = [];
  });

  it('forwards the validated body and relays the answer', async () => {
    const res = await request(app.getHttpServer())
      .post('/api/chat')
      .send({ message: '  Hello  ', session_id: 'abcdefgh1234' })
      .expect(200);
    expect(res.body).toMatchObject({
      intent: 'greeting',
      source: 'rules',
      session_id: 'abcdefgh1234',
    });
    expect(received).toEqual([{ message: 'Hello', session_id: 'abcdefgh1234' }]);
  });

  it('relays a 4xx from the chatbot unchanged', async () => {
    mode = 'rate-limited';
    const res = await request(app.getHttpServer()).post('/api/chat').send({ message: 'hi' });
    expect(res.status).toBe(429);
    expect(res.body).toEqual({
      statusCode: 429,
      error: 'Too Many Requests',
      message: 'Slow down.',
    });
  });

  it.each([
    ['crash', 502],
    ['garbage', 502],
    ['slow', 504],
  ] as const)('maps a chatbot that answers %s to %i in the error shape', async (m, status) => {
    mode = m;
    const res = await request(app.getHttpServer()).post('/api/chat').send({ message: 'hi' });
    expect(res.status).toBe(status);
    expect(res.body).toEqual({
      statusCode: status,
      error: expect.any(String),
      message: expect.any(String),
    });
    expect(res.body.message).toMatch(/chat service/);
  });

  it('rejects bad input before it reaches the chatbot', async () => {
    const server = app.getHttpServer();
    const cases: Array<[string | object, number]> = [
      ['{"message":', 400],
      [{ message: '' }, 400],
      [{ message: '   ' }, 400],
      [{ message: 42 }, 400],
      [{ message: 'hi', admin: true }, 400],
      [{ message: 'hi', session_id: 'bad id!' }, 400],
      [{ message: 'x'.repeat(2001) }, 400],
      [{ message: 'x'.repeat(20_000) }, 413],
    ];
    for (const [body, status] of cases) {
      const res = await request(server)
        .post('/api/chat')
        .set('content-type', 'application/json')
        .send(typeof body === 'string' ? body : JSON.stringify(body));
      expect(res.status, JSON.stringify(body).slice(0, 60)).toBe(status);
      expect(Object.keys(res.body).sort()).toEqual(['error', 'message', 'statusCode']);
    }
    expect(received).toEqual([]);
  });

  it('exposes liveness, readiness, metrics and docs', async () => {
    const server = app.getHttpServer();
    await request(server).get('/health').expect(200, { status: 'ok' });
    const ready = await request(server).get('/health/ready').expect(200);
    expect(ready.body.info.chatbot.status).toBe('up');
    await request(server).post('/api/chat').send({ message: 'hi' }).expect(200);
    const metrics = await request(server).get('/metrics').expect(200);
    expect(metrics.text).toMatch(
      /gateway_upstream_requests_total\{route="\/chat",outcome="ok"\} \d+/,
    );
    expect(metrics.text).toContain('process_resident_memory_bytes');
    const docs = await request(server).get('/docs-json').expect(200);
    expect(Object.keys(docs.body.paths)).toEqual(expect.arrayContaining(['/api/chat', '/health']));
    await request(server).get('/docs').expect(200).expect('content-type', /html/);
  });
});

describe('gateway with the chatbot down', () => {
  let app: INestApplication;

  beforeAll(async () => {
    app = await gateway({ CHAT_SERVICE_URL: `http://127.0.0.1:${await closedPort()}` });
  });
  afterAll(() => app.close());

  it('answers 503 in the error shape, stays alive and reports not ready', async () => {
    const server = app.getHttpServer();
    const res = await request(server).post('/api/chat').send({ message: 'hi' }).expect(503);
    expect(res.body).toEqual({
      statusCode: 503,
      error: 'Service Unavailable',
      message: 'The chat service is unavailable right now. Please try again in a moment.',
    });
    await request(server).get('/health').expect(200);
    const ready = await request(server).get('/health/ready').expect(503);
    expect(ready.body.details.chatbot.status).toBe('down');
    expect(ready.body.message).toMatch(/^Not ready: chatbot is down/);
  });
});
