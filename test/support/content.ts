import {
  DEFAULT_CONTENT_DIR,
  fillStoreFacts,
  loadStoreContent,
  type ContentArticle,
} from '@bookstore/content';
import {
  CANNED_RESPONSES as RULES_CANNED,
  LLM_FAILURE_RESPONSE as RULES_LLM_FAILURE,
  text,
  type Language,
  type TextKey,
} from '@bookstore/intents';

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

/**
 * The plan's canned answers as the demo store gives them: its facts filled in, and the fact
 * answers (shipping, returns, payment) from its `intent` articles, which state the plan's sentences.
 */
export const CANNED_RESPONSES: Readonly<Record<keyof typeof RULES_CANNED, string>> = {
  ...(Object.fromEntries(
    Object.entries(RULES_CANNED).map(([k, v]) => [k, fillStoreFacts(v, DEMO.profile, 'en')]),
  ) as Record<keyof typeof RULES_CANNED, string>),
  shipping: demoFact('shipping'),
  returns: demoFact('returns'),
  payment: demoFact('payment'),
};

/** The LLM failure text as the demo store's shopper reads it. */
export const LLM_FAILURE_RESPONSE = fillStoreFacts(RULES_LLM_FAILURE, DEMO.profile, 'en');
