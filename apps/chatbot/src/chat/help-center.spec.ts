import { BookstoreRepository, openDatabase, type Database } from '@bookstore/store';
import { HELP_THRESHOLD } from './help-center.js';

/*
 * The threshold is measured, not guessed: shoppers' questions about the store's facts must score
 * at or above it with the right article on top, and questions about anything else below it (they
 * go to the LLM, or get an honest "not sure"). Scores are the database's own ts_rank.
 */
const ABOUT_THE_STORE: Array<[string, string]> = [
  ['do you wrap presents', 'gift-wrapping'],
  ['will you beat a lower price somewhere else', 'price-matching'],
  ['can I listen to books, do you have audio versions', 'printed-books-only'],
  ['do you have a store I can walk into', 'online-only'],
  ['reset password please', 'password-reset'],
  ['I got billed two times', 'double-charge'],
  ['are gift cards available', 'gift-cards'],
  ['what happens if my parcel goes missing', 'lost-or-late'],
  ['I lost my receipt', 'no-receipt'],
  ['ship to australia?', 'international-shipping'],
  ['how fast is express', 'express-shipping'],
  ['what is the cutoff time for same day dispatch', 'same-day-dispatch'],
  ['is there a first order discount', 'newsletter'],
  ['when do you charge for a preorder', 'pre-orders'],
  ['is sales tax included', 'currency-and-tax'],
  ['can I swap for another edition', 'exchanges'],
  ['which countries do you deliver to', 'international-shipping'],
  ['do you take apple pay', 'payment-not-accepted'],
  ['how do I contact support', 'contact-support'],
  ['can I change my shipping address', 'change-address'],
];

const ABOUT_ANYTHING_ELSE = [
  'who plays han solo',
  'what is the capital of mongolia',
  'tell me a joke',
  'how do I bake sourdough bread',
  'what time is it in tokyo',
  'is it going to rain tomorrow',
  'set an alarm for 7am',
  'who won the world cup',
  'what is the meaning of life',
  'translate hello into italian',
  'how tall is mount everest',
  'recommend a good restaurant nearby',
  'can you help me',
  'what books do you like',
  'I need help',
];

describe('the help-center threshold', () => {
  let db: Database;
  let repo: BookstoreRepository;
  beforeAll(async () => {
    db = await openDatabase({ poolSize: 1, statementTimeoutMs: 5_000, seed: false });
    repo = new BookstoreRepository(db);
  }, 60_000);
  afterAll(() => db.close());

  it(`separates questions about the store (>= ${HELP_THRESHOLD}) from the rest`, async () => {
    const inside = await Promise.all(
      ABOUT_THE_STORE.map(async ([q, slug]) => ({
        q,
        slug,
        top: (await repo.searchHelp(q, 1))[0],
      })),
    );
    const outside = await Promise.all(
      ABOUT_ANYTHING_ELSE.map(async (q) => ({ q, top: (await repo.searchHelp(q, 1))[0] })),
    );
    const lowestInside = Math.min(...inside.map((r) => r.top?.score ?? 0));
    const highestOutside = Math.max(...outside.map((r) => r.top?.score ?? 0));
    console.log(
      `help search: lowest right answer ${lowestInside.toFixed(3)}, highest unrelated ` +
        `${highestOutside.toFixed(3)}, threshold ${HELP_THRESHOLD}`,
    );
    for (const r of inside) {
      expect(r.top?.slug, r.q).toBe(r.slug);
      expect(r.top.score, r.q).toBeGreaterThanOrEqual(HELP_THRESHOLD);
    }
    for (const r of outside) expect(r.top?.score ?? 0, r.q).toBeLessThan(HELP_THRESHOLD);
  });
});
