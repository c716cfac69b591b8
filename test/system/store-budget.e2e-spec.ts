import { json } from '../support/http.js';
import { startSystem, type RunningSystem } from '../support/system.js';

/*
 * The chatbot's own store lookups (the catalog, the help center) are not the shopper's requests:
 * they must not spend the shopper's gateway budget. The lookups the shopper asked for (orders) do.
 */
const TOKEN = 'store-budget-internal-token';
let system: RunningSystem;

beforeAll(async () => {
  system = await startSystem({
    chatbot: { INTERNAL_API_TOKEN: TOKEN },
    // Loopback stands in for the ingress, which names the shopper.
    gateway: { INTERNAL_API_TOKEN: TOKEN, RATE_LIMIT_PER_MINUTE: '10', TRUST_PROXY: 'loopback' },
  });
});
afterAll(() => system.close());

const say = (client: string, message: string, sessionId?: string) =>
  json(
    `${system.gatewayUrl}/api/chat`,
    'POST',
    { message, ...(sessionId ? { session_id: sessionId } : {}) },
    { 'x-forwarded-for': client },
  );

describe("the shopper's gateway budget", () => {
  it("is not spent by the chatbot's catalog load, and still holds for the shopper", async () => {
    // The first question about books loads the whole catalog (a call per category).
    const picks = await say('203.0.113.31', 'Recommend a mystery');
    expect(picks.status).toBe(200);
    expect(picks.body.response).toMatch(/^Here are some picks from Mystery/);
    const id = picks.body.session_id as string;
    const help = await say('203.0.113.31', 'How long does shipping take?', id);
    expect(help.status).toBe(200);
    // Two of ten used: eight more go through, the eleventh is refused.
    const statuses: number[] = [];
    for (let i = 0; i < 9; i++) statuses.push((await say('203.0.113.31', 'hi', id)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 429]);
  });

  it('counts the order lookups the shopper asks for', async () => {
    const statuses: number[] = [];
    // Each order question is two requests of the shopper's: the chat and the order's status.
    for (let i = 0; i < 6; i++) {
      const r = await say('203.0.113.32', 'Where is order 123456?');
      statuses.push(r.status);
      if (i < 5) expect(r.body.response).toMatch(/^Your order #123456 is shipped\./);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
  });
});
