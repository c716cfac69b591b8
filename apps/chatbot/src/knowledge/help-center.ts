import { Injectable } from '@nestjs/common';
import type { HelpArticleDto, HelpMatchDto } from '@bookstore/contracts';
import type { Language } from '@bookstore/intents';
import { StoreApiClient, StoreUnavailableError } from '../store-client/store-api.client.js';
import { KeptCopy } from './kept-copy.js';

/**
 * Scores below which an article is not taken as the answer, measured on shoppers' questions
 * against the store's articles (PostgreSQL ts_rank, see help-center.spec and the conversation
 * suite): a question on no topic needs a clear match; within a topic the rules already named,
 * a weaker one still picks the right fact among that topic's few articles.
 */
export const HELP_THRESHOLD = 0.4;
export const TOPIC_THRESHOLD = 0.2;
/**
 * The rank averages over all the question's words, so a long question that names its topic in two
 * words among many ranks low: two words in common and this lower rank are a match too, one word
 * alone never is ("what time is it in Tokyo" shares only "time" with the shipping times).
 */
export const TWO_WORD_THRESHOLD = 0.2;

/** The article with its title and short answer in the shopper's language, when it has them. */
export function localized<A extends Pick<HelpArticleDto, 'title' | 'answer' | 'translations'>>(
  article: A,
  language: Language,
): A {
  const own = language === 'en' ? undefined : article.translations?.[language];
  return own ? { ...article, title: own.title, answer: own.answer } : article;
}

/** Whether a search result answers the question confidently. */
export function isConfident(match: Pick<HelpMatchDto, 'score' | 'matched'>): boolean {
  return match.score >= HELP_THRESHOLD || (match.matched >= 2 && match.score >= TWO_WORD_THRESHOLD);
}

const LIST_TTL_MS = 60_000;
/**
 * Searches kept per question: the articles change only with a release, shoppers ask the same
 * questions, and one turn searches a question up to three times (the answer, its topic, the LLM's
 * prompt), each a round trip to the store before the LLM is asked.
 */
const SEARCH_TTL_MS = 60_000;
const SEARCHES_KEPT = 500;
/** Every search asks for this many, so that one result serves each use (the topic needs 10). */
const SEARCH_DEPTH = 10;

/**
 * The help center as the bot reads it: the store API's full-text search, with thresholds. A
 * question costs one search (the store corrects its spelling against the articles' own words);
 * the article list is read only for an answer named by its slug.
 */
@Injectable()
export class HelpCenter {
  /** The articles by slug, kept (see KeptCopy): read only by the answers named by slug. */
  private readonly list: KeptCopy<HelpArticleDto[]>;
  private readonly searches = new Map<
    string,
    { at: number; found: Promise<HelpMatchDto[] | undefined> }
  >();

  constructor(private readonly store: StoreApiClient) {
    this.list = new KeptCopy('help articles', () => store.helpArticles(), LIST_TTL_MS);
  }

  /** The article that answers the question, if one clearly does. */
  async best(question: string, strong?: number): Promise<HelpMatchDto | undefined> {
    const [top] = await this.search(question, 1);
    if (!top) return undefined;
    return (strong === undefined ? isConfident(top) : top.score >= strong) ? top : undefined;
  }

  /**
   * The article of a topic the question asks about; undefined when the best is one `generic`
   * names (the store's fact article of the topic, "Return policy": the topic's own answer).
   */
  async bestInTopic(
    question: string,
    topic: string,
    generic: (slug: string) => boolean = () => false,
  ): Promise<HelpMatchDto | undefined> {
    // Deep enough that the topic's own articles are there when others share the words.
    const found = await this.search(question, 10);
    const top = found.find((a) => a.topic === topic);
    if (!top || top.score < TOPIC_THRESHOLD || generic(top.slug)) return undefined;
    return top;
  }

  /** Articles for the LLM's prompt: the few that match at all, best first. */
  async forPrompt(question: string, limit = 3): Promise<HelpMatchDto[]> {
    return (await this.search(question, limit)).filter((a) => a.score >= TOPIC_THRESHOLD);
  }

  async bySlug(slug: string): Promise<HelpMatchDto | undefined> {
    try {
      const found = (await this.list.get()).find((a) => a.slug === slug);
      return found ? { ...found, score: 1, matched: 0 } : undefined;
    } catch (err) {
      if (!(err instanceof StoreUnavailableError)) throw err;
      return undefined;
    }
  }

  private async search(question: string, limit: number): Promise<HelpMatchDto[]> {
    const now = Date.now();
    let kept = this.searches.get(question);
    if (!kept || now - kept.at > SEARCH_TTL_MS) {
      kept = { at: now, found: this.searchStore(question) };
      this.searches.delete(question);
      this.searches.set(question, kept);
      if (this.searches.size > SEARCHES_KEPT) {
        this.searches.delete(this.searches.keys().next().value as string);
      }
    }
    const entry = kept;
    let found: HelpMatchDto[] | undefined;
    try {
      found = await entry.found;
    } finally {
      // A search that failed is not remembered: the next turn asks the store again.
      if (found === undefined && this.searches.get(question) === entry) {
        this.searches.delete(question);
      }
    }
    return (found ?? []).slice(0, limit);
  }

  /** The store's articles for the question; undefined when the store could not be asked. */
  private async searchStore(question: string): Promise<HelpMatchDto[] | undefined> {
    try {
      return await this.store.helpSearch(question, SEARCH_DEPTH);
    } catch (err) {
      // Without the help center the bot still answers: canned sentences, then "not sure".
      if (!(err instanceof StoreUnavailableError)) throw err;
      return undefined;
    }
  }
}
