import { Injectable } from '@nestjs/common';
import type { AnswerParts, ChatSource } from '@bookstore/contracts';
import { CANNED_RESPONSES, extractOrderId, matchIntent, type Intent } from '@bookstore/intents';
import type { ConversationState, StateUpdate } from '@bookstore/sessions';
import { BookstoreClient, StoreUnavailableError } from '../store/bookstore.client.js';
import { HandoffService, readHandoff, type HandoffState } from './handoff.service.js';
import {
  ASK_EMAIL,
  EMAIL_NO_MATCH,
  ORDER_NOT_FOUND,
  STORE_DOWN,
  TOO_MANY_ATTEMPTS,
  orderDetailsText,
  orderStatusText,
  recommendationText,
  unknownCategoryText,
} from './answers.js';
import { STARTER_SUGGESTIONS, bookCards, supportLink, trackingLink } from './answer-parts.js';

/** What the bot remembers between turns; kept in the session so any replica can continue. */
export interface DialogueState {
  /** What the last answer asked the shopper for. */
  pending?: 'order_number' | 'order_email';
  /** The order the conversation is about. */
  orderId?: string;
  /** Orders whose owner this session has proved (by email), with what was shown to them. */
  verified?: VerifiedOrder[];
  /** A handoff to the support team under way, and its triggers (handoff.service.ts). */
  handoff?: HandoffState;
}

export interface VerifiedOrder {
  orderId: string;
  summary: string;
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
}

