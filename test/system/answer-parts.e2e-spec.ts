import { CANNED_RESPONSES } from '../support/content.js';
import { json } from '../support/http.js';
import { readEvents } from '../support/sse.js';
import { startSystem, type RunningSystem } from '../support/system.js';

/*
 * The structured parts beside the answer text (quick replies, book cards, links), through the
 * gateway as the widget receives them: the JSON answer and the stream's `done` event carry the same.
 */

const STARTERS = ['Track my order', 'Shipping', 'Returns', 'Recommend a book'];
const SUPPORT = { label: 'Email the support team', url: 'mailto:support@bookstore.com' };

let system: RunningSystem;

beforeAll(async () => {
  system = await startSystem();
});
afterAll(() => system.close());

let shopper = 0;
beforeEach(() => {
  shopper++;
});

type Answer = Record<string, unknown> & { response: string; session_id: string };

// Each test is another shopper, so the order-verification limits of one never touch another.
async function say(message: string, sessionId?: string): Promise<Answer> {
  const res = await json(
    `${system.gatewayUrl}/api/chat`,
    'POST',
    { message, ...(sessionId ? { session_id: sessionId } : {}) },
    { 'x-forwarded-for': `198.51.100.${shopper}` },
  );
  expect(res.status, message).toBe(200);
  return res.body as Answer;
}

async function streamed(message: string, sessionId?: string): Promise<Record<string, unknown>> {
  const { status, events } = await readEvents(
    `${system.gatewayUrl}/api/chat/stream`,
    { message, ...(sessionId ? { session_id: sessionId } : {}) },
    { headers: { 'x-forwarded-for': `198.51.100.${shopper}` } },
  );
  expect(status, message).toBe(200);
  const done = events.find((e) => e.event === 'done');
  expect(done, message).toBeDefined();
  return done!.data;
}

describe('answer parts through the gateway', () => {
  it('offers the starter quick replies after a greeting', async () => {
    const res = await say('Hello');
    expect(res).toMatchObject({ response: CANNED_RESPONSES.greeting, suggestions: STARTERS });
    expect(res.books).toBeUndefined();
    expect(res.links).toBeUndefined();
    expect(await streamed('Hi there')).toMatchObject({ suggestions: STARTERS });
  });

  it('sends a card for every recommended book, linked to its anchor on the store page', async () => {
    for (const answer of [await say('recommend a fantasy book'), await streamed('Bestsellers')]) {
      const books = answer.books as Array<Record<string, unknown>>;
      expect(books.length).toBeGreaterThan(0);
      for (const book of books) {
        expect(book).toEqual({
          title: expect.any(String),
          author: expect.any(String),
          price: expect.any(Number),
          category: expect.any(String),
          url: expect.stringMatching(/^\/#book-\d+$/),
        });
        // The text names every book the cards show.
        expect(answer.response).toContain(`${book.title as string} by ${book.author as string}`);
      }
    }
    const fantasy = (await say('recommend a fantasy book')).books as Array<{ category: string }>;
    expect(fantasy.every((b) => b.category === 'fantasy')).toBe(true);
  });

  it("links the carrier's tracking page once the shopper's email proves the order", async () => {
    const first = await say('Where is my order 456789?');
    expect(first.links).toBeUndefined();
    await say('Can I have the tracking number?', first.session_id);
    const proved = await say('maria.garcia@example.com', first.session_id);
    const number = /tracking number (\d{12})/.exec(proved.response)?.[1];
    expect(number).toBeDefined();
    expect(proved.links).toEqual([
      {
        label: 'Track with FedEx',
        url: `https://www.fedex.com/fedextrack/?trknbr=${number}`,
      },
    ]);
  });

  it('gives the fallback quick replies and the support email, in JSON and in the stream', async () => {
    const res = await say('Do you sell garden furniture?');
    expect(res).toMatchObject({
      response: CANNED_RESPONSES.fallback,
      source: 'fallback',
      suggestions: STARTERS,
      links: [SUPPORT],
    });
    // A fresh conversation: a second miss in a row would offer the support team instead.
    expect(await streamed('Do you sell garden furniture?')).toMatchObject({
      response: CANNED_RESPONSES.fallback,
      suggestions: STARTERS,
      links: [SUPPORT],
    });
  });

  it('keeps plain canned answers plain', async () => {
    const res = await say('What payment methods do you accept?');
    expect(Object.keys(res).sort()).toEqual([
      'intent',
      'language',
      'response',
      'session_id',
      'source',
      'turn',
    ]);
  });
});
