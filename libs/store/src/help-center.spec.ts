import { storeEngines, type StoreHarness } from '../test/engines.js';
import { BookstoreRepository } from './bookstore.repository.js';
import { HELP_ARTICLES, STORE_FACTS } from './help-center.js';
import { syncHelpCenter } from './help-center.sync.js';
import { HELP_TRANSLATIONS } from './help-center.translations.js';
import { helpQueryText } from './help-query.js';

// The store's facts load whether or not the demo catalog does.
const engines = storeEngines({ poolSize: 2, seed: false });

describe.each(engines)('the help center on %s', (_engine, open) => {
  let h: StoreHarness;
  let repo: BookstoreRepository;

  beforeAll(async () => {
    h = await open();
    repo = new BookstoreRepository(h.db);
  }, 60_000);
  afterAll(() => h.cleanup());

  it('holds every article of the source, in its order', async () => {
    const articles = await repo.helpArticles();
    expect(articles.map((a) => a.slug)).toEqual(HELP_ARTICLES.map((a) => a.slug));
    expect(articles[0]).toEqual({
      slug: HELP_ARTICLES[0].slug,
      topic: HELP_ARTICLES[0].topic,
      title: HELP_ARTICLES[0].title,
      questions: [...HELP_ARTICLES[0].questions],
      answer: HELP_ARTICLES[0].answer,
      body: HELP_ARTICLES[0].body,
      translations: HELP_TRANSLATIONS[HELP_ARTICLES[0].slug],
    });
  });

  it.each([
    ['do you gift wrap?', 'gift-wrapping'],
    ['can I pay with Google Pay', 'payment-not-accepted'],
    ['two charges on my card', 'double-charge'],
    ['do you deliver to Germany', 'international-shipping'],
    ['my book came torn', 'damaged-or-wrong-book'],
    ['forgot my password', 'password-reset'],
  ])('ranks the article that answers %j first', async (question, slug) => {
    const [top, ...others] = await repo.searchHelp(question, 3);
    expect(top.slug).toBe(slug);
    expect(top.score).toBeGreaterThan(0);
    for (const o of others) expect(o.score).toBeLessThanOrEqual(top.score);
  });

  it.each(['who plays han solo', '', '?!', "'); DROP TABLE help_articles; --", 'or or or', '%_\\'])(
    'finds nothing, and fails on nothing, for %j',
    async (question) => {
      expect(await repo.searchHelp(question, 3)).toEqual([]);
    },
  );

  it('puts back an article changed in the database, and drops one the source does not have', async () => {
    await h.db.query(`UPDATE help_articles SET answer = 'Free shipping on everything!'`);
    await h.db.query(
      `INSERT INTO help_articles (slug, position, topic, title, questions, answer, body, search)
       VALUES ('stale', 99, 'help', 'Stale', '{}', 'old', 'old', to_tsvector('old'))`,
    );
    await syncHelpCenter(h.db);
    await syncHelpCenter(h.db);
    const articles = await repo.helpArticles();
    expect(articles.map((a) => a.answer)).toEqual(HELP_ARTICLES.map((a) => a.answer));
  });
});

describe('the store facts', () => {
  const text = HELP_ARTICLES.map((a) => `${a.answer} ${a.body}`).join(' ');

  it('are the ones the articles state', () => {
    expect(text).toContain(`$${STORE_FACTS.freeShippingThreshold}`);
    expect(text).toContain(`$${STORE_FACTS.standardShippingPrice}`);
    expect(text).toContain(`$${STORE_FACTS.expressShippingPrice}`);
    expect(text).toContain(`$${STORE_FACTS.internationalShippingPrice}`);
    expect(text).toContain(`$${STORE_FACTS.giftWrapPrice}`);
    expect(text).toContain(`${STORE_FACTS.returnDays} days`);
    expect(text).toContain(`${STORE_FACTS.standardShippingDays} business days`);
    expect(text).toContain(STORE_FACTS.supportHours);
  });

  it('keep the original canned sentences as the generic answers', () => {
    const answer = (slug: string) => HELP_ARTICLES.find((a) => a.slug === slug)!.answer;
    expect(answer('shipping-times')).toBe(
      'Standard shipping takes 5-7 business days. Express shipping is 2-3 business days.',
    );
    expect(answer('returns-policy')).toBe(
      'We accept returns within 30 days. Books must be in original condition.',
    );
    expect(answer('payment-methods')).toBe(
      'We accept Visa, Mastercard, American Express, and PayPal.',
    );
  });

  it('have unique, anchor-safe slugs', () => {
    const slugs = HELP_ARTICLES.map((a) => a.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    for (const s of slugs) expect(s).toMatch(/^[a-z0-9-]{1,60}$/);
  });
});

describe('helpQueryText', () => {
  it('ORs the words and adds synonyms', () => {
    expect(helpQueryText("I've a delivery to the UK?")).toBe(
      'i or a or delivery or "shipping" or to or the or uk or "kingdom" or "international" or "countries"',
    );
  });
  it('is null without words', () => {
    expect(helpQueryText('?! ...')).toBeNull();
    expect(helpQueryText('or book')).toBeNull();
  });
});

describe('the help articles in Spanish, French and German', () => {
  // The figures a fact is made of (days, prices, percentages), not clock times, which each
  // language writes its own way ("2 pm", "14 h", "14 Uhr").
  const figures = (text: string): string[] =>
    (text.replace(/\d+\s*(am|pm)\b/g, '').match(/\d+/g) ?? []).sort();

  it.each(HELP_ARTICLES.map((a) => [a.slug, a] as const))('%s is in every language', (_slug, a) => {
    const translations = HELP_TRANSLATIONS[a.slug];
    expect(Object.keys(translations ?? {}).sort()).toEqual(['de', 'es', 'fr']);
    for (const own of Object.values(translations)) {
      expect(own.title.trim()).not.toBe('');
      // The same facts: the same figures, and the support address where the English gives it.
      expect(figures(own.answer), own.answer).toEqual(expect.arrayContaining(figures(a.answer)));
      expect(own.answer.includes('support@bookstore.com')).toBe(
        a.answer.includes('support@bookstore.com'),
      );
    }
  });

  it('has no article the source does not', () => {
    expect(Object.keys(HELP_TRANSLATIONS).sort()).toEqual(HELP_ARTICLES.map((a) => a.slug).sort());
  });
});