const BARE_ORDER_NUMBER = /^\s*(?:#\s*)?\d{6}\s*[.!]?\s*$/;
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/;
const WANTS_TRACKING =
  /\b(track(ing)?\s*(number|no|code|details?|info|link)|carrier|where exactly|when will it (arrive|come|get here)|estimated delivery|delivery date)\b/i;

// Words the catalog files under another name.
const CATEGORY_ALIASES: Record<string, string> = {
  thriller: 'mystery',
  'science fiction': 'science-fiction',
  'true crime': 'mystery',
};

export function readState(raw: ConversationState | null): DialogueState {
  if (!raw) return {};
  const state: DialogueState = {};
  if (raw.pending === 'order_number' || raw.pending === 'order_email') state.pending = raw.pending;
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
  const handoff = readHandoff(raw.handoff);
  if (handoff) state.handoff = handoff;
  return state;
}

/**
 * One turn of the conversation. The code decides every action (which order to look up, whether an
 * email matches); nothing the shopper writes can make it reveal another customer's order.
 */
@Injectable()
export class DialogueService {
  constructor(
    private readonly store: BookstoreClient,
    private readonly handoff: HandoffService,
  ) {}

  async respond(message: string, state: DialogueState, asker: Asker): Promise<DialogueReply> {
    const handoff = await this.handoff.take(message, state, asker);
    if (handoff) return handoff;
    return this.handoff.follow(message, state, await this.answer(message, state, asker));
  }

  private async answer(
    message: string,
    state: DialogueState,
    asker: Asker,
  ): Promise<DialogueReply> {
    const match = matchIntent(message);
    const email = EMAIL.exec(message)?.[0];

    if (state.pending === 'order_email' && state.orderId && email) {
      return this.verify(state, email, asker);
    }

    // "Refund for order 123456" is about refunds: only an order question looks the order up.
    const orderId =
      (match.intent === 'order_status' ? match.entities.orderId : undefined) ??
      (state.pending === 'order_number' && BARE_ORDER_NUMBER.test(message)
        ? extractOrderId(message)
        : undefined);
    if (orderId) return this.lookUp(orderId, state, WANTS_TRACKING.test(message));

    if (WANTS_TRACKING.test(message) && state.orderId) {
      return reply(ASK_EMAIL(state.orderId), 'order_status', {
        ...state,
        pending: 'order_email',
      });
    }

    switch (match.intent) {
      case 'order_status':
        return reply(CANNED_RESPONSES.order_status, 'order_status', {
          ...state,
          pending: 'order_number',
        });
      case 'recommendation':
        return this.recommend(match.entities.category, state);
      case 'fallback':
        return {
          ...reply(match.response, 'fallback', rest(state)),
          source: 'fallback',
          needsLlm: true,
          parts: { suggestions: [...STARTER_SUGGESTIONS], links: [supportLink()] },
        };
      case 'greeting':
        return {
          ...reply(match.response, match.intent, rest(state)),
          parts: { suggestions: [...STARTER_SUGGESTIONS] },
        };
      default:
        return reply(match.response, match.intent, rest(state));
    }
  }

  private async lookUp(
    orderId: string,
    state: DialogueState,
    wantsTracking: boolean,
  ): Promise<DialogueReply> {
    try {
      const order = await this.store.orderStatus(orderId);
      if (!order) {
        return reply(ORDER_NOT_FOUND(orderId), 'order_status', {
          ...rest(state),
          pending: 'order_number',
        });
      }
      const next: DialogueState = { ...rest(state), orderId };
      if (wantsTracking) {
        return reply(
          `${orderStatusText(orderId, order.status)} ${ASK_EMAIL(orderId)}`,
          'order_status',
          { ...next, pending: 'order_email' },
        );
      }
      return reply(orderStatusText(orderId, order.status), 'order_status', next);
    } catch (err) {
      if (!(err instanceof StoreUnavailableError)) throw err;
      return reply(STORE_DOWN, 'order_status', {
        ...rest(state),
        orderId,
        pending: 'order_number',
      });
    }
  }

  private async verify(state: DialogueState, email: string, asker: Asker): Promise<DialogueReply> {
    const orderId = state.orderId!;
    try {
      const outcome = await this.store.verifyOrder(orderId, email, asker.sessionId, asker.clientIp);
      switch (outcome.kind) {
        case 'verified': {
          const summary = orderDetailsText(outcome.order);
          const others = (state.verified ?? []).filter((v) => v.orderId !== orderId);
          return {
            ...reply(summary, 'order_status', {
              ...rest(state),
              verified: [...others, { orderId, summary }],
            }),
            parts: { links: trackingLink(outcome.order.carrier, outcome.order.tracking_number) },
          };
        }
        case 'no_match':
          return reply(EMAIL_NO_MATCH(orderId), 'order_status', state);
        case 'too_many_attempts':
          return reply(TOO_MANY_ATTEMPTS, 'order_status', rest(state));
      }
    } catch (err) {
      if (!(err instanceof StoreUnavailableError)) throw err;
      return reply(STORE_DOWN, 'order_status', state);
    }
  }

  private async recommend(
    category: string | undefined,
    state: DialogueState,
  ): Promise<DialogueReply> {
    try {
      if (!category) {
        const books = await this.store.products({ bestseller: true, limit: 3 });
        if (books.length === 0)
          return reply(CANNED_RESPONSES.recommendation, 'recommendation', rest(state));
        return {
          ...reply(
            recommendationText(books, 'Here are some of our bestsellers:'),
            'recommendation',
            rest(state),
          ),
          parts: { books: bookCards(books) },
        };
      }
      const categories = await this.store.categories();
      const wanted = CATEGORY_ALIASES[category] ?? category.replace(/\s+/g, '-');
      const found = categories.find((c) => c.slug === wanted);
      if (!found) {
        return reply(unknownCategoryText(category, categories), 'recommendation', rest(state));
      }
      const books = await this.store.products({ category: found.slug, limit: 3 });
      return {
        ...reply(
          recommendationText(books, `Here are some picks from ${found.name}:`),
          'recommendation',
          rest(state),
        ),
        parts: { books: bookCards(books) },
      };
    } catch (err) {
      if (!(err instanceof StoreUnavailableError)) throw err;
      return reply(CANNED_RESPONSES.recommendation, 'recommendation', rest(state));
    }
  }
}

/** The state without a pending question: the shopper moved on. */
function rest(state: DialogueState): DialogueState {
  const { pending: _pending, ...others } = state;
  return others;
}

function reply(response: string, intent: Intent, next: DialogueState): DialogueReply {
  const update: StateUpdate =
    Object.keys(next).length === 0 ? { clear: true } : { set: next as ConversationState };
  return { response, intent, source: 'rules', state: update };
}
