import { Injectable } from '@nestjs/common';
import type { HelpMatchDto } from '@bookstore/contracts';
import { isGeneric, text, type Intent, type Language, type MessagePart } from '@bookstore/intents';
import { HelpCenter } from '../../knowledge/help-center.js';
import { starterSuggestions, supportLink } from '../../dialogue/answer-parts.js';
import { fromArticle, remind, topicIntent } from '../../dialogue/article-answer.js';
import { languageOf, reply, withParts, type Reply } from '../../dialogue/reply.js';
import { TOPICS, type DialogueState, type Topic } from '../../dialogue/state.js';
import { StoreFacts } from '../../dialogue/store-facts.js';
import { covers, outranks, saysHowMuch } from './article-fit.js';

/** Up to this many words, a message right after a topic's answer may be a follow-up to it. */
const FOLLOW_UP_WORDS = 6;
/** Up to this many, a question in the same topic is read with the last article's title. */
const CONTEXT_WORDS = 8;
// The topics whose facts have a time and a price: a vague "how long?" can be about them (the
// payment methods have neither: "how long does it take" after them is a delivery time).
const TIMED_TOPICS = new Set<Topic>(['shipping', 'returns']);
// What a message about a damaged book or a wrong order may have been read as by the rules.
const RETURN_CASE_INTENTS = new Set<Intent>(['returns', 'fallback', 'shipping', 'order_status']);

/** What each return case is about, in the help search's words, with the shopper's own. */
const RETURN_CASE_WORDS: Record<NonNullable<MessagePart['returnCase']>, string> = {
  mistake: 'exchange swap for another book, edition or title',
  damaged: 'damaged, misprinted or wrong book received',
};

/**
 * The help center: shipping, returns and payment (the specific fact asked, or the plan's canned
 * sentence), follow-ups to the last answer, and any other question an article answers.
 */
@Injectable()
export class HelpFlow {
  constructor(
    private readonly help: HelpCenter,
    private readonly facts: StoreFacts,
  ) {}

  /**
   * A damaged or wrong book, or the shopper's own wrong choice: the returns article for that case,
   * the best of the topic for the case and the shopper's words (a store names its articles its way).
   */
  async returnCase(part: MessagePart, state: DialogueState): Promise<Reply | undefined> {
    const kind = RETURN_CASE_INTENTS.has(part.match.intent) ? part.returnCase : undefined;
    if (!kind) return undefined;
    const found = await this.help.bestInTopic(
      `${RETURN_CASE_WORDS[kind]} ${part.search}`,
      'returns',
      (slug) => this.facts.statesFact(slug),
    );
    if (!found) return undefined;
    const topical = { ...state, topic: 'returns' as const };
    return remind(fromArticle(found, 'returns', topical, false, this.facts.supportEmail), state);
  }

  /** A question the rules heard as shipping, returns or payment. */
  answerTopic(part: MessagePart, heard: Topic, state: DialogueState): Promise<Reply> {
    return this.topic(part, followedTopic(part, heard, state), state);
  }

  /** What no rule decided and no book answers: an article, a follow-up, or "not sure". */
  async unknown(part: MessagePart, state: DialogueState): Promise<Reply> {
    const lang = languageOf(state);
    const search = part.search;
    // In another language the gloss names the topic itself: a clear article beats the follow-up.
    const clear = lang !== 'en' && search !== '' ? await this.help.best(search) : undefined;
    if (clear)
      return {
        ...fromArticle(clear, topicIntent(clear.topic), state, true, this.facts.supportEmail),
        open: true,
      };
    // "how long do I have?" right after the returns answer: that topic's answer, whatever else
    // "how long" could mean.
    if (lang === 'en' && state.topic && TIMED_TOPICS.has(state.topic) && part.vague) {
      return this.topic(part, state.topic, state);
    }
    const found = search === '' ? undefined : await this.help.best(search);
    // "and the fastest?" right after a shipping answer: the same topic, asked shorter; unless an
    // article of another topic answers it better ("do you gift wrap" after the payment methods).
    if (search !== '' && state.topic && part.words <= FOLLOW_UP_WORDS) {
      const followUp =
        (await this.lastCovers(part, state, state.topic)) ??
        (await this.specific(search, state.topic));
      if (followUp && !outranks(found, followUp))
        return fromArticle(followUp, state.topic, state, true, this.facts.supportEmail);
    }
    if (found)
      return {
        ...fromArticle(found, topicIntent(found.topic), state, true, this.facts.supportEmail),
        open: true,
      };
    return withParts(
      { ...reply(text(lang, 'help'), 'fallback', state), source: 'fallback', open: true },
      { suggestions: starterSuggestions(lang), links: [supportLink(lang)] },
    );
  }

