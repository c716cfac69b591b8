import { parse } from 'csv-parse/sync';
import type { CatalogRow, ContentProblem } from './content.types.js';

export const CATALOG_FILE = 'catalog.csv';

const REQUIRED = [
  'title',
  'author',
  'category',
  'price',
  'description',
  'rating',
  'bestseller',
] as const;
const OPTIONAL = ['isbn', 'age_min', 'age_max'] as const;
const ISBN = /^(97[89])?\d{9}[\dX]$/;

interface ParsedRecord {
  record: string[];
  info: { lines: number };
}

/** catalog.csv: a header row, then one book a row. */
export function readCatalog(text: string | undefined, problems: ContentProblem[]): CatalogRow[] {
  if (text === undefined) {
    problems.push({ file: CATALOG_FILE, line: 1, message: 'missing file: catalog.csv' });
    return [];
  }
  let records: ParsedRecord[];
  try {
    records = parse(text, {
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as unknown as ParsedRecord[];
  } catch (e) {
    const err = e as Error & { lines?: number };
    problems.push({ file: CATALOG_FILE, line: err.lines ?? 1, message: `bad CSV: ${err.message}` });
    return [];
  }
  const [header, ...rows] = records;
  if (!header) {
    problems.push({ file: CATALOG_FILE, line: 1, message: 'no header row' });
    return [];
  }
  const columns = header.record.map((c) => c.trim().toLowerCase());
  const missing = REQUIRED.filter((c) => !columns.includes(c));
  if (missing.length > 0) {
    problems.push({
      file: CATALOG_FILE,
      line: startLine(header),
      message: `header: missing column(s) ${missing.join(', ')} (needs ${REQUIRED.join(',')}; optional ${OPTIONAL.join(', ')})`,
    });
    return [];
  }
  const books: CatalogRow[] = [];
  const seen = new Map<string, number>();
  for (const row of rows) {
    const book = readRow(row, columns, problems);
    if (!book) continue;
    // The import matches a book by isbn, else by title and author: a second row would overwrite it.
    const key = book.isbn ?? `${book.title.toLowerCase()}\n${book.author.toLowerCase()}`;
    const first = seen.get(key);
    if (first !== undefined) {
      const what = book.isbn ? `isbn ${book.isbn}` : `"${book.title}" by ${book.author}`;
      problems.push({
        file: CATALOG_FILE,
        line: startLine(row),
        message: `${what} again (line ${first} has it)`,
      });
      continue;
    }
    seen.set(key, startLine(row));
    books.push(book);
  }
  return books;
}

/** The line a record starts on: csv-parse gives the line it ends on. */
function startLine(r: ParsedRecord): number {
  return r.info.lines - r.record.reduce((n, f) => n + (f.match(/\n/g)?.length ?? 0), 0);
}

function readRow(
  row: ParsedRecord,
  columns: string[],
  problems: ContentProblem[],
): CatalogRow | undefined {
  const line = startLine(row);
  const problem = (message: string) => problems.push({ file: CATALOG_FILE, line, message });
  if (row.record.length !== columns.length) {
    problem(`${row.record.length} columns where the header has ${columns.length}`);
    return undefined;
  }
  const cell = (name: string): string => row.record[columns.indexOf(name)]?.trim() ?? '';
  const before = problems.length;
  for (const name of ['title', 'author', 'category', 'description'] as const) {
    if (cell(name) === '') problem(`${name} is empty`);
  }
  const price = Number(cell('price'));
  if (!/^\d+(\.\d+)?$/.test(cell('price')) || !Number.isFinite(price)) {
    problem(`price is not a number: "${cell('price')}"`);
  }
  const rating = cell('rating') === '' ? null : Number(cell('rating'));
  if (rating !== null && !(rating >= 0 && rating <= 5)) {
    problem(`rating must be a number from 0 to 5, or empty: "${cell('rating')}"`);
  }
  const bestseller = cell('bestseller').toLowerCase();
  if (!['true', 'false', ''].includes(bestseller)) {
    problem(`bestseller must be true or false: "${cell('bestseller')}"`);
  }
  const isbn = columns.includes('isbn') ? cell('isbn').replace(/[\s-]/g, '') : '';
  if (isbn !== '' && !ISBN.test(isbn)) problem(`isbn is not an ISBN-10 or ISBN-13: "${isbn}"`);
  const ageMin = age(cell, columns, 'age_min', problem);
  const ageMax = age(cell, columns, 'age_max', problem);
  if (ageMin !== undefined && ageMax !== undefined && ageMin > ageMax) {
    problem(`age_min (${ageMin}) is over age_max (${ageMax})`);
  }
  if (problems.length > before) return undefined;
  return {
    title: cell('title'),
    author: cell('author'),
    category: cell('category'),
    price,
    description: cell('description'),
    rating,
    bestseller: bestseller === 'true',
    ...(isbn !== '' ? { isbn } : {}),
    ...(ageMin !== undefined ? { ageMin } : {}),
    ...(ageMax !== undefined ? { ageMax } : {}),
  };
}

function age(
  cell: (name: string) => string,
  columns: string[],
  name: string,
  problem: (message: string) => void,
): number | undefined {
  if (!columns.includes(name) || cell(name) === '') return undefined;
  const n = Number(cell(name));
  if (!Number.isInteger(n) || n < 0 || n > 18) {
    problem(`${name} must be a whole number of years from 0 to 18: "${cell(name)}"`);
    return undefined;
  }
  return n;
}
