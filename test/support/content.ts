import { DEFAULT_CONTENT_DIR, loadStoreContent, type ContentArticle } from '@bookstore/content';

/** The repository's demo store (content/), as the apps load it by default. */
export const DEMO = loadStoreContent(DEFAULT_CONTENT_DIR);

/** The help center's articles: the default language's, in the help center's order. */
export const HELP_ARTICLES: readonly ContentArticle[] = DEMO.articles.filter(
  (a) => a.language === DEMO.profile.defaultLanguage,
);

/** An article in a language. */
export function helpArticle(slug: string, language = DEMO.profile.defaultLanguage): ContentArticle {
  const found = DEMO.articles.find((a) => a.slug === slug && a.language === language);
  if (!found) throw new Error(`no article ${language}/${slug} in the demo content`);
  return found;
}
