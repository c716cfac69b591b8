import {
  checkStoreContent,
  DEFAULT_CONTENT_DIR,
  formatContentProblems,
  loadStoreContent,
} from '@bookstore/content';

/**
 * `npm run -s content:check -- DIR`: each problem of a store's content folder as
 * `file:line: message` and exit code 1, or a one-line summary and 0.
 */
export function checkContent(
  args: string[],
  env: Record<string, string | undefined>,
): { code: number; out: string; err: string } {
  const [dir = env.STORE_CONTENT_DIR || DEFAULT_CONTENT_DIR, ...extra] = args;
  if (extra.length > 0)
    return { code: 2, out: '', err: 'usage: npm run -s content:check -- [DIR]\n' };
  const problems = checkStoreContent(dir);
  if (problems.length > 0) {
    return {
      code: 1,
      out: `${formatContentProblems(dir, problems)}\n`,
      err: `content:check: ${problems.length} problem(s) in ${dir}\n`,
    };
  }
  const c = loadStoreContent(dir);
  const own = c.articles.filter((a) => a.language === c.profile.defaultLanguage).length;
  return {
    code: 0,
    out:
      `${dir}: fine. ${c.profile.name}, ${c.profile.languages.join('/')}, ${own} articles, ` +
      `${c.catalog.length} books, ${c.orders?.length ?? 'no'} demo orders.\n`,
    err: '',
  };
}
