import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { DEFAULT_CONTENT_DIR } from '@bookstore/content';
import { createSchema } from '../../../../test/support/postgres.js';
import { checkContent } from './check-content.js';
import { ImportContentError, importContent } from './import-content.js';

describe('content:check', () => {
  it('says the demo folder is fine, in one line, and exits 0', () => {
    const r = checkContent([DEFAULT_CONTENT_DIR], {});
    expect(r.code).toBe(0);
    expect(r.out.trim().split('\n')).toHaveLength(1);
    expect(r.out).toMatch(/fine\. .*, en\/es\/fr\/de, \d+ articles, \d+ books, \d+ demo orders\./);
  });

  it('prints each problem as file:line: message and exits 1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'content-check-'));
    try {
      cpSync(DEFAULT_CONTENT_DIR, dir, { recursive: true });
      writeFileSync(join(dir, 'store.yaml'), 'name: Shop\nlanguages: []\n');
      const r = checkContent([dir], {});
      expect(r.code).toBe(1);
      expect(r.out).toContain(`${dir}/store.yaml:2: languages is empty`);
      expect(r.out).toContain(`${dir}/store.yaml:1: missing key: support_email`);
      expect(r.err).toMatch(/problem\(s\)/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('content:import', () => {
  let schema: { url: string; drop(): Promise<void> };
  let dir: string;
  beforeAll(async () => {
    schema = await createSchema();
    dir = mkdtempSync(join(tmpdir(), 'content-import-'));
    cpSync(DEFAULT_CONTENT_DIR, dir, { recursive: true });
  });
  afterAll(async () => {
    await schema?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses an in-memory store and a broken folder, saying why', async () => {
    await expect(importContent({}, [dir])).rejects.toThrow(/PGLITE_DATA_DIR/);
    const env = { DATABASE_URL: schema.url };
    await expect(importContent(env, [join(dir, 'nope')])).rejects.toThrow(ImportContentError);
  });

  it('loads a folder into DATABASE_URL, then only what changed', async () => {
    const env = { DATABASE_URL: schema.url, SEED_DEMO_DATA: 'false' };
    const first = await importContent(env, [dir]);
    expect(first).toMatch(/32 articles \(0 removed\), 70 books added and 0 updated, 0 demo orders/);
    const csv = join(dir, 'catalog.csv');
    const rows = readFileSync(csv, 'utf8').trimEnd().split('\n');
    const extra = Array.from(
      { length: 1200 },
      (_, i) =>
        `Volume ${i},Big Catalog,Encyclopedias,${(i % 50) + 1}.00,Volume ${i} of many.,,false,,`,
    );
    writeFileSync(csv, [...rows, ...extra].join('\n') + '\n');
    expect(await importContent(env, [dir])).toMatch(/1200 books added and 0 updated/);
    const client = new pg.Client({ connectionString: schema.url });
    await client.connect();
    try {
      const { rows: count } = await client.query('SELECT count(*)::int AS n FROM books');
      expect(count[0].n).toBe(1270);
    } finally {
      await client.end();
    }
  });
});
