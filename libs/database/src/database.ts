/** The SQL the repository speaks, answered by PostgreSQL or by the embedded PGlite alike. */
export abstract class Database {
  abstract readonly kind: 'postgres' | 'pglite';

  abstract query<T extends object>(sql: string, params?: unknown[]): Promise<T[]>;

  /** Runs `fn` in one transaction on one connection. */
  abstract transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;

  abstract close(): Promise<void>;

  /** Nest calls this on the provider itself: the database closes with the app. */
  onApplicationShutdown(): Promise<void> {
    return this.close();
  }
}

export interface Queryable {
  query<T extends object>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Several statements with no parameters (migrations). */
  exec(sql: string): Promise<void>;
}
