import type { CatalogRow, StoreContent } from '@bookstore/content';
import { demoContent, storeEngines, type StoreHarness } from '../test/engines.js';
import { BookstoreRepository } from './bookstore.repository.js';
import { categorySlug } from './catalog.sync.js';
import { helpQueryText } from './help-query.js';
import { syncStoreContent } from './store-content.sync.js';

// The store's articles and catalog load whether or not the demo orders do.
const engines = storeEngines({ poolSize: 2, seed: false });
const demo = demoContent();
const english = demo.articles.filter((a) => a.language === 'en');

describe.each(engines)('the store content on %s', (_engine, open) => {
  let h: StoreHarness;
  let repo: BookstoreRepository;
  const count = async (table: string) =>
    (await h.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0].n;

  beforeAll(async () => {
    h = await open();
    repo = new BookstoreRepository(h.db);
  }, 60_000);
  afterAll(() => h.cleanup());

  it('holds every article of the content, in its order, with its translations', async () => {
    const articles = await repo.helpArticles();
    expect(articles.map((a) => a.slug)).toEqual(english.map((a) => a.slug));
    const [first] = english;
    const own = (lang: string) =>
      demo.articles.find((a) => a.slug === first.slug && a.language === lang)!;
    expect(articles[0]).toEqual({
      slug: first.slug,
      topic: first.topic,
      title: first.title,
      questions: first.questions,
      answer: first.answer,
      body: first.body,
      translations: Object.fromEntries(
        ['es', 'fr', 'de'].map((l) => [l, { title: own(l).title, answer: own(l).answer }]),
      ),
    });
  });

  it('numbers the books in the file order and loads no order without `orders`', async () => {
    const books = await h.db.query<{ id: number; title: string }>(
      'SELECT id, title FROM books ORDER BY id',
    );
    expect(books.map((b) => b.title)).toEqual(demo.catalog.map((b) => b.title));
    expect(books[0].id).toBe(1);
    expect(await count('orders')).toBe(0);
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

  it('puts back an article changed in the database, and drops one the content does not have', async () => {
    await h.db.query(`UPDATE help_articles SET answer = 'Free shipping on everything!'`);
    await h.db.query(
      `INSERT INTO help_articles (slug, position, topic, title, questions, answer, body, search)
       VALUES ('stale', 99, 'help', 'Stale', '{}', 'old', 'old', to_tsvector('old'))`,
    );
    const report = await syncStoreContent(h.db, demo, { orders: false });
    expect(report).toMatchObject({ articles: english.length, articlesRemoved: 1 });
    await syncStoreContent(h.db, demo, { orders: false });
    const articles = await repo.helpArticles();
    expect(articles.map((a) => a.answer)).toEqual(english.map((a) => a.answer));
  });

  it('upserts the catalog by isbn, else by title and author, and adds new shelves', async () => {
    const [first, second] = demo.catalog;
    const changed: CatalogRow[] = [
      // The same book (title and author, any case), now with an isbn and a new price.
      { ...first, title: first.title.toUpperCase(), price: 1.5, isbn: '9780000000002' },
      { ...second, rating: null, bestseller: false },
      {
        title: 'A New Comic',
        author: 'Someone New',
        category: 'Graphic Novels',
        price: 12,
        description: 'Drawn.',
        rating: 4,
        bestseller: false,
        isbn: '9780000000019',
        ageMin: 8,
        ageMax: 12,
      },
    ];
    const content: StoreContent = { ...demo, catalog: changed };
    expect(await syncStoreContent(h.db, content, { orders: false })).toMatchObject({
      booksAdded: 1,
      booksUpdated: 2,
    });
    // By isbn now: the title may change back without making a second book.
    const again: StoreContent = { ...demo, catalog: [{ ...changed[0], title: 'Renamed' }] };
    expect(await syncStoreContent(h.db, again, { orders: false })).toMatchObject({
      booksAdded: 0,
      booksUpdated: 1,
    });
    const [book] = await h.db.query<{ id: number; title: string; price: string }>(
      `SELECT id, title, price::text AS price FROM books WHERE isbn = '9780000000002'`,
    );
    expect(book).toEqual({ id: 1, title: 'Renamed', price: '1.50' });
    const [comic] = await h.db.query<Record<string, unknown>>(
      `SELECT category, age_min, age_max FROM books WHERE title = 'A New Comic'`,
    );
    expect(comic).toEqual({ category: 'graphic-novels', age_min: 8, age_max: 12 });
    expect(await count('books')).toBe(demo.catalog.length + 1);
    // Unrated books come after rated ones.
    const unrated = (
      await repo.products({ category: categorySlug(second.category), limit: 50 })
    ).map((b) => b.title);
    expect(unrated.at(-1)).toBe(second.title);
    await syncStoreContent(h.db, demo, { orders: false });
  });

  it('loads the demo orders into a store with none, and only then', async () => {
    expect((await syncStoreContent(h.db, demo, { orders: true })).ordersLoaded).toBe(
      demo.orders!.length,
    );
    expect(await repo.orderStatus('123456')).toMatchObject({ status: 'shipped' });
    expect((await syncStoreContent(h.db, demo, { orders: true })).ordersLoaded).toBe(0);
    expect(await count('orders')).toBe(demo.orders!.length);
  });
});

describe('categorySlug', () => {
  it.each([
    ['Mystery & Thriller', 'mystery'],
    ["Children's Books", 'children'],
    ['Science Fiction', 'science-fiction'],
    ['Self-Help', 'self-help'],
    ['Graphic Novels', 'graphic-novels'],
    ['Cuisine et Vins', 'cuisine-et-vins'],
    ['Bücher für Kinder', 'bucher-fur-kinder'],
  ])('%s -> %s', (name, slug) => {
    expect(categorySlug(name)).toBe(slug);
  });
  it('takes the whole name, then a number, when the short one is taken', () => {
    expect(categorySlug('Science & Nature', new Set(['science']))).toBe('science-nature');
    expect(categorySlug('Science & Nature', new Set(['science', 'science-nature']))).toBe(
      'science-nature-2',
    );
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
