import { Injectable } from '@nestjs/common';
import type { CategoryDto, ProductDto } from '@bookstore/contracts';
import { findCategoryMentions, isFunctionWord, normalize, stem } from '@bookstore/intents';
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
  /** The stems of each book's title and description, by id. */
  words: Map<number, Set<string>>;
  /** In how many books each stem occurs. */
  spread: Map<string, number>;
}

/**
 * A subject is a word a few books are about (one that half the catalog has says nothing); within
 * a shelf, a word more books share still puts the ones that have it first ("ocean" for a child).
 */
const SUBJECT_MAX_BOOKS = 5;
export const RANKING_MAX_BOOKS = 15;
/** Words of a request for books that name no subject ("any good books for my son who likes"). */
const REQUEST_WORDS = new Set(
  `a an the and or of for to in on at by with about any some good great nice best book books read
  reading reader readers novel novels story stories title titles recommend recommendation suggest
  suggestion like likes liked love loves loved enjoy enjoys into fan fans want wants looking find
  something anything everything please me my our your his her their he she they him them it is are
  who what which that this there have has do does can could would should get got year years old
  son daughter kid kids child children boy girl nephew niece grandson granddaughter grandchild
  baby toddler teen teenager age aged also really very more other others new all`.split(/\s+/),
);

function stemsOf(text: string): string[] {
  return (normalize(text).match(/[a-z]+/g) ?? []).filter((w) => w.length >= 3).map(stem);
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
   * What the message asks books to be about, as catalog words few books share ("birds", "space"),
   * with the words as the shopper wrote them; undefined when it names none.
   */
  async subjectIn(
    message: string,
    maxBooks = SUBJECT_MAX_BOOKS,
  ): Promise<{ terms: string[]; words: string[] } | undefined> {
    const { spread } = await this.copy.get();
    const terms: string[] = [];
    const words: string[] = [];
    for (const word of normalize(message).match(/[a-z]+/g) ?? []) {
      // A word that names a shelf ("mystery", "poetry") asks for the shelf, not for a subject.
      if (word.length < 3 || REQUEST_WORDS.has(word) || isFunctionWord(word)) continue;
      if (findCategoryMentions(word).length > 0) continue;
      const s = stem(word);
      const books = spread.get(s) ?? 0;
      if (books === 0 || books > maxBooks || terms.includes(s)) continue;
      terms.push(s);
      words.push(word);
    }
    return terms.length > 0 ? { terms, words } : undefined;
  }

  /** A category's own words: those of its books that no book of another category has. */
  async themeOf(category: string): Promise<string[]> {
    const { books, words } = await this.copy.get();
    const inside = new Set<string>();
    const outside = new Set<string>();
    for (const book of books) {
      for (const w of words.get(book.id) ?? [])
        (book.category === category ? inside : outside).add(w);
    }
    return [...inside].filter((w) => !outside.has(w));
  }

  /** How much a book is about the terms: the rarer a term in the catalog, the more it counts. */
  async relevance(book: ProductDto, terms: readonly string[]): Promise<number> {
    const { words, spread } = await this.copy.get();
    const own = words.get(book.id);
    if (!own) return 0;
    return terms.reduce((sum, t) => (own.has(t) ? sum + 1 / (spread.get(t) ?? 1) : sum), 0);
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
    const words = new Map<number, Set<string>>();
    const spread = new Map<string, number>();
    for (const book of books) {
      const own = new Set(stemsOf(`${book.title} ${book.description}`));
      words.set(book.id, own);
      for (const w of own) spread.set(w, (spread.get(w) ?? 0) + 1);
    }
    return { categories, books, titles, authors, words, spread };
  }
}
