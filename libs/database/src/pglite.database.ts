import { PGlite } from '@electric-sql/pglite';
import { Database, type Queryable } from './database.js';

/** PostgreSQL compiled to WebAssembly, in this process: the store with no server to run. */
export class PgliteDatabase extends Database {
  readonly kind = 'pglite';

  private constructor(private readonly db: PGlite) {
    super();
  }

  /** In memory, or in a directory when one is given. */
  static async open(dataDir?: string): Promise<PgliteDatabase> {
    const db = dataDir ? await PGlite.create(dataDir) : await PGlite.create();
    return new PgliteDatabase(db);
  }

  async query<T extends object>(sql: string, params: unknown[] = []): Promise<T[]> {
    return (await this.db.query<T>(sql, params)).rows;
  }

  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    return this.db.transaction((tx) =>
      fn({
        query: async <R extends object>(sql: string, params: unknown[] = []) =>
          (await tx.query<R>(sql, params)).rows,
        exec: async (sql: string) => {
          await tx.exec(sql);
        },
      }),
    );
  }

  async close(): Promise<void> {
    await this.db.close();
  }
}
