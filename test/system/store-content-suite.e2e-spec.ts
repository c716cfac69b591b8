import { readFileSync } from 'node:fs';
import { fetchCatalog, runSuite, type Book } from '../support/conversation-suite.js';
import { startSystem, type RunningSystem } from '../support/system.js';

/**
 * Another store than the demo (issue #23): both apps boot on the content folder
 * test/fixtures/stores/kranich (its own facts, currency, languages, shelves, orders) through
 * STORE_CONTENT_DIR, and its conversation suite, in English and German, must score like the
 * demo's. Nothing of that store is in code: what the bot knows of it comes from the folder.
 */

const MIN_SCORE = 0.95;

const STORE_DIR = new URL('../fixtures/stores/kranich', import.meta.url).pathname;
const SUITE = new URL('../fixtures/conversations/kranich-conversations.jsonl', import.meta.url)
  .pathname;

const catalogTitles = (): string[] =>
  readFileSync(`${STORE_DIR}/catalog.csv`, 'utf8')
    .split('\n')
    .slice(1)
    .filter((line) => line.trim() !== '')
    .map((line) => line.split(',')[0]);

describe('a second store from its own content folder, no LLM', () => {
  let system: RunningSystem;
  let catalog: Book[];

  beforeAll(async () => {
    const content = { STORE_CONTENT_DIR: STORE_DIR };
    system = await startSystem({
      chatbot: content,
      gateway: { ...content, ORDER_VERIFY_MAX_ATTEMPTS: '1000' },
    });
    catalog = await fetchCatalog(system.gatewayUrl);
  });
  afterAll(() => system.close());

  it("serves the store's own catalog, not the demo's", () => {
    expect(catalog.map((b) => b.title).sort()).toEqual(catalogTitles().sort());
  });

  it(`kranich-conversations.jsonl scores at least ${MIN_SCORE}, every turn counted`, async () => {
    const result = await runSuite(system.gatewayUrl, SUITE, catalog);
    console.log(result.report);
    expect(result.score).toBeGreaterThanOrEqual(MIN_SCORE);
  }, 120_000);
});
