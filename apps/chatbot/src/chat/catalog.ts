import { Injectable } from '@nestjs/common';
import type { ProductDto } from '@bookstore/contracts';
import { normalize } from '@bookstore/intents';
import { BookstoreClient } from '../store-client/bookstore.client.js';

// The catalog changes rarely; a minute-old copy is fresh enough to recognise titles and authors.
const TTL_MS = 60_000;

/** Ignored at the start of a title when looking for it in a message ("The Time Machine"). */
const LEADING_ARTICLE = /^(the|a|an) /;

/**
 * The whole catalog, cached, to recognise the books and authors a shopper names. One request per
 * category (the API lists at most 50 books a call).
 */
@Injectable()
export class CatalogIndex {
  private cached?: { at: number; books: ProductDto[] };

  constructor(private readonly store: BookstoreClient) {}

  async books(): Promise<ProductDto[]> {
    if (this.cached && Date.now() - this.cached.at < TTL_MS) return this.cached.books;
    const categories = await this.store.categories();
    const lists = await Promise.all(
      categories.map((c) => this.store.products({ category: c.slug, limit: 50 })),
    );
    const books = lists.flat();
    this.cached = { at: Date.now(), books };
    return books;
  }

  /** Books whose title the message names, longest title first. */
  async titlesIn(message: string): Promise<ProductDto[]> {
    const text = ` ${normalize(message)} `;
    return (await this.books())
      .filter((b) => {
        const title = normalize(b.title);
        const short = title.replace(LEADING_ARTICLE, '');
        // A one-word title must be distinctive enough not to be an ordinary word in a question.
        if (short.length < 5) return false;
        return text.includes(` ${title} `) || text.includes(` ${short} `);
      })
      .sort((a, b) => b.title.length - a.title.length);
  }

  /**
   * The author the message names: the full name, or the surname after "by", "from" or "author"
   * ("anything by Austen").
   */
  async authorIn(message: string): Promise<string | undefined> {
    const text = ` ${normalize(message)} `;
    const authors = [...new Set((await this.books()).map((b) => b.author))];
    const full = authors.find((a) => text.includes(` ${normalize(a)} `));
    if (full) return full;
    if (!/\b(by|from|author|writer|written)\b/i.test(message)) return undefined;
    return authors.find((a) => {
      const surname = normalize(a).split(' ').at(-1) ?? '';
      return surname.length >= 4 && text.includes(` ${surname} `);
    });
  }
}
