import { Injectable } from '@nestjs/common';
import type { HelpTopic } from '@bookstore/content';
import type { HelpMatchDto } from '@bookstore/contracts';
import { text, withoutOrderWords, type Language, type MessagePart } from '@bookstore/intents';
import { StoreApiClient } from '../../store-client/store-api.client.js';
import { HelpCenter, localized } from '../../knowledge/help-center.js';
import { helpArticleLink, supportLink, trackingLink } from '../../dialogue/answer-parts.js';
import { fromArticle, topicIntent } from '../../dialogue/article-answer.js';
import { languageOf, reply, rest, withParts, type Reply } from '../../dialogue/reply.js';
import type { Asker, DialogueState } from '../../dialogue/state.js';
import { orderStoreDown, unlessStoreDown } from '../../dialogue/store-down.js';
import { StoreFacts } from '../../dialogue/store-facts.js';
import {
  ASK_EMAIL,
  EMAIL_NO_MATCH,
  NOTHING_TO_TRACK,
  ORDER_NOT_FOUND,
  WRONG_LENGTH,
  cancellationText,
  isTrackable,
  orderDetailsText,
  orderStatusText,
} from './order-answers.js';

// A help article clearly about another topic outranks the word "order" in the question.
const STRONG_MATCH = 0.5;

type OrderCase = 'privacy' | 'late' | 'numberHelp';
/**
 * The help article for each order case is the store's best of the case's topics for the case's
 * words and the shopper's: any store names its articles its own way (no slug is known here).
 */
const ORDER_CASES: Record<OrderCase, { words: string; topics: readonly HelpTopic[] }> = {
  privacy: {
    words: 'privacy: look up (lookup) or find my order by email address, without its number',
    topics: ['order_status'],
  },
  late: {
    words: 'order late lost missing delayed never arrived',
    topics: ['shipping', 'order_status'],
  },
  numberHelp: { words: 'where do I find my order number', topics: ['order_status'] },
};

/**
 * Orders: looked up by number, tracking details once an email proves the order is the shopper's,
 * cancelling. The code decides every action (which order to look up, whether an email matches);
 * nothing the shopper writes can make it reveal another customer's order.
 */
@Injectable()
export class OrdersFlow {
  constructor(
    private readonly store: StoreApiClient,
    private readonly help: HelpCenter,
    private readonly facts: StoreFacts,
  ) {}

  /** What a message asks of an order by its own words (a number, an email, cancel, tracking). */
  async take(part: MessagePart, state: DialogueState, asker: Asker): Promise<Reply | undefined> {
    const { match, email, orderId, cues } = part;
    const lang = languageOf(state);
    // An email while the conversation is about an order proves that order: asked for, or given
    // with a question about it ("tracking please, it's ...") or on its own ("my email is ...").
    if (
      email &&
      !orderId &&
      state.orderId &&
      (state.pending === 'order_email' ||
        cues.details ||
        cues.tracking ||
        match.intent === 'order_status' ||
        isAlmostOnly(part.text, email))
    ) {
      return this.verify(state, state.orderId, email, asker);
    }

    const aboutOrder =
      match.intent === 'order_status' ||
      cues.cancel ||
      cues.tracking ||
      (state.pending === 'order_number' && match.intent === 'fallback');
    if (orderId && (aboutOrder || email)) {
      if (cues.cancel) return this.cancel(orderId, state);
      // The email proves the order is theirs; it is used when they ask what it unlocks.
      const awaited = state.pending === 'order_email' && state.orderId === orderId;
      if (email && (awaited || cues.details))
        return this.verify({ ...state, orderId }, orderId, email, asker);
      return this.lookUp(orderId, state, cues.tracking);
    }

    const wrong = part.wrongLength;
    if (wrong && (aboutOrder || state.pending === 'order_number')) {
      return reply(WRONG_LENGTH(lang, wrong), 'order_status', {
        ...state,
        pending: 'order_number',
      });
    }

    // "Look it up by my email": orders are found by number only.
    if (
      !orderId &&
      (match.intent === 'order_status' || cues.order) &&
      (cues.byEmail || (email && state.pending !== 'order_email'))
    ) {
      const privacy = await this.article('privacy', part);
      if (privacy)
        return fromArticle(privacy, 'order_status', state, false, this.facts.supportEmail);
    }

    if (cues.cancel && match.intent !== 'recommendation') {
      if (state.orderId) return this.cancel(state.orderId, state);
      return reply(text(lang, 'order.cancel_ask_number'), 'order_status', {
        ...state,
        pending: 'order_number',
      });
    }

    if (cues.tracking && state.orderId && match.intent !== 'shipping') {
      return this.tracking(state.orderId, state);
    }
    return undefined;
  }

