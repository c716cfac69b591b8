import type { ProductDto } from '@bookstore/contracts';
import { text, type Language } from '@bookstore/intents';
import { CatalogIndex, fitsAge, givesAges, hasAge } from '../../knowledge/catalog.js';
import { bookCards } from '../../dialogue/answer-parts.js';
import { languageOf, reply, withParts, type Reply } from '../../dialogue/reply.js';
import { MAX_SHOWN, type BookList, type DialogueState } from '../../dialogue/state.js';
import { recommendationText } from './book-answers.js';

export type ListKind = 'new' | 'more' | 'like' | 'author';

/** What a list is drawn from: the catalog, and the store's currency to price it in. */
export interface Shop {
  catalog: CatalogIndex;
  currency: string;
}

const LIST_SIZE = 3;
// What the catalog says of books for the youngest readers.
const PICTURE_BOOK = /\b(picture book|bedtime|toddlers?|board book)\b/i;

/** The next few books of a list, best fit first, none shown before in the conversation. */
export async function listBooks(
  { catalog, currency }: Shop,
  query: BookList,
  state: DialogueState,
  kind: ListKind,
  like?: string,
): Promise<Reply> {
  const all = await catalog.books();
  const categories = await catalog.categories();
  const seen = new Set(query.shown);
  const age = query.age !== undefined && all.some(hasAge) ? query.age : undefined;
  const ranged = new Set(categories.map((c) => c.slug).filter((slug) => givesAges(all, slug)));
  // A book's own range decides; one without goes to a reader only on the shelf asked for, when
  // that shelf mostly gives no ranges (a picture book there is not 'for no one').
  const forReader = (b: ProductDto): boolean =>
    age === undefined ||
    (hasAge(b) ? fitsAge(b, age) : query.category !== undefined && !ranged.has(b.category));
  const fitsFirst = (b: ProductDto): number => (age !== undefined && fitsAge(b, age) ? 1 : 0);
  const fit = new Map<number, number>();
  for (const b of all) fit.set(b.id, await fitness(catalog, b, query));
  const pool = all
    .filter((b) => (query.category ? b.category === query.category : true))
    .filter((b) => (query.author ? b.author === query.author : true))
    .filter((b) => (query.bestseller ? b.bestseller : true))
    .filter((b) => !(query.exclude ?? []).includes(b.category))
    .filter((b) => !seen.has(b.id))
    .filter(forReader)
    .filter((b) => (query.about ? (fit.get(b.id) ?? 0) > 0 : true))
    .sort(
      (a, b) =>
        (fit.get(b.id) ?? 0) - (fit.get(a.id) ?? 0) ||
        fitsFirst(b) - fitsFirst(a) ||
        byAppeal(a, b),
    );
  const picked = pool.slice(0, LIST_SIZE);
  const lang = languageOf(state);
  if (picked.length === 0) return reply(text(lang, 'books.none_left'), 'recommendation', state);
  const categoryName = categories.find((c) => c.slug === query.category)?.name;
  const shown = [...query.shown, ...picked.map((b) => b.id)].slice(-MAX_SHOWN);
  return withParts(
    reply(
      recommendationText(lang, picked, label(lang, query, kind, categoryName, like), currency),
      'recommendation',
      { ...state, books: { ...query, shown } },
    ),
    { books: bookCards(picked) },
  );
}

/** The line above the list: what it is. */
function label(
  lang: Language,
  query: BookList,
  kind: ListKind,
  categoryName: string | undefined,
  like: string | undefined,
): string {
  if (kind === 'new' && query.about) return text(lang, 'books.about', { subject: query.about });
  if (kind === 'more') return text(lang, 'books.more');
  if (kind === 'author') return text(lang, 'books.by_author', { author: query.author ?? '' });
  if (kind === 'like') {
    // A catalog book is not named again: the list is of other books.
    return text(lang, 'books.like', {
      like: query.shown.length > 0 ? text(lang, 'books.like_that_one') : (like ?? ''),
      category: categoryName ?? text(lang, 'books.our_shelves'),
    });
  }
  if (query.bestseller) {
    return categoryName
      ? text(lang, 'books.bestsellers_in', { category: categoryName })
      : text(lang, 'books.bestsellers');
  }
  return categoryName
    ? text(lang, 'books.picks_from', { category: categoryName })
    : text(lang, 'books.readers_love');
}

/** How well a book fits what the list is about and who it is for (0 when nothing is asked). */
async function fitness(catalog: CatalogIndex, book: ProductDto, query: BookList): Promise<number> {
  let fit = query.terms ? await catalog.relevance(book, query.terms) : 0;
  if (query.age !== undefined && PICTURE_BOOK.test(book.description)) {
    fit += query.age <= 5 ? 1 : query.age >= 8 ? -1 : 0;
  }
  return fit;
}

/** Bestsellers first, then the best rated: the order the store API uses. */
function byAppeal(a: ProductDto, b: ProductDto): number {
  if (a.bestseller !== b.bestseller) return a.bestseller ? -1 : 1;
  return b.rating - a.rating || a.id - b.id;
}
