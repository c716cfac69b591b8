import type { CategoryDto, ProductDto } from '@bookstore/contracts';
import { text, type Language } from '@bookstore/intents';

/** Shopper-facing texts for the book answers, in the conversation's language. */

/** US dollars, written the way the shopper's language writes an amount. */
export function price(language: Language, amount: number): string {
  return language === 'en'
    ? `$${amount.toFixed(2)}`
    : new Intl.NumberFormat(language, { style: 'currency', currency: 'USD' }).format(amount);
}

export function titleText(language: Language, book: ProductDto, categoryName: string): string {
  return text(language, 'books.title', {
    title: book.title,
    author: book.author,
    price: price(language, book.price),
    category: categoryName,
  });
}

export function recommendationText(language: Language, books: ProductDto[], label: string): string {
  const lines = books.map((b) =>
    text(language, 'books.line', {
      title: b.title,
      author: b.author,
      price: price(language, b.price),
    }),
  );
  return `${label}\n${lines.join('\n')}`;
}

export function unknownCategoryText(
  language: Language,
  asked: string,
  categories: CategoryDto[],
): string {
  const names = categories.map((c) => c.name).join(', ');
  return text(language, 'books.unknown_category', { asked, names });
}
