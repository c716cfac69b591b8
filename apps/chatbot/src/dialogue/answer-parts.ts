import type { BookCard, ChatLink, ProductDto } from '@bookstore/contracts';
import { text, type Language } from '@bookstore/intents';

/**
 * The structured parts an answer can carry beside its text. One place builds them, so every answer
 * links books, help articles and tracking pages the same way, and only to http(s) or mailto URLs.
 */

// The store's address is filled in with its other facts on the way out (StoreFacts.fill).
export const supportLink = (language: Language = 'en'): ChatLink => ({
  label: text(language, 'link.support'),
  url: 'mailto:{support_email}',
});

/** What a shopper usually wants next, offered after a greeting or when the bot did not understand. */
export const STARTER_SUGGESTIONS: readonly string[] = Object.freeze([
  'Track my order',
  'Shipping',
  'Returns',
  'Recommend a book',
]);

export function starterSuggestions(language: Language): string[] {
  return (
    ['suggest.track', 'suggest.shipping', 'suggest.returns', 'suggest.recommend'] as const
  ).map((key) => text(language, key));
}

/** The anchor of a book on the store page (the page renders `id="book-<id>"` for each book). */
export const bookUrl = (book: Pick<ProductDto, 'id'>): string => `/#book-${book.id}`;

export function bookCards(books: readonly ProductDto[]): BookCard[] {
  return books.map((b) => ({
    title: b.title,
    author: b.author,
    price: b.price,
    category: b.category,
    url: bookUrl(b),
  }));
}

/** The help-center article on the store page (the page renders `id="help-<slug>"` for each). */
export const helpArticleLink = (article: { slug: string; title: string }): ChatLink => ({
  label: article.title,
  url: `/#help-${article.slug}`,
});

// The carriers' public tracking pages; an unknown carrier gets no link rather than a guess.
const TRACKING_PAGES: Record<string, (n: string) => string> = {
  ups: (n) => `https://www.ups.com/track?tracknum=${n}`,
  usps: (n) => `https://tools.usps.com/go/TrackConfirmAction?tLabels=${n}`,
  fedex: (n) => `https://www.fedex.com/fedextrack/?trknbr=${n}`,
  dhl: (n) => `https://www.dhl.com/us-en/home/tracking.html?tracking-id=${n}`,
};

export function trackingLink(
  carrier: string | null,
  trackingNumber: string | null,
  language: Language = 'en',
): ChatLink[] {
  if (!carrier || !trackingNumber) return [];
  const page = TRACKING_PAGES[carrier.toLowerCase()];
  if (!page) return [];
  return [
    {
      label: text(language, 'link.track_with', { carrier }),
      url: page(encodeURIComponent(trackingNumber)),
    },
  ];
}
