import { type PlanIntent } from '@bookstore/intents';
import { CANNED_RESPONSES } from '../support/content.js';
import { startSystem, type RunningSystem } from '../support/system.js';

let system: RunningSystem;

beforeAll(async () => {
  system = await startSystem();
});
afterAll(() => system.close());

async function chat(body: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${system.gatewayUrl}/api/chat`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

// The original plan's example phrases, each through the gateway and the chatbot over real HTTP.
const PLAN_EXAMPLES: Array<[PlanIntent, string[]]> = [
  ['greeting', ['Hi', 'Hello', 'Hey']],
  ['order_status', ['Where is my order?', 'Track order', 'Order status']],
  ['shipping', ['How long does shipping take?', 'Shipping time', 'Delivery']],
  ['returns', ['Return policy', 'How to return', 'Refund']],
  ['payment', ['Payment methods', 'How to pay', 'Credit card']],
];

describe('chat through the gateway', () => {
  it.each(PLAN_EXAMPLES)(
    'answers every %s example with its exact canned text',
    async (intent, phrases) => {
      for (const message of phrases) {
        const res = await chat({ message });
        expect(res.status, message).toBe(200);
        expect(res.body, message).toMatchObject({
          response: CANNED_RESPONSES[intent],
          intent,
          source: 'rules',
        });
      }
    },
  );

  it('answers the recommendation examples with bestsellers from the catalog', async () => {
    for (const message of ['Book recommendation', 'What should I read', 'Bestsellers']) {
      const res = await chat({ message });
      expect(res.body, message).toMatchObject({ intent: 'recommendation', source: 'rules' });
      expect(res.body.response, message).toMatch(/^Here are some of our bestsellers:\n• /);
    }
  });

  it('gives the fallback for an unknown question and carries the session through', async () => {
    const first = await chat({ message: 'Hello' });
    const sessionId = first.body.session_id as string;
    const res = await chat({ message: 'Do you sell garden furniture?', session_id: sessionId });
    expect(res.body).toEqual({
      response: CANNED_RESPONSES.fallback,
      session_id: sessionId,
      intent: 'fallback',
      source: 'fallback',
      language: 'en',
      turn: 2,
      suggestions: ['Track my order', 'Shipping', 'Returns', 'Recommend a book'],
      links: [{ label: 'Email the support team', url: 'mailto:support@bookstore.com' }],
    });
  });

  it('turns bad input into a 400 at the edge', async () => {
    const res = await chat({ message: '', extra: 1 });
    expect(res.status).toBe(400);
    expect(res.body.statusCode).toBe(400);
  });

  it('serves the store page and the embeddable widget', async () => {
    const page = await fetch(`${system.gatewayUrl}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<script src="/widget.js" defer></script>');
    const widget = await fetch(`${system.gatewayUrl}/widget.js`);
    expect(widget.status).toBe(200);
    expect(widget.headers.get('content-type')).toMatch(/javascript/);
    const css = await fetch(`${system.gatewayUrl}/widget.css`);
    expect(css.headers.get('content-type')).toMatch(/css/);
  });

  it('reports the gateway ready while the chatbot answers', async () => {
    const res = await fetch(`${system.gatewayUrl}/health/ready`);
    expect(res.status).toBe(200);
  });
});
