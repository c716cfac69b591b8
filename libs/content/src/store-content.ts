import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { readCatalog, CATALOG_FILE } from './catalog.reader.js';
import {
  ContentInvalidError,
  type CatalogRow,
  type OrderSeed,
  type ContentArticle,
  type ContentProblem,
  type StoreContent,
} from './content.types.js';
import { keyLine, readArticle, type ArticleFile } from './help-articles.reader.js';
import { ITEM_LINES, readOrders, ORDERS_FILE } from './orders.reader.js';
import { readStoreProfile, STORE_FILE } from './store-profile.reader.js';

/** Reads a content folder (synchronously: apps read it once, at boot). Throws ContentInvalidError. */
export function loadStoreContent(dir: string): StoreContent {
  const { content, problems } = readStoreContent(dir);
  if (!content || problems.length > 0) throw new ContentInvalidError(dir, problems);
  return content;
}

/** Every problem of a content folder, each with its file and line; empty when it is fine. */
export function checkStoreContent(dir: string): ContentProblem[] {
  return readStoreContent(dir).problems;
}

function readStoreContent(dir: string): {
  content: StoreContent | undefined;
  problems: ContentProblem[];
} {
  const problems: ContentProblem[] = [];
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    return { content: undefined, problems: [{ file: '.', line: 1, message: 'no such folder' }] };
  }
  const read = (file: string) =>
    existsSync(join(dir, file)) ? readFileSync(join(dir, file), 'utf8') : undefined;
  const storeText = read(STORE_FILE);
  const profile = readStoreProfile(storeText, problems);
  const articles = readArticles(dir, profile?.languages, storeText, problems);
  const catalog = readCatalog(read(CATALOG_FILE), problems);
  const orders = readOrders(read(ORDERS_FILE), problems);
  checkOrderBooks(orders, catalog, problems);
  const ok = profile && problems.length === 0;
  return { content: ok ? { dir, profile, articles, catalog, orders } : undefined, problems };
}

function readArticles(
  dir: string,
  languages: string[] | undefined,
  storeText: string | undefined,
  problems: ContentProblem[],
): ContentArticle[] {
  const helpDir = join(dir, 'help');
  const folders = existsSync(helpDir)
    ? readdirSync(helpDir, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort()
    : [];
  const defaultLanguage = languages?.[0];
  const read: Array<{ source: ArticleFile; article: ContentArticle; order: number }> = [];
  for (const language of folders) {
    const names = readdirSync(join(helpDir, language))
      .filter((n) => n.endsWith('.md'))
      .sort();
    if (languages && !languages.includes(language)) {
      problems.push({
        file: `help/${language}`,
        line: 1,
        message: `language ${language} is not in store.yaml's languages: add it there or remove the folder`,
      });
      continue;
    }
    for (const name of names) {
      const file = `help/${language}/${name}`;
      const source = {
        file,
        language,
        name: name.slice(0, -3),
        text: readFileSync(join(helpDir, language, name), 'utf8'),
      };
      const got = readArticle(source, defaultLanguage, problems);
      if (got) read.push({ source, ...got });
    }
  }
  for (const language of languages ?? []) {
    const folder = join(helpDir, language);
    // Files with problems were named already; a language with no file at all is named here.
    if (!existsSync(folder) || !readdirSync(folder).some((n) => n.endsWith('.md'))) {
      problems.push({
        file: STORE_FILE,
        line: lineOfKey(storeText, 'languages'),
        message: `language ${language} has no articles: add help/${language}/<slug>.md files`,
      });
    }
  }
  const tried = new Set(
    defaultLanguage && folders.includes(defaultLanguage)
      ? readdirSync(join(helpDir, defaultLanguage)).map((n) => n.replace(/\.md$/, ''))
      : [],
  );
  checkAcrossFiles(read, defaultLanguage, tried, problems);
  return read
    .sort((a, b) => a.order - b.order || a.article.slug.localeCompare(b.article.slug))
    .map((r) => r.article);
}

/** What no single file shows: a slug twice, an intent twice, a translation of no article. */
function checkAcrossFiles(
  read: Array<{ source: ArticleFile; article: ContentArticle }>,
  defaultLanguage: string | undefined,
  tried: ReadonlySet<string>,
  problems: ContentProblem[],
): void {
  const groups = (key: (a: ContentArticle) => string | undefined) => {
    const by = new Map<string, Array<{ source: ArticleFile; article: ContentArticle }>>();
    for (const r of read) {
      const k = key(r.article);
      if (k) by.set(k, [...(by.get(k) ?? []), r]);
    }
    return [...by.values()].filter((g) => g.length > 1);
  };
  for (const group of groups((a) => `${a.language}/${a.slug}`)) {
    // The file named after the slug keeps it; the others took it with a `slug:` key.
    const owner = group.find((r) => r.source.name === r.article.slug) ?? group[0];
    for (const { source, article } of group.filter((r) => r !== owner)) {
      problems.push({
        file: source.file,
        line: keyLine(source, 'slug'),
        message: `duplicate slug "${article.slug}": ${owner.source.file} has it too`,
      });
    }
  }
  for (const group of groups((a) => a.intent && `${a.language}/${a.intent}`)) {
    for (const { source, article } of group) {
      const others = group.filter((r) => r.source !== source).map((r) => r.source.file);
      problems.push({
        file: source.file,
        line: keyLine(source, 'intent'),
        message: `a second "${article.intent}" intent article in ${article.language} (one only): ${others.join(', ')} has it too`,
      });
    }
  }
  if (!defaultLanguage) return;
  const own = new Map(
    read.filter((r) => r.article.language === defaultLanguage).map((r) => [r.article.slug, r]),
  );
  for (const { source, article } of read) {
    if (article.language === defaultLanguage) continue;
    const original = own.get(article.slug);
    // A default-language file that failed its own check was named already.
    if (!original && !tried.has(article.slug)) {
      problems.push({
        file: source.file,
        line: 1,
        message: `no article "${article.slug}" in the default language (help/${defaultLanguage}/) to translate`,
      });
    } else if (original && original.article.topic !== article.topic) {
      problems.push({
        file: source.file,
        line: keyLine(source, 'topic'),
        message: `topic "${article.topic}" differs from ${original.source.file} ("${original.article.topic}")`,
      });
    }
  }
}

/** Each book of a demo order is in catalog.csv (by isbn, else by title). */
function checkOrderBooks(
  orders: OrderSeed[] | undefined,
  catalog: CatalogRow[],
  problems: ContentProblem[],
): void {
  const isbns = new Set(catalog.flatMap((b) => (b.isbn ? [b.isbn] : [])));
  const titles = new Set(catalog.map((b) => b.title.toLowerCase()));
  for (const order of orders ?? []) {
    for (const item of order.items) {
      const found = item.isbn ? isbns.has(item.isbn) : titles.has(item.title!.toLowerCase());
      if (!found) {
        problems.push({
          file: ORDERS_FILE,
          line: ITEM_LINES.get(item) ?? 1,
          message: `order ${order.id}: no book ${item.isbn ? `with isbn ${item.isbn}` : `"${item.title}"`} in catalog.csv`,
        });
      }
    }
  }
}

function lineOfKey(text: string | undefined, key: string): number {
  const at = (text ?? '').split(/\r?\n/).findIndex((l) => l.startsWith(`${key}:`));
  return at < 0 ? 1 : at + 1;
}
