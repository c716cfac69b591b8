import { Shopper as ShopperAt } from '../support/shopper.js';
import { startSystem, type RunningSystem } from '../support/system.js';

/** Orders, books and help answers in conversation, through both apps over HTTP, no LLM. */
let system: RunningSystem;
beforeAll(async () => {
  system = await startSystem();
});
afterAll(() => system.close());

/** A shopper of this file's system (or of another one given). */
class Shopper extends ShopperAt {
  constructor(url = () => system.gatewayUrl) {
    super(url);
  }
}

describe('a shopper out of verification attempts', () => {
  // Its own system: the attempts limit counts per client address, and every test here is 127.0.0.1.
  let strict: RunningSystem;
  beforeAll(async () => {
    strict = await startSystem({ gateway: { ORDER_VERIFY_MAX_ATTEMPTS: '2' } });
  });
  afterAll(() => strict.close());

  it('tells a locked-out shopper so, and points to the support team', async () => {
    const s = new Shopper(() => strict.gatewayUrl);
    expect((await s.say('tracking number for order 234567?')).response).toMatch(/email/);
    await s.say('nobody1@example.com');
    await s.say('nobody2@example.com');
    const locked = await s.say('nobody3@example.com');
    expect(locked.response).toMatch(/locked out/);
    expect(locked.links).toEqual([
      { label: 'Email the support team', url: 'mailto:support@bookstore.com' },
    ]);
  });
});

describe('orders in conversation', () => {
  it('never offers tracking for a cancelled or returned order', async () => {
    const s = new Shopper();
    const cancelled = await s.say('track order 567890');
    expect(cancelled.response).toMatch(/567890 is cancelled/);
    expect(cancelled.response).not.toMatch(/email/i);
    expect((await s.say("what's the tracking number?")).response).toMatch(/nothing to track/);

    const r = new Shopper();
    const returned = await r.say("I'm li.wei@example.org, where is order 678901?");
    expect(returned.response).toMatch(/678901 is returned/);
    expect(returned.response).not.toContain('4829163057');
    expect(returned.links ?? []).toEqual([]);
  });

  it('answers "cancel my order" with what its status allows', async () => {
    expect((await new Shopper().say('please cancel order 345678')).response).toMatch(
      /345678 is still being prepared, so it can be cancelled/,
    );
    expect((await new Shopper().say('cancel #123-456')).response).toMatch(
      /123456 has already shipped.*return it/,
    );
    const s = new Shopper();
    expect((await s.say('I want to cancel my order')).response).toMatch(/order number/);
    expect((await s.say('567890')).response).toMatch(/567890/);
  });

  it('keeps a verification waiting while the shopper asks something else', async () => {
    const s = new Shopper();
    await s.say('who is the carrier for order 123456?');
    const aside = await s.say('how much is express shipping?');
    expect(aside.response).toMatch(/12\.99/);
    expect(aside.response).toMatch(/still need the email address/);
    const details = await s.say('jane.doe@example.com');
    expect(details.response).toMatch(/Carrier: UPS, tracking number 1Z4F82A70391846257/);
    expect(details.links).toEqual([
      {
        label: 'Track with UPS',
        url: 'https://www.ups.com/track?tracknum=1Z4F82A70391846257',
      },
    ]);
  });

  it('refuses to find orders by email, and says why', async () => {
    const answer = await new Shopper().say('can you look up my orders by my email instead?');
    expect(answer.response).toMatch(/privacy/i);
    expect(answer.response).not.toMatch(/#\d{6} is/);
  });

  it('tells a wrong-length number apart from an unknown one', async () => {
    expect((await new Shopper().say('where is order 12345')).response).toMatch(/six digits/);
    expect((await new Shopper().say('where is order 999999')).response).toMatch(
      /couldn't find order #999999/,
    );
  });
});

describe('books in conversation', () => {
  it('continues a list with "more" and never repeats a book', async () => {
    const s = new Shopper();
    const seen = new Set<string>();
    let answer = await s.say('recommend a mystery');
    for (let i = 0; i < 3 && answer.books; i++) {
      for (const b of answer.books) {
        expect(b.category).toBe('mystery');
        expect(seen.has(b.title), b.title).toBe(false);
        seen.add(b.title);
      }
      answer = await s.say('any others?');
    }
    // Seven mysteries in the demo catalog: all shown once, then the list says it is done.
    expect(seen.size).toBe(7);
    expect(answer.response).toMatch(/That's all/);
  });

  it('sends book cards linked to the page beside a book answer', async () => {
    const answer = await new Shopper().say('do you have Persuasion in stock?');
    expect(answer.response).toMatch(/Yes, we have Persuasion by Jane Austen/);
    expect(answer.books).toEqual([
      expect.objectContaining({ title: 'Persuasion', url: expect.stringMatching(/^\/#book-\d+$/) }),
    ]);
  });
});

describe('help answers', () => {
  it('answer two questions in one message, each from its article, with links', async () => {
    const answer = await new Shopper().say(
      'do you ship to Australia? and how long do refunds take?',
    );
    expect(answer.response).toMatch(/Australia.*14\.99/s);
    expect(answer.response).toMatch(/5-7 business days after your return arrives/);
    expect(answer.links?.map((l) => l.url)).toEqual([
      '/#help-international-shipping',
      '/#help-refund-timing',
    ]);
  });

  it('say honestly when nothing matches, with the starter suggestions', async () => {
    const answer = await new Shopper().say('who won the world cup in 1998?');
    expect(answer.response).toMatch(/not sure/);
    expect(answer.suggestions?.length).toBeGreaterThan(0);
  });
});
