import { demoContent, storeEngines, type StoreHarness } from '../test/engines.js';
import { BookstoreRepository, DatabaseUnavailableError } from './bookstore.repository.js';
import { categorySlug } from './catalog.sync.js';
import { migrate } from './migrations.js';
import { syncStoreContent } from './store-content.sync.js';

const { catalog, orders } = demoContent();
const ORDERS = orders ?? [];

const engines = storeEngines({ poolSize: 4, seed: true });

describe.each(engines)('bookstore repository on %s', (engine, open) => {
  let h: StoreHarness;
  let repo: BookstoreRepository;

  beforeAll(async () => {
    h = await open();
    repo = new BookstoreRepository(h.db);
  }, 60_000);
  afterAll(() => h.cleanup());

  it('migrates and loads the demo orders once', async () => {
    expect(h.db.kind).toBe(engine);
    expect(await migrate(h.db)).toEqual([]);
    expect(await syncStoreContent(h.db, demoContent(), { orders: true })).toMatchObject({
      booksAdded: 0,
      booksUpdated: 0,
      ordersLoaded: 0,
    });
    const [{ n }] = await h.db.query<{ n: number }>('SELECT count(*)::int AS n FROM orders');
    expect(n).toBe(ORDERS.length);
  });

  it('gives an order status without customer data', async () => {
    expect(await repo.orderStatus('123456')).toEqual({
      order_id: '123456',
      status: 'shipped',
      updated_at: expect.stringMatching(/^2026-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
    });
    expect(await repo.orderStatus('999999')).toBeNull();
  });

  it('gives tracking details only for the right email', async () => {
    const details = await repo.orderDetails('123456', '  Jane.Doe@Example.com ');
    expect(details).toMatchObject({ order_id: '123456', status: 'shipped', carrier: 'UPS' });
    expect(details?.tracking_number).toMatch(/^1Z/);
    expect(details?.items.length).toBeGreaterThan(0);
    expect(await repo.orderDetails('123456', 'sam.lee@example.org')).toBeNull();
    expect(await repo.orderDetails('999999', 'jane.doe@example.com')).toBeNull();
    expect(await repo.orderDetails('123456', "' OR '1'='1")).toBeNull();
  });

  it('reserves failed attempts per subject up to each limit, and takes back given ones', async () => {
    const session = `session:${engine}-${Date.now()}`;
    const client = `client:${engine}-${Date.now()}`;
    const limits = [
      { subject: session, max: 3 },
      { subject: client, max: 10 },
    ];
    const got = [];
    for (let i = 0; i < 4; i++) got.push(await repo.reserveAttempt(limits, 3600));
    expect(got.map((r) => r !== null)).toEqual([true, true, true, false]);
    // A successful check gives its attempt back: the session has room again.
    await repo.releaseAttempt(got[2]!);
    expect(await repo.reserveAttempt(limits, 3600)).not.toBeNull();
    expect(await repo.reserveAttempt(limits, 3600)).toBeNull();
    // The client's count went up with every reservation that was kept: 3 of 10.
    const others = [{ subject: client, max: 4 }];
    expect(await repo.reserveAttempt(others, 3600)).not.toBeNull();
    expect(await repo.reserveAttempt(others, 3600)).toBeNull();
  });

  it('lets exactly the limit through when 40 checks race', async () => {
    const subject = `session:race-${engine}-${Date.now()}`;
    const results = await Promise.all(
      Array.from({ length: 40 }, () => repo.reserveAttempt([{ subject, max: 5 }], 3600)),
    );
    expect(results.filter((r) => r !== null)).toHaveLength(5);
  });

  it('lists categories with their book counts', async () => {
    const categories = await repo.categories();
    expect(categories.map((c) => c.slug).sort()).toEqual([
      'biography',
      'children',
      'fantasy',
      'fiction',
      'history',
      'mystery',
      'romance',
      'science',
      'science-fiction',
      'self-help',
    ]);
    const total = categories.reduce((n, c) => n + c.count, 0);
    expect(total).toBe(catalog.length);
  });

  it('finds books by category, by words and by bestseller, within the limit', async () => {
    const mystery = await repo.products({ category: 'mystery', limit: 50 });
    expect(mystery.length).toBe(
      catalog.filter((b) => categorySlug(b.category) === 'mystery').length,
    );
    expect(mystery.every((b) => b.category === 'mystery')).toBe(true);
    expect(typeof mystery[0].price).toBe('number');

    const garden = await repo.products({ q: 'garden', limit: 5 });
    expect(garden.some((b) => /garden/i.test(b.title + b.description))).toBe(true);
    const author = await repo.products({ q: 'Okafor', limit: 5 });
    expect(author.some((b) => b.author.includes('Okafor'))).toBe(true);
    const dragons = await repo.products({ q: 'dragons', limit: 5 });
    expect(dragons.length).toBeGreaterThan(0);

    const best = await repo.products({ bestseller: true, limit: 3 });
    expect(best).toHaveLength(3);
    expect(best.every((b) => b.bestseller)).toBe(true);

    expect(await repo.products({ q: '%_\\', limit: 5 })).toEqual([]);
    expect(await repo.products({ q: 'zzzzqqq', limit: 5 })).toEqual([]);
    expect(await repo.products({ category: 'nope', limit: 5 })).toEqual([]);
    expect(await repo.products({ limit: 2 })).toHaveLength(2);
  });
});

describe('bookstore repository when PostgreSQL is unreachable', () => {
  // The data layer's own error; the API answers it with a 503 in words (test/faults).
  it('rejects with DatabaseUnavailableError, not an HTTP exception', async () => {
    const { PostgresDatabase } = await import('./postgres.database.js');
    const db = new PostgresDatabase({
      url: 'postgres://postgres@127.0.0.1:1/test',
      poolSize: 1,
      statementTimeoutMs: 500,
    });
    const repo = new BookstoreRepository(db);
    const failure = await repo.orderStatus('123456').catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(DatabaseUnavailableError);
    expect(failure).not.toHaveProperty('status');
    await db.close();
  });
});
