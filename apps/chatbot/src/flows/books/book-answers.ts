import type { CategoryDto, ProductDto } from '@bookstore/contracts';
import { text, type Language } from '@bookstore/intents';

/** Shopper-facing texts for the book answers, in the conversation's language. */

/** An amount in the store's currency (its content's), written as the shopper's language does. */
export function price(language: Language, amount: number, currency: string): string {
  return new Intl.NumberFormat(language, { style: 'currency', currency }).format(amount);
}

export function titleText(
  language: Language,
  book: ProductDto,
  categoryName: string,
  currency: string,
): string {
  return text(language, 'books.title', {
    title: book.title,
    author: book.author,
    price: price(language, book.price, currency),
    category: categoryName,
  });
}

export function recommendationText(
  language: Language,
  books: ProductDto[],
  label: string,
  currency: string,
): string {
  const lines = books.map((b) =>
    text(language, 'books.line', {
      title: b.title,
      author: b.author,
      price: price(language, b.price, currency),
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