  /** Shipping, returns, payment: the specific fact asked about, or the plan's canned sentence. */
  private async topic(part: MessagePart, intent: Topic, current: DialogueState): Promise<Reply> {
    const state = { ...current, topic: intent };
    const lang = languageOf(state);
    // In another language, only the topic words of its English gloss make the question specific.
    const search = part.search;
    const specific = search !== '' && !(lang === 'en' && isGeneric(part.text, intent));
    // The last article first: "how long?" after the international answer is its 7-14 days.
    const last = search === '' ? undefined : await this.lastCovers(part, current, intent);
    const found = last ?? (specific ? await this.specific(search, intent) : undefined);
    // The rules heard the topic's word, but an article of another topic answers the question
    // ("will you price match" is no payment method, "Zoll zahlen" no way to pay).
    // A vague follow-up ("how long do I have?") has no other topic to be about.
    const other = specific && !part.vague ? await this.help.best(search) : undefined;
    if (other && other.topic !== intent && outranks(other, found)) {
      const { topic: _asked, ...others } = current;
      const moved = TOPICS.has(other.topic) ? { ...others, topic: other.topic as Topic } : others;
      return remind(
        fromArticle(other, topicIntent(other.topic), moved, false, this.facts.supportEmail),
        state,
      );
    }
    const { article: _last, ...canned } = state;
    const answer = found
      ? fromArticle(found, intent, state, false, this.facts.supportEmail)
      : reply(this.factAnswer(intent, lang), intent, canned);
    return remind(answer, state);
  }

  /** The topic's article for a specific question: not its fact article, the topic's own answer. */
  private specific(search: string, topic: Topic): Promise<HelpMatchDto | undefined> {
    return this.help.bestInTopic(search, topic, (slug) => this.facts.statesFact(slug));
  }

  /**
   * The topic's fact as the store states it: the answer of its `intent` article in the shopper's
   * language, or the default language's, said so; the rules' sentence only if the store has none.
   */
  private factAnswer(intent: Topic, lang: Language): string {
    const fact = this.facts.factArticle(intent, lang);
    if (!fact) return text(lang, intent);
    if (fact.translated) return fact.article.answer;
    return `${fact.article.answer} ${text(lang, 'help.default_language')}`;
  }

  /**
   * The last article, when a short follow-up in its topic asks what it already says: after the
   * damaged-book answer, "do I have to send it back?" is about the damaged book (whose answer says
   * so), not the return label; "how long do refunds take?" is another fact.
   */
  private async lastCovers(
    part: MessagePart,
    state: DialogueState,
    topic: Topic,
  ): Promise<HelpMatchDto | undefined> {
    if (state.topic !== topic || !state.article) return undefined;
    if (part.words > CONTEXT_WORDS) return undefined;
    const last = await this.help.bySlug(state.article);
    // "how long do I have?" after the damaged-book answer: its 14 days, not the 30 of returns.
    if (!last) return undefined;
    return (part.vague ? saysHowMuch(last, part.text) : covers(last, part.search))
      ? last
      : undefined;
  }
}

/**
 * "how long do I have?" right after the returns answer asks about returns, though the rules hear
 * a delivery time in "how long": a question with no topic word of its own follows the last topic.
 */
function followedTopic(part: MessagePart, heard: Topic, state: DialogueState): Topic {
  if (!state.topic || state.topic === heard || state.language) return heard;
  if (!TIMED_TOPICS.has(state.topic)) return heard;
  return part.vague ? state.topic : heard;
}
