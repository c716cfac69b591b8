import { schemaBehindProxy } from '../../../test/support/postgres.js';
import { PostgresDatabase } from './postgres.database.js';

// A connection lost while a transaction holds it: the transaction fails, the process does not.
describe('PostgresDatabase.transaction', () => {
  it('rejects when the connection drops mid-transaction, with no uncaught error', async () => {
    const schema = await schemaBehindProxy();
    const db = new PostgresDatabase({ url: schema.url, poolSize: 2, statementTimeoutMs: 2_000 });
    const uncaught: unknown[] = [];
    const onUncaught = (err: unknown) => uncaught.push(err);
    process.on('uncaughtException', onUncaught);
    try {
      const outcome = db.transaction(async (tx) => {
        await tx.query('SELECT 1');
        // The database goes away between two statements of the transaction.
        await schema.proxy.stop();
        await new Promise((resolve) => setTimeout(resolve, 200));
        return tx.query('SELECT 2');
      });
      await expect(outcome).rejects.toThrow();
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(uncaught).toEqual([]);

      // And the pool serves again once the database is back.
      await schema.proxy.start();
      expect(await db.query<{ n: number }>('SELECT 3 AS n')).toEqual([{ n: 3 }]);
    } finally {
      process.off('uncaughtException', onUncaught);
      await db.close();
      await schema.drop();
    }
  });
});