  /** An order question without a number: a late parcel, where the number is, or the number. */
  async question(part: MessagePart, state: DialogueState): Promise<Reply> {
    const asked = { ...state, pending: 'order_number' as const };
    const lang = languageOf(state);
    // A late or lost parcel: what happens next, and the number to look it up.
    if (part.cues.late) {
      const late = await this.article('late', part);
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
    if (part.cues.numberHelp) {
      const help = await this.article('numberHelp', part);
      if (help) return fromArticle(help, 'order_status', asked, false, this.facts.supportEmail);
    }
    // "Can you gift wrap my order?" names an order but asks about something else.
    // Only the words that are not about the order itself can point elsewhere.
    const others = withoutOrderWords(part.probe);
    const other = /[a-z]{3,}/i.test(others)
      ? await this.help.best(others, STRONG_MATCH)
      : undefined;
    if (other && other.topic !== 'order_status') {
      return fromArticle(other, topicIntent(other.topic), state, true, this.facts.supportEmail);
    }
    return reply(text(lang, 'order_status'), 'order_status', asked);
  }

  private lookUp(orderId: string, state: DialogueState, wantsTracking: boolean): Promise<Reply> {
    const lang = languageOf(state);
    return unlessStoreDown(
      async () => {
        const order = await this.store.orderStatus(orderId);
        if (!order) return orderNotFound(lang, orderId, state);
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
      },
      () => orderStoreDown({ ...rest(state), orderId, pending: 'order_number' }),
    );
  }

  /** Tracking details for the order in the conversation: shown once, after the email matches. */
  private async tracking(orderId: string, state: DialogueState): Promise<Reply> {
    const lang = languageOf(state);
    const known = state.verified?.find((v) => v.orderId === orderId);
    if (known) return reply(known.summary, 'order_status', rest(state));
    // Without the store, the email is asked for all the same: the details wait for it.
    const order = await unlessStoreDown(
      () => this.store.orderStatus(orderId),
      () => null,
    );
    if (order && !isTrackable(order.status)) {
      return reply(NOTHING_TO_TRACK(lang, orderId, order.status), 'order_status', rest(state));
    }
    return reply(ASK_EMAIL(lang, orderId), 'order_status', { ...state, pending: 'order_email' });
  }

  private cancel(orderId: string, state: DialogueState): Promise<Reply> {
    const lang = languageOf(state);
    return unlessStoreDown(
      async () => {
        const order = await this.store.orderStatus(orderId);
        if (!order) return orderNotFound(lang, orderId, state);
        const answer = reply(cancellationText(lang, orderId, order.status), 'order_status', {
          ...rest(state),
          orderId,
        });
        return withParts(answer, { links: [supportLink(lang)] });
      },
      () => orderStoreDown({ ...rest(state), orderId }),
    );
  }

  private verify(
    state: DialogueState,
    orderId: string,
    email: string,
    asker: Asker,
  ): Promise<Reply> {
    const lang = languageOf(state);
    return unlessStoreDown(
      async () => {
        const outcome = await this.store.verifyOrder(
          orderId,
          email,
          asker.sessionId,
          asker.clientIp,
        );
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
              { links: [supportLink(lang)] },
            );
        }
      },
      () => orderStoreDown(state),
    );
  }

  /** The store's article for an order case (see ORDER_CASES), the best of its topics. */
  private async article(kind: OrderCase, part: MessagePart): Promise<HelpMatchDto | undefined> {
    const { words, topics } = ORDER_CASES[kind];
    const question = `${words} ${part.search}`;
    const found = await Promise.all(topics.map((t) => this.help.bestInTopic(question, t)));
    return found.reduce<HelpMatchDto | undefined>(
      (best, a) => (a && (!best || a.score > best.score) ? a : best),
      undefined,
    );
  }
}

/** The email and at most a few words around it ("it's ...", "my email is ..."). */
function isAlmostOnly(message: string, email: string): boolean {
  return message.replace(email, ' ').trim().split(/\s+/).filter(Boolean).length <= 4;
}

/** No such order: said, and the next message may be the right number. */
function orderNotFound(lang: Language, orderId: string, state: DialogueState): Reply {
  return reply(ORDER_NOT_FOUND(lang, orderId), 'order_status', {
    ...rest(state),
    pending: 'order_number',
  });
}
