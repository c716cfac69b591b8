import { json } from '../support/http.js';
import { startSystem, type RunningSystem } from '../support/system.js';

interface Book {
  title: string;
  author: string;
  category: string;
  price: number;
  bestseller: boolean;
}

let system: RunningSystem;
const catalog: Book[] = [];

beforeAll(async () => {
  system = await startSystem({ gateway: { ORDER_VERIFY_MAX_ATTEMPTS: '3' } });
  // The whole catalog, read through the store API, to check that every named book exists.
  const categories = await json(`${system.gatewayUrl}/api/categories`);
  for (const c of categories.body.items as Array<{ slug: string }>) {
    const page = await json(`${system.gatewayUrl}/api/products?category=${c.slug}&limit=50`);
    catalog.push(...(page.body.items as Book[]));
  }
});

function bookNamed(line: string): Book | undefined {
  return catalog.find((b) => line === `• ${b.title} by ${b.author} ($${b.price.toFixed(2)})`);
}
afterAll(() => system.close());

let shopper = 0;
beforeEach(() => {
  shopper++;
});

// Each test is another shopper: the gateway trusts loopback to report the client address.
async function say(message: string, sessionId?: string) {
  const res = await json(
    `${system.gatewayUrl}/api/chat`,
    'POST',
    { message, ...(sessionId ? { session_id: sessionId } : {}) },
    { 'x-forwarded-for': `203.0.113.${shopper}` },
  );
  expect(res.status, message).toBe(200);
  return res.body as { response: string; session_id: string; intent: string; source: string };
}

describe('order lookup through the gateway', () => {
  it('answers an order number given in one message', async () => {
    for (const message of ['Where is order #123456?', 'status of 123456 please', 'order 123456']) {
      const res = await say(message);
      expect(res).toMatchObject({ intent: 'order_status', source: 'rules' });
      expect(res.response).toMatch(/^Your order #123456 is shipped\./);
    }
    expect((await say('#345678')).response).toMatch(/^Your order #345678 is being prepared\./);
  });

  it('takes "Where is my order?" then the number as one request', async () => {
    const first = await say('Where is my order?');
    const second = await say('234567', first.session_id);
    expect(second.response).toMatch(/^Your order #234567 is delivered\./);
    const history = await json(
      `${system.gatewayUrl}/api/chat/history?session_id=${first.session_id}`,
    );
    expect((history.body.turns as unknown[]).length).toBe(2);
  });

  it('says so for an order that does not exist', async () => {
    const res = await say('Where is order 999999?');
    expect(res.response).toMatch(/couldn't find order #999999/);
  });

  it('gives tracking details for the right email only, and never to the wrong one', async () => {
    const first = await say('Where is my order 456789?');
    const ask = await say('Can I have the tracking number?', first.session_id);
    expect(ask.response).toMatch(/What email address did you order with\?/);
    const wrong = await say('it is jane.doe@example.com', first.session_id);
    expect(wrong.response).toBe(
      "That email address doesn't match order #456789. Please check it and try again.",
    );
    expect(wrong.response).not.toMatch(/FedEx|tracking number \d/);
    const right = await say('maria.garcia@example.com', first.session_id);
    expect(right.response).toMatch(
      /^Order #456789 is on its way\. Carrier: FedEx, tracking number \d{12}\./,
    );
    expect(right.response).toMatch(/Estimated delivery: 2026-\d\d-\d\d\./);
  });

  it('limits email attempts per conversation', async () => {
    const first = await say('tracking details for order 123456');
    expect(first.response).toMatch(/What email address/);
    const answers: string[] = [];
    for (const email of [
      'a@example.com',
      'b@example.com',
      'c@example.com',
      'jane.doe@example.com',
    ]) {
      answers.push((await say(email, first.session_id)).response);
    }
    expect(answers.slice(0, 3).every((a) => a.includes("doesn't match"))).toBe(true);
    expect(answers[3]).toMatch(/can't check more email addresses/);
  });
});

describe('recommendations from the catalog', () => {
  it.each([
    ['recommend a mystery', 'mystery'],
    ['any good sci-fi?', 'science-fiction'],
    ['can you suggest a fantasy book', 'fantasy'],
  ])('%j names up to three books from the %s shelf', async (message, slug) => {
    const res = await say(message);
    expect(res.intent).toBe('recommendation');
    const titles = res.response.split('\n').slice(1);
    expect(titles.length).toBeGreaterThan(0);
    expect(titles.length).toBeLessThanOrEqual(3);
    for (const line of titles) {
      const book = bookNamed(line);
      expect(book, line).toBeDefined();
      expect(book!.category).toBe(slug);
    }
  });

  it.each(['what should I read', 'bestsellers'])('%j names bestsellers', async (message) => {
    const res = await say(message);
    expect(res.response).toMatch(/^Here are some of our bestsellers:/);
    for (const line of res.response.split('\n').slice(1)) {
      expect(bookNamed(line)?.bestseller, line).toBe(true);
    }
  });

  it('lists the categories there are for one the store does not have', async () => {
    const res = await say('recommend some poetry');
    expect(res.response).toMatch(
      /^We don't have a poetry section, but you can pick from: .*Mystery & Thriller/,
    );
  });
});

describe('the store API', () => {
  it('shows public order status only', async () => {
    const res = await json(`${system.gatewayUrl}/api/orders/123456/status`);
    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual(['order_id', 'status', 'updated_at']);
    expect((await json(`${system.gatewayUrl}/api/orders/12345/status`)).status).toBe(400);
    expect((await json(`${system.gatewayUrl}/api/orders/999999/status`)).status).toBe(404);
  });

  it('answers an unknown order and a wrong email identically', async () => {
    const headers = { 'x-forwarded-for': '198.51.100.7' };
    const url = `${system.gatewayUrl}/api/orders`;
    const unknown = await json(`${url}/999999/verify`, 'POST', { email: 'x@example.com' }, headers);
    const wrong = await json(`${url}/234567/verify`, 'POST', { email: 'x@example.com' }, headers);
    expect(unknown.status).toBe(404);
    expect(wrong.status).toBe(404);
    expect(wrong.body).toEqual(unknown.body);
  });

  it('searches and lists the catalog', async () => {
    const products = await json(`${system.gatewayUrl}/api/products?category=fantasy&limit=2`);
    expect(products.status).toBe(200);
    expect(products.body.items).toHaveLength(2);
    const categories = await json(`${system.gatewayUrl}/api/categories`);
    expect((categories.body.items as unknown[]).length).toBeGreaterThanOrEqual(8);
    expect((await json(`${system.gatewayUrl}/api/products?limit=500`)).status).toBe(400);
    expect((await json(`${system.gatewayUrl}/api/products?category=../x`)).status).toBe(400);
  });
});
