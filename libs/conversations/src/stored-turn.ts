import type { AnswerParts, BookCard, ChatLink } from '@bookstore/contracts';
import type { Turn } from './session.types.js';

/*
 * A turn read back from the store. Its answer parts (quick replies, book cards, links) go to the
 * widget again after a reload, so what was stored is checked and bounded like the rest of the
 * stored state: a part that is not well formed is left out, never passed on, never an error.
 */

/** The most of each part a stored answer brings back (answers carry fewer). */
export const STORED_PARTS_MAX = { suggestions: 8, books: 10, links: 8 } as const;
const TEXT_MAX = 300;
const URL_MAX = 2_048;

/** A stored turn as the store hands it out: null when it is not a turn at all. */
export function readStoredTurn(raw: unknown): Turn | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null;
  const { suggestions, books, links, ...rest } = raw as Record<string, unknown>;
  if (!Number.isInteger(rest.turn)) return null;
  return { ...(rest as unknown as Turn), ...readAnswerParts({ suggestions, books, links }) };
}

/** The well-formed parts, each list bounded; an empty list is left out. */
export function readAnswerParts(raw: Record<string, unknown>): AnswerParts {
  const parts: AnswerParts = {};
  const suggestions = listOf(raw.suggestions, STORED_PARTS_MAX.suggestions, (s) =>
    isText(s) ? s : null,
  );
  if (suggestions.length) parts.suggestions = suggestions;
  const books = listOf(raw.books, STORED_PARTS_MAX.books, readBook);
  if (books.length) parts.books = books;
  const links = listOf(raw.links, STORED_PARTS_MAX.links, readLink);
  if (links.length) parts.links = links;
  return parts;
}

function listOf<T>(raw: unknown, max: number, read: (item: unknown) => T | null): T[] {
  if (!Array.isArray(raw)) return [];
  const out: T[] = [];
  for (const item of raw) {
    const value = read(item);
    if (value !== null) out.push(value);
    if (out.length === max) break;
  }
  return out;
}

function readBook(raw: unknown): BookCard | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const b = raw as Record<string, unknown>;
  if (
    !isText(b.title) ||
    !isText(b.author) ||
    !isText(b.category) ||
    typeof b.price !== 'number' ||
    !Number.isFinite(b.price) ||
    b.price < 0 ||
    !isUrl(b.url)
  ) {
    return null;
  }
  return { title: b.title, author: b.author, price: b.price, category: b.category, url: b.url };
}

function readLink(raw: unknown): ChatLink | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const l = raw as Record<string, unknown>;
  return isText(l.label) && isUrl(l.url) ? { label: l.label, url: l.url } : null;
}

function isText(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '' && value.length <= TEXT_MAX;
}

// What answers link to: a path on the store page, an http(s) page or a mailto address.
function isUrl(value: unknown): value is string {
  if (typeof value !== 'string' || value.length > URL_MAX) return false;
  if (/^\/(?![/\\])/.test(value)) return true;
  return /^(https?:\/\/|mailto:)[^\s]+$/i.test(value);
}
