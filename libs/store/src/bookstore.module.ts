import {
  type ConfigurableModuleAsyncOptions,
  ConfigurableModuleBuilder,
  Logger,
  Module,
} from '@nestjs/common';
import { BookstoreRepository } from './bookstore.repository.js';
import { Database } from './database.js';
import { DeskRepository } from './desk.repository.js';
import { syncHelpCenter } from './help-center.sync.js';
import { migrate } from './migrations.js';
import { PgliteDatabase } from './pglite.database.js';
import { PostgresDatabase } from './postgres.database.js';
import { seedIfEmpty } from './seed.js';
import { SupportRequestsRepository } from './support-requests.repository.js';

export interface BookstoreModuleOptions {
  /** Set: PostgreSQL. Unset: the embedded PGlite. */
  databaseUrl?: string;
  /** Where PGlite keeps its files; unset keeps them in memory. */
  pgliteDataDir?: string;
  poolSize: number;
  statementTimeoutMs: number;
  /** Load the demo catalog and orders when the store is empty. */
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

/** Opens the store, brings its schema up to date and seeds an empty one. */
export async function openDatabase(options: BookstoreModuleOptions): Promise<Database> {
  const db = options.databaseUrl
    ? new PostgresDatabase({
        url: options.databaseUrl,
        poolSize: options.poolSize,
        statementTimeoutMs: options.statementTimeoutMs,
      })
    : await PgliteDatabase.open(options.pgliteDataDir);
  const applied = await migrate(db);
  if (applied.length > 0) logger.log(`${db.kind}: applied migrations ${applied.join(', ')}`);
  await syncHelpCenter(db);
  if (options.seed && (await seedIfEmpty(db))) logger.log(`${db.kind}: loaded the demo catalog`);
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
