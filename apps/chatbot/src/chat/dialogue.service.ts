import { Injectable } from '@nestjs/common';
import type { AnswerParts, ChatSource, HelpMatchDto, ProductDto } from '@bookstore/contracts';
import {
  asksForBestsellers,
  detectLanguage,
  englishGloss,
  isLanguage,
  matchIntentIn,
  text,
  type Language,
  asksForMore,
  childAge,
  extractOrderId,
  extractWrongLengthOrderNumber,
  isForChildren,
  likenessTarget,
  matchIntent,
  returnCase,
  stem,
  wellKnownCategory,
  type Intent,
  type IntentMatch,
} from '@bookstore/intents';
import type { ConversationState, StateUpdate } from '@bookstore/sessions';
import { BookstoreClient, StoreUnavailableError } from '../store-client/bookstore.client.js';
import { HandoffService, readHandoff, type HandoffState } from './handoff.service.js';
import {
  bookCards,
  starterSuggestions,
  helpArticleLink,
  supportLink,
  trackingLink,
} from './answer-parts.js';
import {
  ASK_EMAIL,
  EMAIL_NO_MATCH,
  NOTHING_TO_TRACK,
  ORDER_NOT_FOUND,
  STILL_NEED_EMAIL,
  WRONG_LENGTH,
  cancellationText,
  isTrackable,
  orderDetailsText,
  orderStatusText,
  recommendationText,
  titleText,
  unknownCategoryText,
} from './answers.js';
import { CatalogIndex, RANKING_MAX_BOOKS, fitsAge, hasAge } from './catalog.js';
import { HelpCenter, localized } from './help-center.js';

/** What the bot remembers between turns; kept in the session so any replica can continue. */
export interface DialogueState {
  /** What the last answer asked the shopper for; survives unrelated questions in between. */
  pending?: 'order_number' | 'order_email';
  /** The order the conversation is about. */
  orderId?: string;
  /** Orders whose owner this session has proved (by email), with what was shown to them. */
  verified?: VerifiedOrder[];
  /** The last list of books, so "more" continues it without repeating. */
  books?: BookList;
  /** The topic of the last answer, for a follow-up such as "and the fastest?". */
  topic?: Topic;
  /** The help article of the last answer in that topic: what "do I have to send it back?" is about. */
  article?: string;
  /** A handoff to the support team under way, and its triggers (handoff.service.ts). */
  handoff?: HandoffState;
  /** The conversation's language when it is not English: what the rules answer in. */
  language?: Exclude<Language, 'en'>;
}

type Topic = 'shipping' | 'returns' | 'payment';
const TOPICS = new Set<string>(['shipping', 'returns', 'payment']);

export interface VerifiedOrder {
  orderId: string;
  summary: string;
}

export interface BookList {
  category?: string;
  author?: string;
  bestseller?: boolean;
  /** Category slugs the shopper ruled out. */
  exclude?: string[];
  /** Catalog words the books should be about, best match first ("birds", a liked genre's words). */
  terms?: string[];
  /** Only books about the terms, named so in the answer ("birds"). */
  about?: string;
  /** The child's age: picture books first for the youngest, last from eight. */
  age?: number;
  /** Ids already shown in this conversation, oldest first. */
  shown: number[];
}

/** Who is asking: limits on order verification count per conversation and per shopper. */
export interface Asker {
  sessionId: string;
  clientIp?: string;
}

export interface DialogueReply {
  response: string;
  intent: Intent;
  source: ChatSource;
  state: StateUpdate;
  /** No rule knew: the LLM should answer, `response` being the answer if there is no LLM. */
  needsLlm?: boolean;
  /** Quick replies, book cards and links to send beside the text. */
  parts?: AnswerParts;
  /** The language the answer is in (the conversation's, decided on this message). */
  language?: Language;
}

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/;
const WANTS_TRACKING =
  /\b(track(ing)?\s*(number|no|code|details?|info|link|it)?|carrier|courier|who (delivered|is delivering|shipped)|where exactly|when will it (arrive|come|get here)|estimated delivery|delivery date)\b/i;
