import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PUBLIC_DIR } from './store-page.js';

/*
 * The store page and the widget say nothing about the store of their own: its name, address,
 * hours, prices and policies come from the API (GET /api/store, /api/products, /api/help). These
 * are the demo store's facts (content/store.yaml and its help articles), which must not be copied
 * into the files a shopper's browser loads.
 */
const DEMO_FACTS = [
  'Chapter & Verse',
  'Chapter &amp; Verse',
  'support@bookstore.com',
  '30 days',
  '$4.99',
  '9 am to 5 pm',
  '1 business day',
  'Eastern',
  'USD',
  'since 1998',
];

const WIDGET_DIR = fileURLToPath(new URL('../../widget', import.meta.url));
// Built from the widget's sources, which are checked instead.
const BUILT = new Set(['widget.js', 'widget.js.map']);

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(html|js|css|ts)$/.test(e.name) && !e.name.endsWith('.spec.ts'))
    .filter((e) => !BUILT.has(e.name))
    .map((e) => join(e.parentPath, e.name));
}

describe('the files the shopper loads', () => {
  it('state no store fact of their own', () => {
    const files = [...sources(PUBLIC_DIR), ...sources(WIDGET_DIR)];
    expect(files.length).toBeGreaterThan(20);
    const found = files.flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      return DEMO_FACTS.filter((fact) => text.includes(fact)).map((fact) => `${file}: ${fact}`);
    });
    expect(found).toEqual([]);
  });
});
