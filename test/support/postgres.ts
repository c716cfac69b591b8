import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { TcpProxy } from './tcp.js';

export const POSTGRES_URL =
  process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A schema of this test's own in the test database, dropped afterwards. */
export async function createSchema(): Promise<{ url: string; drop(): Promise<void> }> {
  const schema = `test_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const admin = new pg.Client({ connectionString: POSTGRES_URL });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const url = new URL(POSTGRES_URL);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: POSTGRES_URL });
      await c.connect();
      await c.query(`DROP SCHEMA ${schema} CASCADE`);
      await c.end();
    },
  };
}

/**
 * A schema of the test's own reached through a TCP proxy, so a test can stop or hang the database
 * under an app (`proxy.stop()`, `proxy.start()`) while the schema itself stays.
 */
export async function schemaBehindProxy(): Promise<{
  url: string;
  proxy: TcpProxy;
  drop(): Promise<void>;
}> {
  const schema = await createSchema();
  const postgres = new URL(POSTGRES_URL);
  const proxy = await new TcpProxy(Number(postgres.port || 5432), postgres.hostname).start();
  const url = new URL(schema.url);
  url.hostname = '127.0.0.1';
  url.port = String(proxy.port);
  return {
    url: url.toString(),
    proxy,
    drop: async () => {
      await proxy.stop();
      await schema.drop();
    },
  };
}
