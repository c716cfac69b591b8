import { validateEnv } from '@bookstore/config';
import { ContentInvalidError, loadStoreContent } from '@bookstore/content';
import { openStore } from '@bookstore/database';
import { GatewayEnv } from '../config/gateway.env.js';

/** A mistake of the caller's or of the folder's: told as it is, with no stack. */
export class ImportContentError extends Error {}

/**
 * `npm run -s content:import -- DIR`: brings the database the gateway uses with the same
 * environment (DATABASE_URL, or PGLITE_DATA_DIR) up to date with a content folder, the way the
 * gateway does at boot: for a catalog too big to ship in the folder the gateway mounts. Returns
 * what to tell the operator.
 */
export async function importContent(
  env: Record<string, string | undefined>,
  args: string[],
): Promise<string> {
  const config = validateEnv(GatewayEnv)(env);
  const dir = args[0] ?? config.STORE_CONTENT_DIR;
  if (args.length > 1) throw new ImportContentError('usage: npm run -s content:import -- [DIR]');
  if (!config.DATABASE_URL && !config.PGLITE_DATA_DIR) {
    throw new ImportContentError(
      'the embedded store is in memory (neither DATABASE_URL nor PGLITE_DATA_DIR is set), so ' +
        'what is imported here would be lost: set PGLITE_DATA_DIR (for example .data/store) here ' +
        'and for the gateway, or DATABASE_URL',
    );
  }
  let content;
  try {
    content = loadStoreContent(dir);
  } catch (err) {
    if (err instanceof ContentInvalidError) throw new ImportContentError(err.message);
    throw err;
  }
  const { db, report: r } = await openStore({
    databaseUrl: config.DATABASE_URL,
    pgliteDataDir: config.PGLITE_DATA_DIR,
    poolSize: 1,
    // An import writes many rows in one transaction: allow it more than a request's query.
    statementTimeoutMs: 600_000,
    content,
    seed: config.SEED_DEMO_DATA && config.NODE_ENV !== 'production',
  });
  await db.close();
  return (
    `Imported ${dir} into ${db.kind}: ${r.articles} articles (${r.articlesRemoved} removed), ` +
    `${r.booksAdded} books added and ${r.booksUpdated} updated, ` +
    `${r.ordersLoaded} demo orders loaded.`
  );
}
