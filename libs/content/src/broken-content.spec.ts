import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { checkStoreContent, ContentInvalidError, loadStoreContent } from './index.js';

const DEMO = resolve(import.meta.dirname, '../../../content');

/** Edits one file of a copy of the demo folder: a function of its lines. */
type Fault = (dir: string) => void;
const edit =
  (file: string, change: (lines: string[]) => string[]): Fault =>
  (dir) => {
    const path = join(dir, file);
    writeFileSync(path, change(readFileSync(path, 'utf8').split('\n')).join('\n'));
  };
const replaceLine = (file: string, starts: string, by: string) =>
  edit(file, (lines) => lines.map((l) => (l.startsWith(starts) ? by : l)));
const lineOf = (file: string, starts: string) =>
  readFileSync(join(DEMO, file), 'utf8')
    .split('\n')
    .findIndex((l) => l.startsWith(starts)) + 1;

// One fault a folder: [what, fault, file, line, words of the message].
const CASES: Array<[string, Fault, string, number, string]> = [
  [
    'bad YAML in store.yaml',
    replaceLine('store.yaml', 'currency:', 'currency: USD: dollars'),
    'store.yaml',
    lineOf('store.yaml', 'currency:'),
    'bad YAML',
  ],
  [
    'a missing key',
    edit('help/en/price-matching.md', (lines) => lines.filter((l) => !l.startsWith('answer:'))),
    'help/en/price-matching.md',
    2,
    'missing key: answer',
  ],
  [
    'a key of the wrong type',
    replaceLine('help/en/newsletter.md', 'questions:', 'questions: Do you have a newsletter?'),
    'help/en/newsletter.md',
    lineOf('help/en/newsletter.md', 'questions:'),
    'questions must be a list of texts',
  ],
  [
    'an unknown topic',
    replaceLine('help/fr/gift-cards.md', 'topic:', 'topic: gifts'),
    'help/fr/gift-cards.md',
    lineOf('help/fr/gift-cards.md', 'topic:'),
    'unknown topic "gifts"',
  ],
  [
    'a duplicate slug',
    (dir) =>
      writeFileSync(
        join(dir, 'help/en/shipping-again.md'),
        '---\nslug: shipping-times\ntitle: Again\ntopic: shipping\nquestions: [How long?]\nanswer: Soon.\n---\n\nSoon.\n',
      ),
    'help/en/shipping-again.md',
    2,
    'duplicate slug "shipping-times"',
  ],
  [
    'two intent articles for one intent and language',
    replaceLine('help/de/shipping-cost.md', 'topic:', 'topic: shipping\nintent: shipping'),
    'help/de/shipping-cost.md',
    lineOf('help/de/shipping-cost.md', 'topic:') + 1,
    'a second "shipping" intent article in de',
  ],
  [
    'an unknown intent',
    replaceLine('help/en/gift-wrapping.md', 'topic:', 'topic: help\nintent: gifts'),
    'help/en/gift-wrapping.md',
    lineOf('help/en/gift-wrapping.md', 'topic:') + 1,
    'unknown intent "gifts"',
  ],
  [
    'a price that is not a number',
    edit('catalog.csv', (lines) =>
      lines.map((l, i) => (i === 4 ? l.replace(',14.99,', ',$14.99,') : l)),
    ),
    'catalog.csv',
    5,
    'price is not a number: "$',
  ],
  [
    'a CSV row with the wrong number of columns',
    edit('catalog.csv', (lines) =>
      lines.map((l, i) => (i === 9 ? l.split(',').slice(0, 4).join(',') : l)),
    ),
    'catalog.csv',
    10,
    '4 columns where the header has 9',
  ],
  [
    'a language with no articles',
    (dir) => rmSync(join(dir, 'help/de'), { recursive: true }),
    'store.yaml',
    lineOf('store.yaml', 'languages:'),
    'language de has no articles',
  ],
  [
    'a bad currency code',
    replaceLine('store.yaml', 'currency:', 'currency: DOLLARS'),
    'store.yaml',
    lineOf('store.yaml', 'currency:'),
    'currency is not an ISO 4217 code',
  ],
  [
    'empty languages',
    edit('store.yaml', (lines) => {
      const at = lines.findIndex((l) => l.startsWith('languages:'));
      return [...lines.slice(0, at), 'languages: []', ...lines.slice(at + 5)];
    }),
    'store.yaml',
    lineOf('store.yaml', 'languages:'),
    'languages is empty',
  ],
  [
    'a demo order of a book the catalog does not have',
    edit('orders.json', (lines) =>
      lines.map((l) => l.replace('"title": "A Garden of Small Hours"', '"title": "No Such Book"')),
    ),
    'orders.json',
    lineOf('orders.json', '        "title": "A Garden of Small Hours"') - 1,
    'order 123456: no book "No Such Book" in catalog.csv',
  ],
  [
    'a book twice in the catalog',
    edit('catalog.csv', (lines) => [...lines.slice(0, -1), lines[3], '']),
    'catalog.csv',
    72,
    'again (line 4 has it)',
  ],
  [
    'bad JSON in orders.json',
    edit('orders.json', (lines) => lines.map((l, i) => (i === 3 ? l.replace('",', '"') : l))),
    'orders.json',
    5,
    'bad JSON',
  ],
];

describe('a broken content folder', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it.each(CASES)('names %s with its file and line', (_what, fault, file, line, words) => {
    const dir = mkdtempSync(join(tmpdir(), 'content-'));
    dirs.push(dir);
    cpSync(DEMO, dir, { recursive: true });
    fault(dir);
    const problems = checkStoreContent(dir);
    expect(problems).toContainEqual({ file, line, message: expect.stringContaining(words) });
    expect(problems.length, JSON.stringify(problems)).toBeLessThanOrEqual(2);
    expect(() => loadStoreContent(dir)).toThrow(ContentInvalidError);
    expect(() => loadStoreContent(dir)).toThrow(`${dir}/${file}:${line}: `);
  });

  it('names a folder that is not there', () => {
    expect(checkStoreContent(join(tmpdir(), 'no-such-content'))).toEqual([
      { file: '.', line: 1, message: 'no such folder' },
    ]);
  });
});
