import { isLanguage, type Language } from '@bookstore/intents';
import type { ConversationState } from '@bookstore/conversations';
import { readHandoff, type HandoffState } from '../flows/handoff/handoff-state.js';

export type Topic = 'shipping' | 'returns' | 'payment';
export const TOPICS = new Set<string>(['shipping', 'returns', 'payment']);

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
  /** A handoff to the support team under way, and its triggers (flows/handoff). */
  handoff?: HandoffState;
  /** The conversation's language when it is not English: what the rules answer in. */
  language?: Exclude<Language, 'en'>;
}

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

export const MAX_SHOWN = 60;
export const MAX_TERMS = 60;
const PENDING = new Set(['order_number', 'order_email']);
const SLUG = /^[a-z0-9-]{1,40}$/;

/**
 * The one place the conversation's language is set: English is the default and is not stored.
 */
export function inLanguage(state: DialogueState, language: Language): DialogueState {
  const { language: _old, ...others } = state;
  return language === 'en' ? others : { ...others, language };
}

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
