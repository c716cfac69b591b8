import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The demo store's facts live in content/ only (issue #23, "any bookstore"): the product's code,
 * pages and texts use placeholders and the store content. Specs and test fixtures may name them.
 */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DEMO_FACTS = [
  '30 days',
  '$4.99',
  'support@bookstore.com',
  'Chapter & Verse',
  'Chapter &amp; Verse',
];

function* files(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!['node_modules', 'test', 'fixtures', 'dist'].includes(entry.name)) yield* files(path);
    } else if (!/\.(spec|e2e-spec)\.ts$/.test(entry.name)) {
      yield path;
    }
  }
}

describe('the demo store facts', () => {
  it('appear nowhere in apps/ or libs/ but in specs and test fixtures', () => {
    const hits: string[] = [];
    for (const top of ['apps', 'libs']) {
      for (const file of files(join(ROOT, top))) {
        readFileSync(file, 'utf8')
          .split('\n')
          .forEach((line, i) => {
            for (const fact of DEMO_FACTS) {
              if (line.includes(fact)) hits.push(`${relative(ROOT, file)}:${i + 1}: ${fact}`);
            }
          });
      }
    }
    expect(hits, hits.join('\n')).toEqual([]);
  });
});
