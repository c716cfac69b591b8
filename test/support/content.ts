import {
  DEFAULT_CONTENT_DIR,
  fillStoreFacts,
  loadStoreContent,
  type ContentArticle,
} from '@bookstore/content';
import { text, type Language, type TextKey } from '@bookstore/intents';

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

/** A rules text as the demo store's shopper reads it: its {support_email}, {support_hours}... filled. */
export function demoText(
  language: Language,
  key: TextKey,
  vars: Readonly<Record<string, string | number>> = {},
): string {
  return fillStoreFacts(text(language, key, vars), DEMO.profile, language);
}

/** The demo store's fact for shipping, returns or payment: its `intent` article's answer. */
export function demoFact(intent: 'shipping' | 'returns' | 'payment', language = 'en'): string {
  const found = DEMO.articles.find((a) => a.intent === intent && a.language === language);
  if (!found) throw new Error(`no ${intent} article in ${language} in the demo content`);
  return found.answer;
}
