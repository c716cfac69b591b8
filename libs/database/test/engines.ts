import { DEFAULT_CONTENT_DIR, loadStoreContent, type StoreContent } from '@bookstore/content';
import { createSchema } from '../../../test/support/postgres.js';
import { openDatabase } from '../src/bookstore.module.js';
import type { Database } from '../src/database.js';

export interface StoreHarness {
  db: Database;
  cleanup(): Promise<void>;
}

/**
 * The two engines the store runs on, for `describe.each`: PostgreSQL (a schema of the test's own)
 * and the embedded PGlite, opened with the same options, so one contract holds on both.
 */
export function storeEngines(options: {
  poolSize: number;
  seed: boolean;
  content?: StoreContent;
}): Array<[string, () => Promise<StoreHarness>]> {
  const common = { statementTimeoutMs: 5_000, content: demoContent(), ...options };
  return [
    [
      'postgres',
      async () => {
        const schema = await createSchema();
        const db = await openDatabase({ ...common, databaseUrl: schema.url });
        return {
          db,
          cleanup: async () => {
            await db.close();
            await schema.drop();
          },
        };
      },
    ],
    [
      'pglite',
      async () => {
        const db = await openDatabase(common);
        return { db, cleanup: () => db.close() };
      },
    ],
  ];
}

/** The repository's demo content, read once per test file. */
let demo: StoreContent | undefined;
export function demoContent(): StoreContent {
  demo ??= loadStoreContent(DEFAULT_CONTENT_DIR);
  return demo;
}