const WANTS_DETAILS = /\b(where|track\w*|carrier|courier|deliver\w*|arriv\w*|when will|eta)\b/i;
const WANTS_CANCEL = /\b(cancel+(ation|ing|ed)?|call off|don'?t want (it|the order) any ?more)\b/i;
const BY_EMAIL =
  /\b(by|with|using|via|through|from|under)\s+(my\s+|the\s+|an?\s+)?(e-?mail|address)\b|\b(look|find|search|check)\w*\b[^.?!]{0,40}@/i;
const IN_STOCK = /\b(in stock|available|carry|have|sell|stock|got)\b/i;
const LATE =
  /\b(late|lost|missing|delayed|stolen|never (arrived|came|showed up|got (it|them|here))|still (not|hasn'?t|has not) (arrived|come))\b|\b(says|said|shows|showing|marked|marks it|listed)( as)? delivered\b|\bdelivered\b.{0,30}\b(nothing|not here|no package|never|didn'?t|did not|can'?t find)\b|\bnothing (at|on|by|outside) (my|the) (door|doorstep|porch|mailbox)\b|\b(didn'?t|did not|never) (get|receive|got) (it|them|my (order|package|parcel|books?))\b/i;
const NUMBER_HELP =
  /\b(find|where|lost|forgot|forgotten|don'?t (have|know)|can'?t find|what is|look like)\b.{0,30}\border (number|no|id)\b/i;
const MAX_SHOWN = 60;
const BOOKS_ABOUT = /\b(books?|novels?|reads|titles?)\s+(about|on|regarding|featuring)\b/i;
const MAX_TERMS = 60;
const ORDER_WORDS =
  /\b(orders?|packages?|parcels?|shipments?|purchases?|deliver(y|ies)|items?|stuff|where|track(ing)?|status|know|find|check|my|is|it)\b/gi;
// A help article clearly about another topic outranks the word "order" in the question.
const STRONG_MATCH = 0.5;
const LIST_SIZE = 3;
/** Up to this many words, a message right after a topic's answer may be a follow-up to it. */
const FOLLOW_UP_WORDS = 6;
/** Up to this many, a question in the same topic is read with the last article's title. */
const CONTEXT_WORDS = 8;
// How much better another topic's article must rank to answer instead of the topic's own.
const OUTRANK = 1.25;

const PENDING = new Set(['order_number', 'order_email']);
// What a message about a damaged book or a wrong order may have been read as by the rules.
const RETURN_CASE_INTENTS = new Set<Intent>(['returns', 'fallback', 'shipping', 'order_status']);

export function readState(raw: ConversationState | null): DialogueState {
  if (!raw) return {};
  const state: DialogueState = {};
  if (typeof raw.pending === 'string' && PENDING.has(raw.pending))
    state.pending = raw.pending as DialogueState['pending'];
  if (typeof raw.orderId === 'string' && /^\d{6}$/.test(raw.orderId)) state.orderId = raw.orderId;
  if (Array.isArray(raw.verified)) {
    state.verified = raw.verified
      .filter(
        (v): v is VerifiedOrder =>
          typeof v === 'object' &&
          v !== null &&
          typeof (v as VerifiedOrder).orderId === 'string' &&
          typeof (v as VerifiedOrder).summary === 'string',
      )
      .slice(-5);
  }
  const books = readBookList(raw.books);
  if (books) state.books = books;
  if (typeof raw.topic === 'string' && TOPICS.has(raw.topic)) state.topic = raw.topic as Topic;
  if (typeof raw.article === 'string' && SLUG.test(raw.article)) state.article = raw.article;
  const handoff = readHandoff(raw.handoff);
  if (handoff) state.handoff = handoff;
  if (isLanguage(raw.language) && raw.language !== 'en') state.language = raw.language;
  return state;
}

const SLUG = /^[a-z0-9-]{1,40}$/;

function readBookList(raw: unknown): BookList | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const r = raw as Record<string, unknown>;
  if (!Array.isArray(r.shown)) return undefined;
  const list: BookList = {
    shown: r.shown.filter((id): id is number => Number.isInteger(id)).slice(-MAX_SHOWN),
  };
  if (typeof r.category === 'string' && SLUG.test(r.category)) list.category = r.category;
  if (typeof r.author === 'string' && r.author.length <= 100) list.author = r.author;
  if (r.bestseller === true) list.bestseller = true;
  if (Array.isArray(r.exclude)) {
    list.exclude = r.exclude.filter((c): c is string => typeof c === 'string' && SLUG.test(c));
  }
  if (Array.isArray(r.terms)) {
    list.terms = r.terms
      .filter((t): t is string => typeof t === 'string' && /^[a-z]{1,30}$/.test(t))
      .slice(0, MAX_TERMS);
  }
  if (typeof r.about === 'string' && r.about.length <= 60) list.about = r.about;
  if (typeof r.age === 'number' && Number.isInteger(r.age) && r.age >= 1 && r.age <= 17)
    list.age = r.age;
  return list;
}

/**
 * One turn of the conversation. The code decides every action (which order to look up, whether an
 * email matches); nothing the shopper writes can make it reveal another customer's order.
 */
@Injectable()
export class DialogueService {
  constructor(
    private readonly store: BookstoreClient,
    private readonly catalog: CatalogIndex,
    private readonly help: HelpCenter,
    private readonly handoff: HandoffService,
  ) {}

  async respond(message: string, current: DialogueState, asker: Asker): Promise<DialogueReply> {
    // The language is decided first, so every answer of the turn (handoff included) speaks it.
    const language = detectLanguage(message, current.language ?? 'en');
    const { language: _old, ...others } = current;
    const state: DialogueState = language === 'en' ? others : { ...others, language };
    const handoff = await this.handoff.take(message, state, asker);
    if (handoff) return { ...handoff, language };
    const answer = await this.answerAll(message, state, asker);
    return { ...this.handoff.follow(message, state, answer), language };
  }

  /**
   * The LLM failed on a message no rule or article knew (`reply`, the failure text): the shopper
   * was not understood after all, and it counts towards the offer of a person as it does without
   * an LLM. `state` is the one `respond` answered from.
   */
  notUnderstood(message: string, state: DialogueState, reply: DialogueReply): DialogueReply {
    return this.handoff.follow(message, state, reply, true);
  }

  private async answerAll(
    message: string,
    state: DialogueState,
    asker: Asker,
  ): Promise<DialogueReply> {
    const questions = splitQuestions(message);
    if (questions.length < 2) return this.answer(message, state, asker);
    // Two questions in one message: both answers, in the order asked.
    const replies: DialogueReply[] = [];
    let current = state;
    for (const question of questions) {
      const one = await this.answer(question, current, asker);
      replies.push(one);
      current = 'set' in one.state ? readState(one.state.set) : {};
    }
    return combine(replies);
  }

  private async answer(
    message: string,
    state: DialogueState,
    asker: Asker,
  ): Promise<DialogueReply> {
    const lang = languageOf(state);
    const match = matchIntentIn(message, lang);
    // What the English checks below read: the message and, in another language, its English gloss.
    const probe = lang === 'en' ? message : `${message} ${englishGloss(message, lang)}`;
    const email = EMAIL.exec(message)?.[0];
    const orderId = extractOrderId(message);

    // An email while the conversation is about an order proves that order: asked for, or given
    // with a question about it ("tracking please, it's ...") or on its own ("my email is ...").
    if (
      email &&
      !orderId &&
      state.orderId &&
      (state.pending === 'order_email' ||
        WANTS_DETAILS.test(probe) ||
        WANTS_TRACKING.test(probe) ||
        match.intent === 'order_status' ||
        isAlmostOnly(message, email))
    ) {
      return this.verify(state, state.orderId, email, asker);
    }

    const aboutOrder =
      match.intent === 'order_status' ||
      WANTS_CANCEL.test(probe) ||
      WANTS_TRACKING.test(probe) ||
      (state.pending === 'order_number' && match.intent === 'fallback');
    if (orderId && (aboutOrder || email)) {
      if (WANTS_CANCEL.test(probe)) return this.cancel(orderId, state);
      // The email proves the order is theirs; it is used when they ask what it unlocks.
      const awaited = state.pending === 'order_email' && state.orderId === orderId;
      if (email && (awaited || WANTS_DETAILS.test(probe)))
        return this.verify({ ...state, orderId }, orderId, email, asker);
      return this.lookUp(orderId, state, WANTS_TRACKING.test(probe));
    }

    const wrong = extractWrongLengthOrderNumber(message, state.pending === 'order_number');
    if (wrong && (aboutOrder || state.pending === 'order_number')) {
      return reply(WRONG_LENGTH(lang, wrong), 'order_status', {
        ...state,
        pending: 'order_number',
      });
    }

    // "Look it up by my email": orders are found by number only.
    if (
      !orderId &&
      (match.intent === 'order_status' || /\border/i.test(probe)) &&
      (BY_EMAIL.test(probe) || (email && state.pending !== 'order_email'))
    ) {
      const privacy = await this.help.bySlug('privacy-order-lookup');
      if (privacy) return this.fromArticle(privacy, 'order_status', state, false);
    }

    if (WANTS_CANCEL.test(probe) && match.intent !== 'recommendation') {
      if (state.orderId) return this.cancel(state.orderId, state);
      return reply(text(lang, 'order.cancel_ask_number'), 'order_status', {
        ...state,
        pending: 'order_number',
      });
    }

    if (WANTS_TRACKING.test(probe) && state.orderId && match.intent !== 'shipping') {
      return this.tracking(state.orderId, state);
    }

    // A damaged or wrong book, or the shopper's own wrong choice: the returns fact for that case.
    const kind = RETURN_CASE_INTENTS.has(match.intent) ? returnCase(probe) : undefined;
    if (kind) {
      const found = await this.help.bySlug(
        kind === 'mistake' ? 'exchanges' : 'damaged-or-wrong-book',
      );
      if (found) {
        const topical = { ...state, topic: 'returns' as const };
        return remind(this.fromArticle(found, 'returns', topical, false), state);
      }
    }

    switch (match.intent) {
      case 'order_status':
        return this.orderQuestion(probe, state);
      case 'recommendation':
        return (
          (await this.books(probe, match, state)) ??
          reply(text(lang, 'recommendation'), 'recommendation', state)
        );
      case 'shipping':
        // "tracking says delivered but nothing came": a parcel gone astray, not a delivery time.
        if (LATE.test(probe)) return this.orderQuestion(probe, state);
        return this.topic(message, followedTopic(message, match.intent, state), state);
      case 'returns':
      case 'payment':
        return this.topic(message, followedTopic(message, match.intent, state), state);
      case 'greeting':
        return withParts(reply(match.response, 'greeting', state), {
          suggestions: starterSuggestions(lang),
        });
      case 'frustrated':
        return withParts(reply(match.response, 'frustrated', state), {
          links: [supportLink(lang)],
        });
      case 'gibberish':
        return withParts(reply(match.response, 'gibberish', state), {
          suggestions: starterSuggestions(lang),
        });
      case 'thanks':
      case 'acknowledge':
        return reply(match.response, match.intent, state);
      case 'goodbye':
        return reply(match.response, 'goodbye', rest(state));
      default:
        return this.unknown(message, probe, match, state);
    }
  }

  /** What no rule decided: a book the shopper names, then the help center, then "not sure". */
  private async unknown(
    message: string,
    probe: string,
    match: IntentMatch,
    state: DialogueState,
  ): Promise<DialogueReply> {
    const lang = languageOf(state);
    const books = await this.books(probe, match, state);
    if (books) return books;
    // The help center is searched in English: another language's message by its English gloss.
    const search = lang === 'en' ? message : englishGloss(message, lang);
    // In another language the gloss names the topic itself: a clear article beats the follow-up.
    const clear = lang !== 'en' && search !== '' ? await this.help.best(search) : undefined;
    if (clear)
      return { ...this.fromArticle(clear, topicIntent(clear.topic), state, true), needsLlm: true };
    // "how long do I have?" right after the returns answer: that topic's answer, whatever else
    // "how long" could mean.
    if (lang === 'en' && state.topic && TIMED_TOPICS.has(state.topic) && isVague(message)) {
      return this.topic(message, state.topic, state);
    }
    const found = search === '' ? undefined : await this.help.best(search);
    // "and the fastest?" right after a shipping answer: the same topic, asked shorter; unless an
    // article of another topic answers it better ("do you gift wrap" after the payment methods).
    if (search !== '' && state.topic && message.trim().split(/\s+/).length <= FOLLOW_UP_WORDS) {
      const followUp =
        (await this.lastCovers(search, message, state, state.topic)) ??
        (await this.help.bestInTopic(search, state.topic));
      if (followUp && !outranks(found, followUp))
        return this.fromArticle(followUp, state.topic, state, true);
    }
    if (found) {
      return { ...this.fromArticle(found, topicIntent(found.topic), state, true), needsLlm: true };
    }
    return withParts(
      {
        ...reply(text(lang, 'help'), 'fallback', state),
        source: 'fallback',
        needsLlm: true,
      },
      { suggestions: starterSuggestions(lang), links: [supportLink(lang)] },
    );
  }

  /** Shipping, returns, payment: the specific fact asked about, or the plan's canned sentence. */
  private async topic(
    message: string,
    intent: Topic,
    current: DialogueState,
  ): Promise<DialogueReply> {
    const state = { ...current, topic: intent };
    const lang = languageOf(state);
    // In another language, only the topic words of its English gloss make the question specific.
    const search = lang === 'en' ? message : englishGloss(message, lang);
    const specific = search !== '' && !(lang === 'en' && isGeneric(message, intent));
    // The last article first: "how long?" after the international answer is its 7-14 days.
    const last =
      search === '' ? undefined : await this.lastCovers(search, message, current, intent);
    const found = last ?? (specific ? await this.help.bestInTopic(search, intent) : undefined);
    // The rules heard the topic's word, but an article of another topic answers the question
    // ("will you price match" is no payment method, "Zoll zahlen" no way to pay).
    // A vague follow-up ("how long do I have?") has no other topic to be about.
    const other = specific && !isVague(message) ? await this.help.best(search) : undefined;
    if (other && other.topic !== intent && outranks(other, found)) {
      const { topic: _asked, ...others } = current;
      const moved = TOPICS.has(other.topic) ? { ...others, topic: other.topic as Topic } : others;
      return remind(this.fromArticle(other, topicIntent(other.topic), moved, false), state);
    }
    const { article: _last, ...canned } = state;
    const answer = found
      ? this.fromArticle(found, intent, state, false)
      : reply(text(lang, intent), intent, canned);
    return remind(answer, state);
  }

  /**
   * The last article, when a short follow-up in its topic asks what it already says: after the
   * damaged-book answer, "do I have to send it back?" is about the damaged book (whose answer says
   * so), not the return label; "how long do refunds take?" is another fact.
   */
  private async lastCovers(
    search: string,
    message: string,
    state: DialogueState,
    topic: Topic,
  ): Promise<HelpMatchDto | undefined> {
    if (state.topic !== topic || !state.article) return undefined;
    if (message.trim().split(/\s+/).length > CONTEXT_WORDS) return undefined;
    const last = await this.help.bySlug(state.article);
    // "how long do I have?" after the damaged-book answer: its 14 days, not the 30 of returns.
    if (!last) return undefined;
    return (isVague(message) ? saysHowMuch(last, message) : covers(last, search))
      ? last
      : undefined;
  }

  private async orderQuestion(message: string, state: DialogueState): Promise<DialogueReply> {
    const asked = { ...state, pending: 'order_number' as const };
    const lang = languageOf(state);
    // A late or lost parcel: what happens next, and the number to look it up.
    if (LATE.test(message)) {
      const late = await this.help.bySlug('lost-or-late');
      if (late)
        return withParts(
          reply(
            `${localized(late, lang).answer} ${text(lang, 'order.ask_number')}`,
            'order_status',
            asked,
          ),
          { links: [helpArticleLink(localized(late, lang)), supportLink(lang)] },
        );
    }
    // "Where do I find my order number?": the answer, not a request for it.
    if (NUMBER_HELP.test(message)) {
      const help = await this.help.bySlug('order-number');
      if (help) return this.fromArticle(help, 'order_status', asked, false);
    }
    // "Can you gift wrap my order?" names an order but asks about something else.
    // Only the words that are not about the order itself can point elsewhere.
    const rest = message.replace(ORDER_WORDS, ' ').trim();
    const other = /[a-z]{3,}/i.test(rest) ? await this.help.best(rest, STRONG_MATCH) : undefined;
    if (other && other.topic !== 'order_status') {
      return this.fromArticle(other, topicIntent(other.topic), state, true);
    }
    return reply(text(lang, 'order_status'), 'order_status', asked);
  }

  private fromArticle(
    article: HelpMatchDto,
    intent: Intent,
    state: DialogueState,
    reminder = true,
  ): DialogueReply {
    const lang = languageOf(state);
    const own = localized(article, lang);
    const links = [helpArticleLink(own)];
    if (/support@bookstore\.com/.test(own.answer)) links.push(supportLink(lang));
    const { article: _last, ...others } = state;
    // The article a follow-up in its topic is about ("do I have to send it back?").
    const next =
      state.topic && article.topic === state.topic ? { ...others, article: article.slug } : others;
    const answer = withParts(reply(own.answer, intent, next), { links });
    return reminder ? remind(answer, state) : answer;
  }

  private async lookUp(
    orderId: string,
    state: DialogueState,
    wantsTracking: boolean,
  ): Promise<DialogueReply> {
    const lang = languageOf(state);
    try {
      const order = await this.store.orderStatus(orderId);
      if (!order) {
        return reply(ORDER_NOT_FOUND(lang, orderId), 'order_status', {
          ...rest(state),
          pending: 'order_number',
        });
      }
      const next: DialogueState = { ...rest(state), orderId };
      if (wantsTracking && isTrackable(order.status)) {
        const known = state.verified?.find((v) => v.orderId === orderId);
        if (known) return reply(known.summary, 'order_status', next);
        return reply(
          `${orderStatusText(lang, orderId, order.status)} ${ASK_EMAIL(lang, orderId)}`,
          'order_status',
          { ...next, pending: 'order_email' },
        );
      }
      return reply(orderStatusText(lang, orderId, order.status), 'order_status', next);
    } catch (err) {
      if (!(err instanceof StoreUnavailableError)) throw err;
      return reply(text(lang, 'order.store_down'), 'order_status', {
        ...rest(state),
        orderId,
        pending: 'order_number',
      });
    }
  }

  /** Tracking details for the order in the conversation: shown once, after the email matches. */
  private async tracking(orderId: string, state: DialogueState): Promise<DialogueReply> {
    const lang = languageOf(state);
    const known = state.verified?.find((v) => v.orderId === orderId);
    if (known) return reply(known.summary, 'order_status', rest(state));
    try {
      const order = await this.store.orderStatus(orderId);
      if (order && !isTrackable(order.status)) {
        return reply(NOTHING_TO_TRACK(lang, orderId, order.status), 'order_status', rest(state));
      }
    } catch (err) {
      if (!(err instanceof StoreUnavailableError)) throw err;
    }
    return reply(ASK_EMAIL(lang, orderId), 'order_status', { ...state, pending: 'order_email' });
  }

  private async cancel(orderId: string, state: DialogueState): Promise<DialogueReply> {
    const lang = languageOf(state);
    try {
      const order = await this.store.orderStatus(orderId);
      if (!order) {
        return reply(ORDER_NOT_FOUND(lang, orderId), 'order_status', {
          ...rest(state),
          pending: 'order_number',
        });
      }
      const answer = reply(cancellationText(lang, orderId, order.status), 'order_status', {
        ...rest(state),
        orderId,
      });
      return withParts(answer, { links: [supportLink(lang)] });
    } catch (err) {
      if (!(err instanceof StoreUnavailableError)) throw err;
      return reply(text(lang, 'order.store_down'), 'order_status', { ...rest(state), orderId });
    }
  }

  private async verify(
    state: DialogueState,
    orderId: string,
    email: string,
    asker: Asker,
  ): Promise<DialogueReply> {
    const lang = languageOf(state);
    try {
      const outcome = await this.store.verifyOrder(orderId, email, asker.sessionId, asker.clientIp);
      switch (outcome.kind) {
        case 'verified': {
          const summary = orderDetailsText(lang, outcome.order);
          const others = (state.verified ?? []).filter((v) => v.orderId !== orderId);
          const links = isTrackable(outcome.order.status)
            ? trackingLink(outcome.order.carrier, outcome.order.tracking_number, lang)
            : [];
          return withParts(
            reply(summary, 'order_status', {
              ...rest(state),
              orderId,
              verified: [...others, { orderId, summary }],
            }),
            { links },
          );
        }
        case 'no_match':
          return reply(EMAIL_NO_MATCH(lang, orderId), 'order_status', {
            ...state,
            orderId,
            pending: 'order_email',
          });
        case 'too_many_attempts':
          return withParts(
            reply(text(lang, 'order.too_many_attempts'), 'order_status', rest(state)),
            {
              links: [supportLink(lang)],
            },
          );
      }
    } catch (err) {
      if (!(err instanceof StoreUnavailableError)) throw err;
      return reply(text(lang, 'order.store_down'), 'order_status', state);
    }
  }

  /**
   * Books: by title, by author, "something like", for a child, bestsellers, a category (minus the
   * ones ruled out), and "more" continuing the last list. Undefined when the message is not about
   * books at all.
   */
  private async books(
    message: string,
    match: IntentMatch,
    state: DialogueState,
  ): Promise<DialogueReply | undefined> {
    try {
      return await this.findBooks(message, match, state);
    } catch (err) {
      if (!(err instanceof StoreUnavailableError)) throw err;
      return match.intent === 'recommendation'
        ? reply(text(languageOf(state), 'recommendation'), 'recommendation', state)
        : undefined;
    }
  }

  private async findBooks(
    message: string,
    match: IntentMatch,
    state: DialogueState,
  ): Promise<DialogueReply | undefined> {
    // The shelves named, as this catalog has them ('' for a kind it has no shelf of).
    const mentions = await this.catalog.shelvesIn(message);
    const named = mentions.filter((m) => !m.negated);
    const wanted = named.map((m) => m.slug ?? '');
    const excluded = mentions.flatMap((m) => (m.negated && m.slug ? [m.slug] : []));
    const children = await this.catalog.shelfOf('children');
    const like = likenessTarget(message);

    // "any others?", "more mysteries": the last list, continued.
    if (state.books && asksForMore(message) && !like) {
      const sameCategory = wanted.length === 0 || wanted[0] === state.books.category;
      if (sameCategory && excluded.length === 0) return this.listBooks(state.books, state, 'more');
    }

    const categories = await this.catalog.categories();

    if (like) {
      const title = (await this.catalog.titlesIn(like))[0];
      const kind = wellKnownCategory(like);
      const category =
        title?.category ??
        (kind ? await this.catalog.shelfOf(kind) : undefined) ??
        (await this.catalog.shelvesIn(like)).find((m) => m.slug)?.slug ??
        (await this.catalog.search(like, 1))[0]?.category;
      if (category && categories.some((c) => c.slug === category)) {
        return this.listBooks(
          { category, shown: title ? [title.id] : [], exclude: excluded },
          state,
          'like',
          like,
        );
      }
    }

    const author = await this.catalog.authorIn(message);
    if (author) return this.listBooks({ author, shown: [] }, state, 'author');

    const titled = (await this.catalog.titlesIn(message))[0];
    if (titled && (IN_STOCK.test(message) || match.intent !== 'recommendation')) {
      const name = categories.find((c) => c.slug === titled.category)?.name ?? titled.category;
      return withParts(
        reply(titleText(languageOf(state), titled, name), 'recommendation', {
          ...state,
          books: { category: titled.category, shown: [titled.id] },
        }),
        { books: bookCards([titled]) },
      );
    }

    // "para mi hijo" reads as the children's shelf in the English gloss.
    const forChild =
      isForChildren(message) || (children !== undefined && wanted.includes(children));
    const bestseller = asksForBestsellers(message);
    const isRecommendation = match.intent === 'recommendation';
    // Outside a recommendation, only a book cue ("for my 5 year old", "popular", "no self-help")
    // makes the message about books; anything else is not ours to guess.
    // "books about the ocean" names its subject outright: a word more books share is one too.
    const asksAbout = BOOKS_ABOUT.test(message);
    const subject =
      (await this.catalog.subjectIn(message)) ??
      (asksAbout ? await this.catalog.subjectIn(message, RANKING_MAX_BOOKS) : undefined);
    // "any books on space exploration": books about a subject the catalog has are a request too.
    const aboutBooks = subject !== undefined && asksAbout;
    if (!isRecommendation && !forChild && !bestseller && !aboutBooks && excluded.length === 0)
      return undefined;

    // What the books should be about: a subject the catalog knows ("birds", "space"), and for a
    // child, the words of the shelf they like (fantasy: dragons, magic) found on the children's.
    const ranking = await this.catalog.subjectIn(message, RANKING_MAX_BOOKS);
    const liked = forChild ? wanted.find((c) => c !== children && c !== '') : undefined;
    const terms = [
      ...(ranking?.terms ?? []),
      ...(liked && categories.some((c) => c.slug === liked)
        ? await this.catalog.themeOf(liked)
        : []),
    ].slice(0, MAX_TERMS);
    const age = forChild ? childAge(message) : undefined;
    // A catalog that gives readers' ages answers an age with the books for it, on any shelf.
    const aged = age !== undefined && (await this.catalog.hasAges());
    const other = wanted.find((c) => c !== children && c !== '');
    const shelf = aged ? other : (children ?? other);
    const category = forChild ? shelf : wanted.length > 0 ? wanted[0] : undefined;
    // No shelf named, but a subject a few books are about: those books, not the bestsellers.
    if (!category && subject && !bestseller) {
      return this.listBooks(
        {
          terms: subject.terms,
          about: subject.words.join(' '),
          ...(excluded.length > 0 ? { exclude: excluded } : {}),
          shown: [],
        },
        state,
        'new',
      );
    }
    if (!forChild && category === '') {
      return reply(
        unknownCategoryText(languageOf(state), named[0].word, categories),
        'recommendation',
        state,
      );
    }
    return this.listBooks(
      {
        ...(category ? { category } : {}),
        // No category named: bestsellers, as the plan's "what should I read" always had.
        ...(bestseller || (!category && !aged) ? { bestseller: true } : {}),
        ...(excluded.length > 0 ? { exclude: excluded } : {}),
        ...(terms.length > 0 ? { terms } : {}),
        ...(age !== undefined ? { age } : {}),
        shown: [],
      },
      state,
      'new',
    );
  }

  private async listBooks(
    query: BookList,
    state: DialogueState,
    kind: 'new' | 'more' | 'like' | 'author',
    like?: string,
  ): Promise<DialogueReply> {
    const all = await this.catalog.books();
    const categories = await this.catalog.categories();
    const seen = new Set(query.shown);
    const age = query.age !== undefined && all.some(hasAge) ? query.age : undefined;
    const fit = new Map<number, number>();
    for (const b of all) fit.set(b.id, await this.fitness(b, query));
    const pool = all
      .filter((b) => (query.category ? b.category === query.category : true))
      .filter((b) => (query.author ? b.author === query.author : true))
      .filter((b) => (query.bestseller ? b.bestseller : true))
      .filter((b) => !(query.exclude ?? []).includes(b.category))
      .filter((b) => !seen.has(b.id))
      .filter((b) => age === undefined || fitsAge(b, age))
      .filter((b) => (query.about ? (fit.get(b.id) ?? 0) > 0 : true))
      .sort((a, b) => (fit.get(b.id) ?? 0) - (fit.get(a.id) ?? 0) || byAppeal(a, b));
    const picked = pool.slice(0, LIST_SIZE);
    const lang = languageOf(state);
    if (picked.length === 0) return reply(text(lang, 'books.none_left'), 'recommendation', state);
    const categoryName = categories.find((c) => c.slug === query.category)?.name;
    const label =
      kind === 'new' && query.about
        ? text(lang, 'books.about', { subject: query.about })
        : kind === 'more'
          ? text(lang, 'books.more')
          : kind === 'author'
            ? text(lang, 'books.by_author', { author: query.author ?? '' })
            : kind === 'like'
              ? // A catalog book is not named again: the list is of other books.
                text(lang, 'books.like', {
                  like: query.shown.length > 0 ? text(lang, 'books.like_that_one') : (like ?? ''),
                  category: categoryName ?? text(lang, 'books.our_shelves'),
                })
              : query.bestseller
                ? categoryName
                  ? text(lang, 'books.bestsellers_in', { category: categoryName })
                  : text(lang, 'books.bestsellers')
                : categoryName
                  ? text(lang, 'books.picks_from', { category: categoryName })
                  : text(lang, 'books.readers_love');
    const shown = [...query.shown, ...picked.map((b) => b.id)].slice(-MAX_SHOWN);
    return withParts(
      reply(recommendationText(lang, picked, label), 'recommendation', {
        ...state,
        books: { ...query, shown },
      }),
      { books: bookCards(picked) },
    );
  }

  /** How well a book fits what the list is about and who it is for (0 when nothing is asked). */
  private async fitness(book: ProductDto, query: BookList): Promise<number> {
    let fit = query.terms ? await this.catalog.relevance(book, query.terms) : 0;
    if (query.age !== undefined && PICTURE_BOOK.test(book.description)) {
      fit += query.age <= 5 ? 1 : query.age >= 8 ? -1 : 0;
    }
    return fit;
  }
}

// What the catalog says of books for the youngest readers.
const PICTURE_BOOK = /\b(picture book|bedtime|toddlers?|board book)\b/i;

// The plan's own phrases ("Refund", "Shipping time", "How to pay") ask about the topic as a whole:
// they keep the canned sentence. Any other word makes the question specific.
const GENERIC_WORDS: Record<'shipping' | 'returns' | 'payment', Set<string>> = {
  shipping: new Set(
    'ship shipping shipped delivery deliveries deliver time times take takes long option options info information policy'.split(
      ' ',
    ),
  ),
  returns: new Set(
    'return returns returning refund refunds policy process work works info information'.split(' '),
  ),
  payment: new Set(
    'pay paying payment payments method methods option options credit debit card cards accept accepted take info information'.split(
      ' ',
    ),
  ),
};
const FUNCTION_WORDS = new Set(
  'a an the how do does can i to what which is are your you we my me of for on about please tell it this that order orders book books item'.split(
    ' ',
  ),
);

function isGeneric(message: string, topic: 'shipping' | 'returns' | 'payment'): boolean {
  const words = message.toLowerCase().match(/[a-z]+/g) ?? [];
  return words.every((w) => FUNCTION_WORDS.has(w) || GENERIC_WORDS[topic].has(w));
}

/**
 * Whether an article's text holds every word of the question ("send it back": its answer says "no
 * need to send it back"; "ship to Brazil?" has a word it does not); a question of function words
 * only ("what do I do?") asks about it too.
 */
function covers(article: HelpMatchDto, question: string): boolean {
  const text = new Set(
    contentWords([article.title, article.answer, article.body, ...article.questions].join(' ')),
  );
  return contentWords(question).every((w) => text.has(w));
}

function contentWords(text: string): string[] {
  return (text.toLowerCase().match(/[a-z]+/g) ?? [])
    .filter((w) => w.length >= 3 && !FUNCTION_WORDS.has(w) && !FOLLOW_UP_FILLER.has(w))
    .map((w) => stem(SAME_AS[w] ?? w));
}

// Words for sending a book back that the articles write as "send".
const SAME_AS: Record<string, string> = { mail: 'send', post: 'send', ship: 'send' };

const FOLLOW_UP_FILLER = new Set(
  'have has had should would will there any still then also and but just now yet with'.split(' '),
);

// The topics whose facts have a time and a price: a vague "how long?" can be about them (the
// payment methods have neither: "how long does it take" after them is a delivery time).
const TIMED_TOPICS = new Set<Topic>(['shipping', 'returns']);
// Words that ask "how long" or "how much" of whatever was just said: no topic of their own.
const VAGUE_WORDS = new Set(
  'long much many days day time take takes cost costs soon fast quick quickly often get'.split(' '),
);

/**
 * "how long do I have?" right after the returns answer asks about returns, though the rules hear
 * a delivery time in "how long": a question with no topic word of its own follows the last topic.
 */
function followedTopic(message: string, heard: Topic, state: DialogueState): Topic {
  if (!state.topic || state.topic === heard || state.language) return heard;
  if (!TIMED_TOPICS.has(state.topic)) return heard;
  return isVague(message) ? state.topic : heard;
}

/** Whether the article has the measure a vague question asks: a number of days, or a price. */
function saysHowMuch(article: HelpMatchDto, question: string): boolean {
  const text = `${article.answer} ${article.body}`;
  if (/\b(long|days?|time|soon|fast|quick|quickly)\b/i.test(question))
    return /\d\s*(business\s+)?(days?|hours?)\b/i.test(text);
  if (/\b(much|cost|costs)\b/i.test(question)) return /\$\s?\d/.test(text);
  return true;
}

function isVague(message: string): boolean {
  const words = message.toLowerCase().match(/[a-z]+/g) ?? [];
  return words.every((w) => FUNCTION_WORDS.has(w) || FOLLOW_UP_FILLER.has(w) || VAGUE_WORDS.has(w));
}

/** Whether a confident article clearly beats the one its topic would give (or there is none). */
function outranks(article: HelpMatchDto | undefined, than: HelpMatchDto | undefined): boolean {
  if (!article) return false;
  return !than || (article.slug !== than.slug && article.score > than.score * OUTRANK);
}

/** Bestsellers first, then the best rated: the order the store API uses. */
function byAppeal(a: ProductDto, b: ProductDto): number {
  if (a.bestseller !== b.bestseller) return a.bestseller ? -1 : 1;
  return b.rating - a.rating || a.id - b.id;
}

function topicIntent(topic: string): Intent {
  return topic === 'shipping' ||
    topic === 'returns' ||
    topic === 'payment' ||
    topic === 'order_status'
    ? topic
    : 'help';
}

/**
 * Splits "what cards do you take, and can I return a book?" into its questions, only when each
 * part on its own is a question about a different topic; otherwise the message stays whole.
 */
export function splitQuestions(message: string): string[] {
  const parts = message
    .split(
      /\?\s+|;\s*|,\s*(?:and|also|plus)\s+|\s+and also\s+|\.\s+(?=\w)|\s+and\s+(?=(?:how|what|when|where|which|can|could|do|does|is|are|will)\b)/i,
    )
    .map((p) => p.trim())
    .filter((p) => p.split(/\s+/).length >= 3);
  if (parts.length < 2) return [message];
  const topics = parts.map((p) => matchIntent(p).intent);
  const real = new Set<Intent>(['shipping', 'returns', 'payment', 'order_status']);
  if (!topics.every((t) => real.has(t))) return [message];
  if (new Set(topics).size < topics.length) return [message];
  return parts;
}

function combine(replies: DialogueReply[]): DialogueReply {
  const last = replies[replies.length - 1];
  const parts: AnswerParts = {};
  for (const r of replies) {
    if (r.parts?.links) parts.links = [...(parts.links ?? []), ...r.parts.links];
    if (r.parts?.books) parts.books = [...(parts.books ?? []), ...r.parts.books];
  }
  return {
    response: [...new Set(replies.map((r) => r.response))].join('\n\n'),
    intent: replies[0].intent,
    source: replies.some((r) => r.source === 'rules') ? 'rules' : last.source,
    state: last.state,
    ...(replies.some((r) => r.needsLlm) ? { needsLlm: true } : {}),
    parts,
  };
}

/** A verification still waits for the email: say so after answering the other question. */
function remind(answer: DialogueReply, state: DialogueState): DialogueReply {
  if (state.pending !== 'order_email' || !state.orderId) return answer;
  const still = STILL_NEED_EMAIL(languageOf(state), state.orderId);
  return { ...answer, response: `${answer.response}\n\n${still}` };
}

/** The email and at most a few words around it ("it's ...", "my email is ..."). */
function isAlmostOnly(message: string, email: string): boolean {
  return message.replace(email, ' ').trim().split(/\s+/).filter(Boolean).length <= 4;
}

function languageOf(state: DialogueState): Language {
  return state.language ?? 'en';
}

/** The state without a pending question: the shopper moved on. */
function rest(state: DialogueState): DialogueState {
  const { pending: _pending, ...others } = state;
  return others;
}

function withParts(answer: DialogueReply, parts: AnswerParts): DialogueReply {
  return { ...answer, parts: { ...answer.parts, ...parts } };
}

function reply(response: string, intent: Intent, next: DialogueState): DialogueReply {
  const update: StateUpdate =
    Object.keys(next).length === 0 ? { clear: true } : { set: next as ConversationState };
  return { response, intent, source: 'rules', state: update };
}
