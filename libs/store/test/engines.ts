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
}): Array<[string, () => Promise<StoreHarness>]> {
  const common = { statementTimeoutMs: 5_000, ...options };
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
