import { closedPort } from '../support/http-server.js';
import { startGateway, type RunningApp } from '../support/system.js';

// The apps' own health alerts (deploy/components/monitoring/alerts.yaml) read this counter.
let gateway: RunningApp;

beforeAll(async () => {
  gateway = await startGateway({ CHAT_SERVICE_URL: `http://127.0.0.1:${await closedPort()}` });
});
afterAll(async () => {
  await gateway.app.close();
});

async function responses(code: string): Promise<number> {
  const text = await (await fetch(`${gateway.url}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(`http_responses_total{code="${code}"}`));
  return line ? Number(line.split(' ')[1]) : 0;
}

describe('http_responses_total', () => {
  it('counts every answer by its status class, 5xx included', async () => {
    const before = { ok: await responses('2xx'), missing: await responses('4xx') };
    expect((await fetch(`${gateway.url}/api/categories`)).status).toBe(200);
    expect((await fetch(`${gateway.url}/no-such-page`)).status).toBe(404);
    // The chatbot is not there: the gateway answers 503.
    const chat = await fetch(`${gateway.url}/api/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ message: 'hello' }),
    });
    expect(chat.status).toBe(503);

    expect(await responses('2xx')).toBeGreaterThanOrEqual(before.ok + 1);
    expect(await responses('4xx')).toBe(before.missing + 1);
    expect(await responses('5xx')).toBe(1);
  });
});
