import { Injectable } from '@nestjs/common';
import type { CategoryDto, ProductDto } from '@bookstore/contracts';
import { normalize } from '@bookstore/intents';
import { BookstoreClient } from '../store-client/bookstore.client.js';
import { KeptCopy } from './kept-copy.js';

// The catalog changes rarely; a minute-old copy is fresh enough to recognise titles and authors.
const TTL_MS = 60_000;

/** Ignored at the start of a title when looking for it in a message ("The Time Machine"). */
const LEADING_ARTICLE = /^(the|a|an) /;

/** The catalog with its titles and authors normalized once per copy, not once per message. */
interface Indexed {
  categories: CategoryDto[];
  books: ProductDto[];
  titles: Array<{ book: ProductDto; title: string; short: string }>;
  authors: Array<{ name: string; full: string; surname: string }>;
}

/**
 * The whole catalog, kept (see KeptCopy: a turn never waits for a refresh), to recognise the books
 * and authors a shopper names. One request per category (the API lists at most 50 books a call).
 */
@Injectable()
export class CatalogIndex {
  private readonly copy: KeptCopy<Indexed>;

  constructor(private readonly store: BookstoreClient) {
    this.copy = new KeptCopy('catalog', () => this.load(), TTL_MS);
  }

  async books(): Promise<ProductDto[]> {
    return (await this.copy.get()).books;
  }

  /** The categories, from the same kept copy (a turn about books asked the store each time). */
  async categories(): Promise<CategoryDto[]> {
    return (await this.copy.get()).categories;
  }

  /** Books whose title the message names, longest title first. */
  async titlesIn(message: string): Promise<ProductDto[]> {
    const text = ` ${normalize(message)} `;
    return (await this.copy.get()).titles
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
    const { authors } = await this.copy.get();
    const full = authors.find((a) => text.includes(` ${a.full} `));
    if (full) return full.name;
    if (!/\b(by|from|author|writer|written)\b/i.test(message)) return undefined;
    return authors.find((a) => a.surname.length >= 4 && text.includes(` ${a.surname} `))?.name;
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
    return { categories, books, titles, authors };
  }
}
