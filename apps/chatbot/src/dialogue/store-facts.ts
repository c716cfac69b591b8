import { Inject, Injectable } from '@nestjs/common';
import {
  fillStoreFacts,
  STORE_CONTENT,
  type ContentArticle,
  type FactIntent,
  type StoreContent,
} from '@bookstore/content';
import type { ChatLink } from '@bookstore/contracts';
import type { Language } from '@bookstore/intents';
import type { Reply } from './reply.js';

/**
 * The store's own facts (its content folder): the one place the chatbot's replies get the store's
 * name, support address and hours (`fill`), and where the facts the rules state come from.
 */
@Injectable()
export class StoreFacts {
  constructor(@Inject(STORE_CONTENT) private readonly content: StoreContent) {}

  get supportEmail(): string {
    return this.content.profile.supportEmail;
  }

  get name(): string {
    return this.content.profile.name;
  }

  /** The ISO 4217 code the catalog's prices are in. */
  get currency(): string {
    return this.content.profile.currency;
  }

  /** A reply with its {store_name} {support_email} {support_hours} {answer_within} filled. */
  fill(reply: Reply, language: Language): Reply {
    const fill = (text: string) => fillStoreFacts(text, this.content.profile, language);
    const link = (l: ChatLink): ChatLink => ({ label: fill(l.label), url: fill(l.url) });
    const parts = reply.parts && {
      ...reply.parts,
      ...(reply.parts.suggestions && { suggestions: reply.parts.suggestions.map(fill) }),
      ...(reply.parts.links && { links: reply.parts.links.map(link) }),
    };
    return { ...reply, response: fill(reply.response), ...(parts && { parts }) };
  }

  /**
   * Whether the article is one of the store's fact articles (its `intent` is shipping, returns or
   * payment): the topic's generic answer, which the topic answers with its fact, not as a search hit.
   */
  statesFact(slug: string): boolean {
    return this.content.articles.some((a) => a.slug === slug && a.intent !== undefined);
  }

  /**
   * The article that states a fact (shipping, returns, payment) in the language, or the default
   * language's when the store has none in it (`translated` false).
   */
  factArticle(
    intent: FactIntent,
    language: Language,
  ): { article: ContentArticle; translated: boolean } | undefined {
    const of = (lang: string) =>
      this.content.articles.find((a) => a.intent === intent && a.language === lang);
    const own = of(language);
    if (own) return { article: own, translated: true };
    const fallback = of(this.content.profile.defaultLanguage);
    return fallback && { article: fallback, translated: language === fallback.language };
  }
}
