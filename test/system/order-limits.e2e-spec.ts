import { json } from '../support/http.js';
import { startGateway, startSystem, type RunningApp } from '../support/system.js';

const TOKEN = 'test-internal-token-0123456789';

async function verify(url: string, email: string, sessionId?: string, client?: string) {
  return json(
    `${url}/api/orders/123456/verify`,
    'POST',
    { email, ...(sessionId ? { session_id: sessionId } : {}) },
    client ? { 'x-forwarded-for': client } : {},
  );
}

describe('order verification limits at the store API', () => {
  let gw: RunningApp;
  beforeAll(async () => {
    gw = await startGateway({
      ORDER_VERIFY_MAX_ATTEMPTS: '5',
      ORDER_VERIFY_MAX_ATTEMPTS_PER_CLIENT: '8',
      TRUST_PROXY: 'loopback',
      // Enough connections for the checks to really run side by side, as on a busy store.
      DATABASE_POOL_SIZE: '20',
    });
  });
  afterAll(() => gw.app.close());

  it('checks exactly the limit when 40 verifications of one conversation race', async () => {
    const replies = await Promise.all(
      Array.from({ length: 40 }, () =>
        verify(gw.url, 'wrong@example.com', 'race-session-0001', '198.51.100.40'),
      ),
    );
    const statuses = replies.map((r) => r.status);
    expect(statuses.filter((s) => s === 404)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(35);
  });

  it('checks exactly the per-address limit when 40 conversations behind one address race', async () => {
    const replies = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        verify(
          gw.url,
          'wrong@example.com',
          `race-many-${String(i).padStart(4, '0')}`,
          '198.51.100.41',
        ),
      ),
    );
    expect(replies.filter((r) => r.status === 404)).toHaveLength(8);
  });

  it('counts failed checks only: successful ones never lock a household out', async () => {
    const client = '198.51.100.42';
    for (let i = 0; i < 12; i++) {
      const ok = await verify(gw.url, 'jane.doe@example.com', 'household-0001', client);
      expect(ok.status, `check ${i + 1}`).toBe(200);
    }
    const wrong = await verify(gw.url, 'not-jane@example.com', 'household-0002', client);
    expect(wrong.status).toBe(404);
  });

  it('counts an IPv6 shopper by the /64, however many addresses it uses', async () => {
    const statuses: number[] = [];
    for (let i = 1; i <= 10; i++) {
      const r = await verify(
        gw.url,
        'wrong@example.com',
        `v6-rotate-${1000 + i}`,
        `2001:db8:42:7::${i.toString(16)}`,
      );
      statuses.push(r.status);
    }
    expect(statuses.filter((s) => s === 404)).toHaveLength(8);
    expect(statuses.slice(8)).toEqual([429, 429]);
  });
});

describe('the chatbot asks the store for each shopper, as an authenticated internal caller', () => {
  const orderTurn = (system: { gatewayUrl: string }, client: string) =>
    json(
      `${system.gatewayUrl}/api/chat`,
      'POST',
      { message: 'Where is order 123456?' },
      {
        'x-forwarded-for': client,
      },
    );

  it("keeps another shopper's order lookups working while one shopper floods them", async () => {
    const system = await startSystem({
      chatbot: { INTERNAL_API_TOKEN: TOKEN },
      // Loopback stands in for the ingress, which names the shopper.
      gateway: { INTERNAL_API_TOKEN: TOKEN, RATE_LIMIT_PER_MINUTE: '10', TRUST_PROXY: 'loopback' },
    });
    try {
      const flood: number[] = [];
      for (let i = 0; i < 62; i++) flood.push((await orderTurn(system, '203.0.113.66')).status);
      expect(flood).toContain(429);
      const other = await orderTurn(system, '203.0.113.67');
      expect(other.status).toBe(200);
      expect(other.body.response).toMatch(/^Your order #123456 is shipped\./);
    } finally {
      await system.close();
    }
  });

  it('believes a named shopper address only from a caller with the token', async () => {
    const gateway = await startGateway({ INTERNAL_API_TOKEN: TOKEN, RATE_LIMIT_PER_MINUTE: '3' });
    try {
      const statuses: number[] = [];
      for (let i = 1; i <= 4; i++) {
        const r = await json(`${gateway.url}/api/orders/123456/status`, 'GET', undefined, {
          'x-shopper-address': `192.0.2.${i}`,
          ...(i % 2 ? { 'x-internal-token': 'not-the-token-at-all-xx' } : {}),
        });
        statuses.push(r.status);
      }
      expect(statuses).toEqual([200, 200, 200, 429]);
      const named = await json(`${gateway.url}/api/orders/123456/status`, 'GET', undefined, {
        'x-shopper-address': '192.0.2.99',
        'x-internal-token': TOKEN,
      });
      expect(named.status).toBe(200);
    } finally {
      await gateway.app.close();
    }
  });
});
