import pg from 'pg';
import { Database, type Queryable } from './database.js';

export interface PostgresOptions {
  url: string;
  /** Connections per replica. */
  poolSize: number;
  /** A statement slower than this is cancelled by the server. */
  statementTimeoutMs: number;
}

export class PostgresDatabase extends Database {
  readonly kind = 'postgres';
  private readonly pool: pg.Pool;

  constructor(options: PostgresOptions) {
    super();
    this.pool = new pg.Pool({
      connectionString: options.url,
      max: options.poolSize,
      connectionTimeoutMillis: 2_000,
      idleTimeoutMillis: 30_000,
      statement_timeout: options.statementTimeoutMs,
      query_timeout: options.statementTimeoutMs + 500,
    });
    // An idle client losing its connection must not take the process down.
    this.pool.on('error', () => undefined);
  }

  async query<T extends object>(sql: string, params: unknown[] = []): Promise<T[]> {
    return (await this.pool.query<T>(sql, params)).rows;
  }

  async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    // The pool listens to its idle clients only: a connection lost while this transaction holds
    // it would be an uncaught 'error' and end the process. The next query reports it instead,
    // and the broken client is destroyed rather than returned to the pool.
    let lost = false;
    const onError = () => {
      lost = true;
    };
    client.on('error', onError);
    try {
      await client.query('BEGIN');
      const result = await fn({
        query: async <R extends object>(sql: string, params: unknown[] = []) =>
          (await client.query<R>(sql, params)).rows,
        exec: async (sql: string) => {
          await client.query(sql);
        },
      });
      await client.query('COMMIT');
      return result;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.off('error', onError);
      client.release(lost);
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
