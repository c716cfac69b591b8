import { readFileSync } from 'node:fs';
import { json } from './http.js';

/**
 * The shopper conversation suites (format in test/fixtures/conversations/CONVERSATIONS.md): each
 * conversation in a fresh session through the gateway's POST /api/chat, each turn judged on its
 * answer. Shared by the demo store's suites and by the suites of other stores' content folders.
 */

export interface BooksExpect {
  /** The shelf: its slug, or its display name as the store's catalog.csv writes it. */
  category?: string;
  notCategory?: string;
  author?: string;
  title?: string;
  bestseller?: boolean;
  fresh?: boolean;
}

export interface Expect {
  intent?: string;
  match?: string[];
  any?: string[];
  none?: string[];
  books?: BooksExpect;
  lang?: string;
}

export interface Conversation {
  id: string;
  turns: Array<{ user: string; expect: Expect }>;
}

export interface Book {
  id: number;
  title: string;
  author: string;
  /** The shelf's slug. */
  category: string;
  /** The shelf's display name, from GET /api/categories. */
  categoryName?: string;
  bestseller: boolean;
}

export interface SuiteResult {
  name: string;
  right: number;
  total: number;
  langRight: number;
  langTotal: number;
  score: number;
  misses: string[];
  /** The printed summary: the score, then every wrong turn with its answer. */
  report: string;
}

export function readSuite(file: string): Conversation[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Conversation);
}

// "at least three of its common short words" (CONVERSATIONS.md).
const COMMON_WORDS: Record<string, string[]> = {
  fr: 'le la les un une des et est pour vous nous pas dans sur avec de du que qui au en votre ce'.split(
    ' ',
  ),
  de: 'der die das und ist nicht ein eine mit für sie wir zu den dem ich es auf im kann ihr'.split(
    ' ',
  ),
  es: 'el la los las y es para usted no en con de que un una por su se lo al del'.split(' '),
};

const regex = (source: string) => new RegExp(source, 'i');
const responseOf = (body: Record<string, unknown>): string =>
  typeof body.response === 'string' ? body.response : '';

/** Catalog books named in the text by their exact title. */
function namedBooks(text: string, catalog: Book[]): Book[] {
  return catalog.filter((b) => text.includes(b.title));
}

const onShelf = (book: Book, shelf: string): boolean =>
  book.category === shelf || book.categoryName === shelf;

/** Why the turn is wrong, or an empty list when it is right. */
export function judge(
  expect: Expect,
  answer: { status: number; body: Record<string, unknown> },
  catalog: Book[],
  namedBefore: Set<number>,
): string[] {
  if (answer.status !== 200) return [`HTTP ${answer.status}`];
  const text = responseOf(answer.body);
  const wrong: string[] = [];
  if (expect.intent !== undefined && answer.body.intent !== expect.intent)
    wrong.push(`intent ${String(answer.body.intent)}, not ${expect.intent}`);
  for (const m of expect.match ?? []) if (!regex(m).test(text)) wrong.push(`no /${m}/`);
  if (expect.any && !expect.any.some((m) => regex(m).test(text)))
    wrong.push(`none of ${expect.any.map((m) => `/${m}/`).join(' ')}`);
  for (const m of expect.none ?? []) if (regex(m).test(text)) wrong.push(`has /${m}/`);
  if (expect.books) {
    const named = namedBooks(text, catalog);
    const b = expect.books;
    if (named.length === 0) wrong.push('names no catalog book');
    else {
      if (b.category && !named.every((x) => onShelf(x, b.category!)))
        wrong.push(`a book outside ${b.category}`);
      if (b.notCategory && named.some((x) => onShelf(x, b.notCategory!)))
        wrong.push(`a book in ${b.notCategory}`);
      if (b.author && !named.some((x) => x.author === b.author)) wrong.push(`none by ${b.author}`);
      if (b.title && !named.some((x) => x.title === b.title)) wrong.push(`not ${b.title}`);
      if (b.bestseller && !named.every((x) => x.bestseller)) wrong.push('a book not a bestseller');
      if (b.fresh && named.some((x) => namedBefore.has(x.id))) wrong.push('repeats a book');
    }
  }
  if (expect.lang) {
    const words = new Set(text.toLowerCase().match(/\p{L}+/gu) ?? []);
    const common = (COMMON_WORDS[expect.lang] ?? []).filter((w) => words.has(w));
    if (common.length < 3) wrong.push(`not ${expect.lang}`);
  }
  return wrong;
}

/** Every book of the store as its API lists them, shelf by shelf, with the shelf's name. */
export async function fetchCatalog(gatewayUrl: string): Promise<Book[]> {
  const categories = await json(`${gatewayUrl}/api/categories`);
  const shelves = categories.body.items as Array<{ slug: string; name?: string }>;
  const lists = await Promise.all(
    shelves.map((c) => json(`${gatewayUrl}/api/products?category=${c.slug}&limit=50`)),
  );
  return lists.flatMap((l, i) =>
    (l.body.items as Book[]).map((book) => ({ ...book, categoryName: shelves[i].name })),
  );
}

/** Plays every conversation of the suite file against the gateway and scores its turns. */
export async function runSuite(
  gatewayUrl: string,
  file: string,
  catalog: Book[],
): Promise<SuiteResult> {
  const name = file.split('/').at(-1)!;
  let right = 0;
  let total = 0;
  let langRight = 0;
  let langTotal = 0;
  const misses: string[] = [];
  for (const conversation of readSuite(file)) {
    let sessionId: string | undefined;
    const namedBefore = new Set<number>();
    for (const [i, turn] of conversation.turns.entries()) {
      const answer = await json(`${gatewayUrl}/api/chat`, 'POST', {
        message: turn.user,
        ...(sessionId ? { session_id: sessionId } : {}),
      });
      sessionId = (answer.body.session_id as string | undefined) ?? sessionId;
      const wrong = judge(turn.expect, answer, catalog, namedBefore);
      for (const b of namedBooks(responseOf(answer.body), catalog)) namedBefore.add(b.id);
      // Turns in other languages count like any other (issue #16); their share is printed too.
      total++;
      if (wrong.length === 0) right++;
      if (turn.expect.lang) {
        langTotal++;
        if (wrong.length === 0) langRight++;
      }
      if (wrong.length > 0) {
        misses.push(
          `  ${conversation.id}#${i + 1}${turn.expect.lang ? ' (lang)' : ''} ${JSON.stringify(turn.user)}: ` +
            `${wrong.join('; ')}\n      -> ${responseOf(answer.body).replace(/\n/g, ' / ')}`,
        );
      }
    }
  }
  const score = total === 0 ? 0 : right / total;
  const report = [
    `${name}: ${right}/${total} turns right, score ${score.toFixed(3)} ` +
      `(of them in another language than English: ${langRight}/${langTotal})`,
    `misses (${misses.length}):`,
    ...misses,
  ].join('\n');
  return { name, right, total, langRight, langTotal, score, misses, report };
}
