import type { StoreContent } from '@bookstore/content';
import {
  type ConfigurableModuleAsyncOptions,
  ConfigurableModuleBuilder,
  Logger,
  Module,
} from '@nestjs/common';
import { BookstoreRepository } from './bookstore.repository.js';
import { Database } from './database.js';
import { DeskRepository } from './desk.repository.js';
import { migrate } from './migrations.js';
import { PgliteDatabase } from './pglite.database.js';
import { PostgresDatabase } from './postgres.database.js';
import { syncStoreContent, type ContentSyncReport } from './store-content.sync.js';
import { SupportRequestsRepository } from './support-requests.repository.js';

export interface BookstoreModuleOptions {
  /** Set: PostgreSQL. Unset: the embedded PGlite. */
  databaseUrl?: string;
  /** Where PGlite keeps its files; unset keeps them in memory. */
  pgliteDataDir?: string;
  poolSize: number;
  statementTimeoutMs: number;
  /** The store's articles and catalog, brought into the database at every open. */
  content: StoreContent;
  /** Load the content's demo orders into a store that has none (never set it in production). */
  seed: boolean;
}

const { ConfigurableModuleClass, MODULE_OPTIONS_TOKEN: OPTIONS } =
  new ConfigurableModuleBuilder<BookstoreModuleOptions>()
    .setClassMethodName('forRoot')
    .setExtras({ isGlobal: true }, (module, extras) => ({ ...module, global: extras.isGlobal }))
    .build();

export type BookstoreModuleAsyncOptions = ConfigurableModuleAsyncOptions<BookstoreModuleOptions> & {
  isGlobal?: boolean;
};
const logger = new Logger('Bookstore');

/** Opens the store and brings its schema and its content up to date; says what changed. */
export async function openStore(
  options: BookstoreModuleOptions,
): Promise<{ db: Database; report: ContentSyncReport }> {
  const db = options.databaseUrl
    ? new PostgresDatabase({
        url: options.databaseUrl,
        poolSize: options.poolSize,
        statementTimeoutMs: options.statementTimeoutMs,
      })
    : await PgliteDatabase.open(options.pgliteDataDir);
  try {
    const applied = await migrate(db);
    if (applied.length > 0) logger.log(`${db.kind}: applied migrations ${applied.join(', ')}`);
    const report = await syncStoreContent(db, options.content, { orders: options.seed });
    return { db, report };
  } catch (err) {
    await db.close();
    throw err;
  }
}

/** openStore for the module: the database, with what the content changed logged. */
export async function openDatabase(options: BookstoreModuleOptions): Promise<Database> {
  const { db, report: r } = await openStore(options);
  logger.log(
    `${db.kind}: content from ${options.content.dir}: ${r.articles} articles ` +
      `(${r.articlesRemoved} removed), books ${r.booksAdded} added and ${r.booksUpdated} ` +
      `updated, ${r.ordersLoaded} demo orders loaded`,
  );
  return db;
}

@Module({
  providers: [
    { provide: Database, useFactory: openDatabase, inject: [OPTIONS] },
    BookstoreRepository,
    SupportRequestsRepository,
    DeskRepository,
  ],
  exports: [Database, BookstoreRepository, SupportRequestsRepository, DeskRepository],
})
export class BookstoreModule extends ConfigurableModuleClass {}
