import type {
  HelpArticleDto,
  HelpMatchDto,
  OrderDetailsResponse,
  ProductDto,
} from '@bookstore/contracts';
import {
  StoreUnavailableError,
  type StoreApiClient,
} from '../src/store-client/store-api.client.js';

/**
 * The store client's boundary for the flows' specs: a few orders, books and help articles as the
 * store API hands them out, or a store that does not answer (`down`). Everything behind the client
 * (catalog index, help center, intents) is the real code.
 */
export interface StoreDouble {
  client: StoreApiClient;
  /** What the flows asked the store, in order. */
  calls: string[];
  down: boolean;
}

export const ORDER: OrderDetailsResponse = {
  order_id: '123456',
  status: 'shipped',
  updated_at: '2026-11-20T10:00:00.000Z',
  carrier: 'UPS',
  tracking_number: '1Z999',
  estimated_delivery: '2026-11-25',
  items: [],
};
export const OWNER = 'ann@example.com';

/** Whether the question has the word, singular or plural ("exchange" for exchanges). */
const has = (q: string, word: string): boolean => q.toLowerCase().includes(word.replace(/s$/, ''));

const article = (slug: string, topic: string, answer: string): HelpArticleDto => ({
  slug,
  topic,
  title: slug,
  questions: [],
  answer,
  body: answer,
});

export const ARTICLES: HelpArticleDto[] = [
  article('lost-or-late', 'order_status', 'A late parcel is traced with the carrier.'),
  article('order-number', 'order_status', 'Your order number is in the confirmation email.'),
  article('privacy-order-lookup', 'order_status', 'Orders are found by their number only.'),
  article('exchanges', 'returns', 'An exchange goes through a return.'),
  article('damaged-or-wrong-book', 'returns', 'Send us a photo; nothing needs to go back.'),
  article('gift-wrapping', 'help', 'We do not wrap gifts.'),
];

const book = (id: number, title: string, category: string, bestseller = false): ProductDto => ({
  id,
  title,
  author: `Author ${id}`,
  category,
  price: 10 + id,
  description: `${title}, a ${category} book.`,
  rating: 4,
  bestseller,
});

export const BOOKS: ProductDto[] = [
  book(1, 'The Quiet Harbor', 'mystery', true),
  book(2, 'Murder at Dusk', 'mystery'),
  book(3, 'Stars Beyond', 'science-fiction', true),
  book(4, 'Little Bear Sleeps', 'children'),
];

const CATEGORIES = ['mystery', 'science-fiction', 'children'].map((slug) => ({
  slug,
  name: slug,
  count: BOOKS.filter((b) => b.category === slug).length,
}));

export function storeDouble(): StoreDouble {
  const double: StoreDouble = {
    client: undefined as unknown as StoreApiClient,
    calls: [],
    down: false,
  };
  const answer = <T>(name: string, value: () => T): Promise<T> => {
    double.calls.push(name);
    return double.down
      ? Promise.reject(new StoreUnavailableError(`${name}: store down`))
      : Promise.resolve(value());
  };
  double.client = {
    orderStatus: (id: string) =>
      answer('orderStatus', () => (id === ORDER.order_id ? ORDER : null)),
    verifyOrder: (id: string, email: string) =>
      answer('verifyOrder', () =>
        id === ORDER.order_id && email === OWNER
          ? { kind: 'verified' as const, order: ORDER }
          : { kind: 'no_match' as const },
      ),
    helpArticles: () => answer('helpArticles', () => ARTICLES),
    helpSearch: (q: string) =>
      answer('helpSearch', () =>
        // An article matches on its slug's first word; more of its words rank it higher.
        ARTICLES.filter((a) => has(q, a.slug.split('-')[0]))
          .map((a): HelpMatchDto => {
            const matched = a.slug.split('-').filter((w) => has(q, w)).length;
            return { ...a, score: 0.5 + matched / 10, matched };
          })
          .sort((x, y) => y.score - x.score),
      ),
    catalog: () =>
      answer('catalog', () => ({
        kind: 'catalog' as const,
        etag: '"double"',
        catalog: { categories: CATEGORIES, items: BOOKS },
      })),
    categories: () => answer('categories', () => CATEGORIES),
    products: (search: { category?: string; bestseller?: boolean }) =>
      answer('products', () =>
        BOOKS.filter((b) => !search.category || b.category === search.category).filter(
          (b) => !search.bestseller || b.bestseller,
        ),
      ),
    createSupportRequest: () =>
      answer('createSupportRequest', () => ({
        kind: 'created' as const,
        reference: 'SR-1',
        expectedAnswer: 'within a day',
      })),
  } as unknown as StoreApiClient;
  return double;
}
