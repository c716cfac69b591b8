import { DEFAULT_CONTENT_DIR, loadStoreContent } from '@bookstore/content';
import { DeskRepository, openDatabase, type Database } from '@bookstore/database';
import { createSchema } from '../../../../test/support/postgres.js';
import type { GatewayOptions } from '../config/gateway.options.js';
import { DeskRetentionService } from './desk-retention.service.js';

describe('DeskRetentionService', () => {
  let schema: { url: string; drop(): Promise<void> };
  let db: Database;

  beforeAll(async () => {
    schema = await createSchema();
    db = await openDatabase({
      databaseUrl: schema.url,
      poolSize: 2,
      statementTimeoutMs: 5_000,
      seed: false,
      content: loadStoreContent(DEFAULT_CONTENT_DIR),
    });
  });
  afterAll(async () => {
    await db?.close();
    await schema?.drop();
  });

  it('deletes what is older than DESK_RETENTION_DAYS and keeps the rest', async () => {
    const repo = new DeskRepository(db);
    for (const question of ['asked 8 days ago', 'asked 6 days ago']) {
      await repo.recordItem({
        kind: 'unanswered',
        reason: 'fallback',
        question,
        answer: 'a',
        sessionKey: question,
      });
    }
    await db.query(
      `UPDATE desk_items SET created_at = now() - make_interval(days => substr(question, 7, 1)::int)`,
    );
    const options = { desk: { retentionDays: 7 } } as GatewayOptions;
    await new DeskRetentionService(options, repo).sweep();
    const left = await db.query<{ question: string }>('SELECT question FROM desk_items');
    expect(left.map((r) => r.question)).toEqual(['asked 6 days ago']);
  });
});
