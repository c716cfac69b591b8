import { Injectable, Logger } from '@nestjs/common';
import type { CategoryDto, ProductDto } from '@bookstore/contracts';
import { normalize } from '@bookstore/intents';
import { BookstoreClient, StoreUnavailableError } from '../store-client/bookstore.client.js';

// The catalog changes rarely; a minute-old copy is fresh enough to recognise titles and authors.
const TTL_MS = 60_000;
/** After a failed refresh, the old copy is used this long before the store is asked again. */
const RETRY_MS = 10_000;

/** Ignored at the start of a title when looking for it in a message ("The Time Machine"). */
const LEADING_ARTICLE = /^(the|a|an) /;

/** The catalog with its titles and authors normalized once per copy, not once per message. */
interface Indexed {
  /** When this copy is refreshed (it is used until the refresh is done). */
  refreshAt: number;
  categories: CategoryDto[];
  books: ProductDto[];
  titles: Array<{ book: ProductDto; title: string; short: string }>;
  authors: Array<{ name: string; full: string; surname: string }>;
}

/**
 * The whole catalog, cached, to recognise the books and authors a shopper names. One request per
 * category (the API lists at most 50 books a call). Once loaded, a copy older than a minute is
 * still used while one refresh runs behind it: a turn never waits for the catalog's dozen
 * requests again (once a minute one did, ~70 ms before its first token), and turns that come
 * together share one load.
 */
@Injectable()
export class CatalogIndex {
  private readonly logger = new Logger(CatalogIndex.name);
  private cached?: Indexed;
  private loading?: Promise<Indexed>;

  constructor(private readonly store: BookstoreClient) {}

  async books(): Promise<ProductDto[]> {
    return (await this.indexed()).books;
  }

  /** The categories, from the same cached copy (a turn about books asked the store each time). */
  async categories(): Promise<CategoryDto[]> {
    return (await this.indexed()).categories;
  }

  /** Books whose title the message names, longest title first. */
  async titlesIn(message: string): Promise<ProductDto[]> {
    const text = ` ${normalize(message)} `;
    return (await this.indexed()).titles
      .filter(
        // A one-word title must be distinctive enough not to be an ordinary word in a question.
        ({ title, short }) =>
          short.length >= 5 && (text.includes(` ${title} `) || text.includes(` ${short} `)),
      )
      .map(({ book }) => book)
      .sort((a, b) => b.title.length - a.title.length);
  }

  /**
   * The author the message names: the full name, or the surname after "by", "from" or "author"
   * ("anything by Austen").
   */
  async authorIn(message: string): Promise<string | undefined> {
    const text = ` ${normalize(message)} `;
    const { authors } = await this.indexed();
    const full = authors.find((a) => text.includes(` ${a.full} `));
    if (full) return full.name;
    if (!/\b(by|from|author|writer|written)\b/i.test(message)) return undefined;
    return authors.find((a) => a.surname.length >= 4 && text.includes(` ${a.surname} `))?.name;
  }

  private async indexed(): Promise<Indexed> {
    const cached = this.cached;
    if (cached && Date.now() < cached.refreshAt) return cached;
    this.loading ??= this.load().then(
      (fresh) => {
        this.loading = undefined;
        return fresh;
      },
      (err: unknown) => {
        this.loading = undefined;
        if (!cached) throw err;
        this.refreshFailed(cached, err);
        return cached;
      },
    );
    return cached ?? this.loading;
  }

  /** The old copy stays, and is refreshed again a little later. */
  private refreshFailed(cached: Indexed, err: unknown): void {
    cached.refreshAt = Date.now() + RETRY_MS;
    if (err instanceof StoreUnavailableError) {
      this.logger.warn(`catalog refresh failed, the last copy stays: ${err.message}`);
    } else {
      this.logger.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
    }
  }

  private async load(): Promise<Indexed> {
    const categories = await this.store.categories();
    const lists = await Promise.all(
      categories.map((c) => this.store.products({ category: c.slug, limit: 50 })),
    );
    const books = lists.flat();
    const titles = books.map((book) => {
      const title = normalize(book.title);
      return { book, title, short: title.replace(LEADING_ARTICLE, '') };
    });
    const authors = [...new Set(books.map((b) => b.author))].map((name) => {
      const full = normalize(name);
      return { name, full, surname: full.split(' ').at(-1) ?? '' };
    });
    this.cached = { refreshAt: Date.now() + TTL_MS, categories, books, titles, authors };
    return this.cached;
  }
}
