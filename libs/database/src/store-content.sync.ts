import type { StoreContent } from '@bookstore/content';
import { loadOrders, syncCatalog } from './catalog.sync.js';
import type { Database } from './database.js';
import { syncHelpArticles } from './help-articles.sync.js';

export interface ContentSyncReport {
  articles: number;
  articlesRemoved: number;
  booksAdded: number;
  booksUpdated: number;
  ordersLoaded: number;
}

/**
 * Brings the database up to date with the store's content, in one transaction: at every boot of
 * the gateway and by `npm run content:import`, so what the folder says is what the page and the
 * bot say. The demo orders load only when `orders` is set and the store has no order yet.
 */
export async function syncStoreContent(
  db: Database,
  content: StoreContent,
  options: { orders: boolean },
): Promise<ContentSyncReport> {
  return db.transaction(async (tx) => {
    const help = await syncHelpArticles(tx, content);
    const books = await syncCatalog(tx, content.catalog);
    const ordersLoaded =
      options.orders && content.orders ? await loadOrders(tx, content.orders) : 0;
    return {
      articles: help.articles,
      articlesRemoved: help.removed,
      booksAdded: books.added,
      booksUpdated: books.updated,
      ordersLoaded,
    };
  });
}
