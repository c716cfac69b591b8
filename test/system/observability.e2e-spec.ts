import { startFakeOpenAi, type FakeOpenAi } from '../support/fake-openai.js';
import { copyJsonLogLines } from '../support/log-lines.js';
import { startSystem, type RunningSystem } from '../support/system.js';

interface LogLine {
  level: number;
  req?: { id?: string; method?: string; path?: string };
  msg?: string;
  [key: string]: unknown;
}

let fake: FakeOpenAi;
let system: RunningSystem;
const lines: string[] = [];
let restore: () => void;

beforeAll(async () => {
  fake = await startFakeOpenAi({ reply: 'We gift-wrap for free.' });
  // The apps log JSON to stdout: keep a copy of every line while they run.
  restore = copyJsonLogLines(lines);
  system = await startSystem({
    chatbot: { LOG_LEVEL: 'info', LLM_BACKEND: 'ollama', OLLAMA_URL: fake.url },
    gateway: { LOG_LEVEL: 'info' },
  });
});
afterAll(async () => {
  await system.close();
  restore();
  await fake.close();
});

async function chat(message: string, requestId?: string) {
  const res = await fetch(`${system.gatewayUrl}/api/chat`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(requestId ? { 'x-request-id': requestId } : {}),
    },
    body: JSON.stringify({ message }),
  });
  await res.json();
  return res;
}

function logs(): LogLine[] {
  return lines.map((l) => JSON.parse(l) as LogLine);
}

describe('structured logs and request ids', () => {
  it('carries the request id to the chatbot, the store API and the LLM, and logs it', async () => {
    const order = await chat('Where is order 123456?', 'trace-order-1');
    expect(order.headers.get('x-request-id')).toBe('trace-order-1');
    const llm = await chat('Do you offer gift wrapping?', 'trace-llm-1');
    expect(llm.headers.get('x-request-id')).toBe('trace-llm-1');
    expect(fake.requests.at(-1)?.headers['x-request-id']).toBe('trace-llm-1');

    await expect
      .poll(() => logs().filter((l) => l.req?.id === 'trace-order-1').length)
      .toBeGreaterThanOrEqual(3);
    const traced = logs().filter((l) => l.req?.id === 'trace-order-1');
    const paths = traced.map((l) => `${l.req?.method} ${l.req?.path}`);
    expect(paths).toEqual(
      expect.arrayContaining(['POST /api/chat', 'POST /chat', 'GET /api/orders/123456/status']),
    );
  });

  it('makes a request id when none is given', async () => {
    const res = await chat('Hello');
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('never logs what the shopper typed, emails or card numbers', async () => {
    await chat(
      'My card 4111 1111 1111 1111 was charged twice, mail me at jane.doe@example.com',
      'trace-pii',
    );
    await chat('recommend a mystery about the Zanzibar affair', 'trace-pii-2');
    await expect
      .poll(() => logs().filter((l) => l.req?.id === 'trace-pii').length)
      .toBeGreaterThanOrEqual(2);
    const all = lines.join('\n');
    expect(all).not.toContain('4111');
    expect(all).not.toContain('jane.doe');
    expect(all).not.toContain('Zanzibar');
    expect(all).not.toContain('charged twice');
  });

  it('keeps probes and scrapes out of the request log', async () => {
    await fetch(`${system.gatewayUrl}/health`, { headers: { 'x-request-id': 'trace-probe' } });
    await fetch(`${system.gatewayUrl}/metrics`, { headers: { 'x-request-id': 'trace-probe' } });
    await chat('Hello', 'trace-after-probe');
    await expect.poll(() => logs().some((l) => l.req?.id === 'trace-after-probe')).toBe(true);
    expect(logs().some((l) => l.req?.id === 'trace-probe')).toBe(false);
  });
});
