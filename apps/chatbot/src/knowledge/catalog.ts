import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { CategoryDto, ProductDto } from '@bookstore/contracts';
import { findCategoryMentions, isFunctionWord, normalize, stem } from '@bookstore/intents';
import { StoreApiClient } from '../store-client/store-api.client.js';
import { KeptCopy } from './kept-copy.js';
import { Shelves, type ShelfMention } from './shelves.js';

// The catalog changes rarely; a minute-old copy is fresh enough to recognise titles and authors.
const TTL_MS = 60_000;

/** Ignored at the start of a title when looking for it in a message ("The Time Machine"). */
const LEADING_ARTICLE = /^(the|a|an) /;

/** The catalog with its titles and authors normalized once per copy, not once per message. */
interface Indexed {
  /** The store's ETag of this copy: asked with it, the store answers 304 while it is current. */
  etag?: string;
  categories: CategoryDto[];
  books: ProductDto[];
  titles: Array<{ book: ProductDto; title: string; short: string }>;
  authors: Array<{ name: string; full: string; surname: string }>;
  /** The stems of each book's title and description, by id. */
  words: Map<number, Set<string>>;
  /** In how many books each stem occurs. */
  spread: Map<string, number>;
  /** The shelves as shoppers name them, from this copy's own data. */
  shelves: Shelves;
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

/** Whether the catalog gives the book's readers' ages (the optional age_min/age_max). */
export function hasAge(book: ProductDto): boolean {
  return book.age_min !== undefined || book.age_max !== undefined;
}

/** Whether a reader of this age is in the book's range; a book with no range is in no one's. */
export function fitsAge(book: ProductDto, age: number): boolean {
  return hasAge(book) && (book.age_min ?? 0) <= age && age <= (book.age_max ?? Infinity);
}

/**
 * Whether the catalog gives readers' ages on most of a shelf's books: there, a book that gives none
 * is for no age asked; on a shelf that mostly gives none, no range says nothing of a book.
 */
export function givesAges(books: readonly ProductDto[], shelf: string): boolean {
  const on = books.filter((b) => b.category === shelf);
  return on.length > 0 && on.filter(hasAge).length * 2 >= on.length;
}

/** Bestsellers first, then the best rated: the order the store API uses. */
function byAppeal(a: ProductDto, b: ProductDto): number {
  if (a.bestseller !== b.bestseller) return a.bestseller ? -1 : 1;
  return b.rating - a.rating || a.id - b.id;
}

function stemsOf(text: string): string[] {
  return (normalize(text).match(/[a-z]+/g) ?? []).filter((w) => w.length >= 3).map(stem);
}

/**
 * The whole catalog, kept (see KeptCopy: a turn never waits for a refresh), to recognise the books
 * and authors a shopper names. One request for all of it (GET /api/catalog); a refresh sends the
 * copy's ETag and keeps the copy, indexed as it is, when the store answers 304. It is first read
 * as the chatbot starts, so a shopper's turn does not wait for it (nor spend its one call back
 * to the store on it); when the store is not up yet, the first turn that needs it reads it.
 */
@Injectable()
export class CatalogIndex implements OnApplicationBootstrap {
  private readonly copy: KeptCopy<Indexed>;

  constructor(private readonly store: StoreApiClient) {
    this.copy = new KeptCopy('catalog', (kept) => this.load(kept), TTL_MS);
  }

  onApplicationBootstrap(): void {
    // Not awaited: the chatbot serves without the store; a failure here is the first turn's retry.
    this.copy.get().catch(() => undefined);
  }

  async books(): Promise<ProductDto[]> {
    return (await this.copy.get()).books;
  }

  /** The categories, from the same kept copy (a turn about books asked the store each time). */
  async categories(): Promise<CategoryDto[]> {
    return (await this.copy.get()).categories;
  }

  /** The shelves the message names, in the catalog's own words or the shopper's (shelves.ts). */
  async shelvesIn(message: string): Promise<ShelfMention[]> {
    return (await this.copy.get()).shelves.find(message);
  }

  /** Whether the catalog gives readers' ages: on most of a shelf's books, or on any book at all. */
  async hasAges(shelf?: string): Promise<boolean> {
    const { books } = await this.copy.get();
    return shelf === undefined ? books.some(hasAge) : givesAges(books, shelf);
  }

  /** Whether some book's range of readers' ages holds this age. */
  async hasBooksFor(age: number): Promise<boolean> {
    return (await this.copy.get()).books.some((b) => fitsAge(b, age));
  }

  /** The catalog's shelf for a kind of book ("fantasy", "children"), if it has one. */
  async shelfOf(kind: string): Promise<string | undefined> {
    return (await this.copy.get()).shelves.resolve(kind);
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
    const { spread, shelves } = await this.copy.get();
    const terms: string[] = [];
    const words: string[] = [];
    for (const word of normalize(message).match(/[a-z]+/g) ?? []) {
      // A word that names a shelf ("mystery", "poetry") asks for the shelf, not for a subject.
      if (word.length < 3 || REQUEST_WORDS.has(word) || isFunctionWord(word)) continue;
      if (findCategoryMentions(word).length > 0 || shelves.find(word).length > 0) continue;
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
   * The books whose title, author or description has a word of the text, the best match first
   * (rarer words count more), then bestsellers and the best rated: the store's own search, on the
   * kept copy, so finding "something like X" or books for the LLM asks the store nothing.
   */
  async search(text: string, limit: number): Promise<ProductDto[]> {
    const { books, words, spread, authors } = await this.copy.get();
    const terms = [...new Set(stemsOf(text).filter((s) => !REQUEST_WORDS.has(s)))];
    if (terms.length === 0) return [];
    const named = new Set(
      authors.filter((a) => terms.some((t) => a.full.split(' ').some((w) => stem(w) === t))),
    );
    const score = (book: ProductDto): number =>
      terms.reduce(
        (sum, t) => (words.get(book.id)?.has(t) ? sum + 1 / (spread.get(t) ?? 1) : sum),
        0,
      ) + ([...named].some((a) => a.name === book.author) ? 1 : 0);
    return books
      .map((book) => ({ book, fit: score(book) }))
      .filter(({ fit }) => fit > 0)
      .sort((a, b) => b.fit - a.fit || byAppeal(a.book, b.book))
      .slice(0, limit)
      .map(({ book }) => book);
  }

  /** The catalog's bestsellers, bestsellers first as the store lists them. */
  async bestsellers(limit: number): Promise<ProductDto[]> {
    const { books } = await this.copy.get();
    return books
      .filter((b) => b.bestseller)
      .sort(byAppeal)
      .slice(0, limit);
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

  private async load(kept?: Indexed): Promise<Indexed> {
    const served = await this.store.catalog(kept?.etag);
    if (served.kind === 'unchanged' && kept) return kept;
    if (served.kind === 'unchanged') throw new Error('catalog: 304 without a kept copy');
    const { categories, items: books } = served.catalog;
    const etag = served.etag;
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
    const shelves = new Shelves(categories, books);
    return { etag, categories, books, titles, authors, words, spread, shelves };
  }
}
