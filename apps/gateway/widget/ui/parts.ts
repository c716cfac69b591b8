import { MAX_BOOKS, MAX_LINKS, MAX_SUGGESTIONS } from '../config.js';
import type { Widget } from '../context.js';
import { el } from '../dom.js';
import { linkAttrs } from '../urls.js';
import type { Message } from './messages.js';

/* The rich parts of an answer: book cards, links, quick replies. Built element by element. */

interface Book {
  title: string;
  author?: unknown;
  category?: unknown;
  price?: unknown;
  url?: unknown;
}

interface Link {
  label: string;
  url?: unknown;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object';
}

function hasText(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

function strings(value: unknown, max: number, limit: number): string[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter((item): item is string => hasText(item) && item.length <= limit)
    .map((item) => item.trim())
    .slice(0, max);
}

function listOf<T>(value: unknown, key: 'title' | 'label', max: number): T[] {
  if (!Array.isArray(value)) return [];
  return value.filter((item) => isObject(item) && hasText(item[key])).slice(0, max) as T[];
}

function bookCard(ctx: Widget, book: Book): HTMLLIElement {
  const href = ctx.origins.resolve(book.url);
  const details: string[] = [];
  if (hasText(book.category)) details.push(book.category.replace(/-/g, ' '));
  const price = typeof book.price === 'number' ? ctx.texts.price(book.price) : null;
  if (price) details.push(price);
  const children: Node[] = [el('span', { className: 'bsc-card__title', text: book.title })];
  if (hasText(book.author)) {
    children.push(el('span', { className: 'bsc-card__author', text: book.author }));
  }
  if (details.length) {
    children.push(el('span', { className: 'bsc-card__details', text: details.join(' \u00b7 ') }));
  }
  const card = href
    ? el('a', { className: 'bsc-card', ...linkAttrs(href) }, children)
    : el('div', { className: 'bsc-card' }, children);
  return el('li', { className: 'bsc-cards__item' }, [card]);
}

function answerLink(ctx: Widget, link: Link): HTMLLIElement | null {
  const href = ctx.origins.resolve(link.url);
  if (!href) return null;
  const a = el('a', { className: 'bsc-link', ...linkAttrs(href) }, [
    el('span', { className: 'bsc-link__label', text: link.label }),
  ]);
  return el('li', { className: 'bsc-links__item' }, [a]);
}

/*
 * The text lists the books for clients without cards ("• Title by Author ($9.99)"); with the
 * cards shown, those lines would say everything twice, so they go. Other lines stay.
 */
function dropListedBooks(bubble: HTMLElement, books: Book[]): void {
  const holder = bubble.querySelector('.bsc-msg__text') ?? bubble;
  const textNode = Array.from(holder.childNodes).find(
    (n): n is Text => n.nodeType === Node.TEXT_NODE,
  );
  if (!textNode) return;
  const lines = textNode.data.split('\n');
  const kept = lines.filter(
    (line) => !(/^\s*[\u2022*-]\s/.test(line) && books.some((b) => line.includes(b.title))),
  );
  if (kept.length < lines.length && kept.join('').trim()) textNode.data = kept.join('\n').trim();
}

// Quick replies belong to the newest answer only; a tap sends the text as the shopper's message.
function showSuggestions(ctx: Widget, texts: string[]): void {
  ctx.log.clearSuggestions();
  if (!texts.length) return;
  const group = el('div', {
    className: 'bsc-suggestions',
    role: 'group',
    'aria-label': ctx.texts.word('suggestionsGroup'),
  });
  for (const text of texts) {
    const chip = el('button', { type: 'button', className: 'bsc-chip', text });
    chip.addEventListener('click', () => void ctx.actions.send(text));
    group.appendChild(chip);
  }
  ctx.log.insert(group);
}

/** Books and links go inside the answer's bubble; quick replies after it. */
export function renderParts(ctx: Widget, message: Message, parts: unknown): void {
  if (!isObject(parts)) return;
  const bubble = message.bubble;
  const books = listOf<Book>(parts.books, 'title', MAX_BOOKS);
  if (books.length) {
    dropListedBooks(bubble, books);
    const cards = books.map((book) => bookCard(ctx, book));
    bubble.appendChild(
      el('ul', { className: 'bsc-cards', 'aria-label': ctx.texts.word('booksGroup') }, cards),
    );
  }
  const links = listOf<Link>(parts.links, 'label', MAX_LINKS)
    .map((link) => answerLink(ctx, link))
    .filter((item): item is HTMLLIElement => item !== null);
  if (links.length) {
    bubble.appendChild(
      el('ul', { className: 'bsc-links', 'aria-label': ctx.texts.word('linksGroup') }, links),
    );
  }
  showSuggestions(ctx, strings(parts.suggestions, MAX_SUGGESTIONS, 80));
}
