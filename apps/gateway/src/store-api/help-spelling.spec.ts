import { DEFAULT_CONTENT_DIR, loadStoreContent } from '@bookstore/content';
import { BookstoreRepository, openDatabase, type Database } from '@bookstore/database';
import { HelpSpelling } from './help-spelling.js';

// The store's own articles (the embedded database, seeded): the words a search is corrected to.
describe("HelpSpelling: a help question's misspelled words (#21, #22)", () => {
  let db: Database;
  let repo: BookstoreRepository;
  beforeAll(async () => {
    db = await openDatabase({
      poolSize: 1,
      statementTimeoutMs: 5_000,
      seed: false,
      content: loadStoreContent(DEFAULT_CONTENT_DIR),
    });
    repo = new BookstoreRepository(db);
  }, 60_000);
  afterAll(() => db.close());

  it("reads them as the articles' own words, so the search finds the article", async () => {
    const spelling = new HelpSpelling(repo);
    const question = await spelling.correct('shiping to austrlia how long');
    expect(question).toBe('shipping to australia how long');
    expect((await repo.searchHelp(question, 1))[0]?.slug).toBe('international-shipping');
  });

  it('reads the articles once for many questions', async () => {
    let reads = 0;
    const counted = new Proxy(repo, {
      get: (target, name, receiver) =>
        name === 'helpArticles'
          ? () => {
              reads++;
              return target.helpArticles();
            }
          : (Reflect.get(target, name, receiver) as unknown),
    });
    const spelling = new HelpSpelling(counted);
    await Promise.all(['retrun policy', 'paymnet', 'shiping'].map((q) => spelling.correct(q)));
    expect(reads).toBe(1);
  });
});
