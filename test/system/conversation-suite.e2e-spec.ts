import { fetchCatalog, runSuite, type Book } from '../support/conversation-suite.js';
import { startSystem, type RunningSystem } from '../support/system.js';

/**
 * The shopper conversation suite (test/fixtures/conversations, format in CONVERSATIONS.md there):
 * every conversation in a fresh session through the gateway's POST /api/chat, both apps over real
 * HTTP, no LLM, the demo store data. Prints the score and fails below MIN_SCORE.
 */

const MIN_SCORE = 0.95;

const fixture = (name: string) =>
  new URL(`../fixtures/conversations/${name}`, import.meta.url).pathname;
// The dev suite and the developers' own regression set; CONVERSATIONS_FILE runs another suite of
// the same format (a held-out one) instead, the same way.
const SUITES: string[] = process.env.CONVERSATIONS_FILE
  ? [process.env.CONVERSATIONS_FILE]
  : [fixture('conversations-dev.jsonl'), fixture('conversations-extra.jsonl')];

describe('the shopper conversation suites, no LLM', () => {
  let system: RunningSystem;
  let catalog: Book[];

  beforeAll(async () => {
    // Every conversation comes from 127.0.0.1: the per-address verification limit is for one
    // shopper's address, not for a whole suite of shoppers behind it.
    system = await startSystem({ gateway: { ORDER_VERIFY_MAX_ATTEMPTS: '1000' } });
    catalog = await fetchCatalog(system.gatewayUrl);
  });
  afterAll(() => system.close());

  it('reads every title of the catalog, so books can be recognised', () => {
    expect(catalog).toHaveLength(70);
  });

  it.each(SUITES.map((file) => [file.split('/').at(-1)!, file]))(
    `%s scores at least ${MIN_SCORE}, every turn counted`,
    async (_name, file) => {
      const result = await runSuite(system.gatewayUrl, file, catalog);
      console.log(result.report);
      expect(result.score).toBeGreaterThanOrEqual(MIN_SCORE);
    },
    120_000,
  );
});
