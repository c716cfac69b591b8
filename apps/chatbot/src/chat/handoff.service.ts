import { Injectable } from '@nestjs/common';
import type { AnswerParts, ChatSource, SupportReason } from '@bookstore/contracts';
import { CONVERSATION_RESPONSES, matchIntent, type Intent } from '@bookstore/intents';
import { LlmClient } from '@bookstore/llm';
import type { ConversationState, StateUpdate } from '@bookstore/sessions';
import { BookstoreClient, StoreUnavailableError } from '../store-client/bookstore.client.js';
import { supportLink } from './answer-parts.js';

/** The quick reply that starts a handoff; the widget sends its text back as the next message. */
export const CONTACT_SUPPORT = 'Contact the support team';
const NO_THANKS = 'No thanks';

type Step = 'offered' | 'email' | 'problem';
type BotReason = Exclude<SupportReason, 'form'>;

/** Kept under the `handoff` key of the conversation state, so any replica can continue. */
export interface HandoffState {
  step?: Step;
  reason?: BotReason;
  /** The address the team answers, once given. */
  email?: string;
  /** The email that verified an order in this conversation: proposed instead of asking. */
  proposed?: string;
  /** Frustrated messages so far, and messages not understood in a row: two of either offer help. */
  frustrated?: number;
  misunderstood?: number;
}

/** What the handoff needs of the dialogue's state and reply (structurally DialogueState/-Reply). */
interface Context {
  readonly handoff?: HandoffState;
  readonly verified?: ReadonlyArray<{ orderId: string }>;
  readonly pending?: string;
}

export interface HandoffReply {
  response: string;
  intent: Intent;
  source: ChatSource;
  state: StateUpdate;
  needsLlm?: boolean;
  parts?: AnswerParts;
}

const EMAIL_IN = /[^\s@<>()[\]"',;:]+@[^\s@<>()[\]"',;:]+\.[A-Za-z]{2,}/;
const ACCEPT =
  /^\s*(yes|yeah|yep|sure|ok(ay)?|please|go ahead|do it|contact the support team|contact support)\b/i;
const DECLINE = /^\s*(no|nope|not now|no thanks?|cancel|never ?mind|stop)\b/i;
const NOT_THAT = /^\s*(no|nope|not that one|another|a different one)\b(?!\s*thanks?)/i;
const SKIP = /^\s*(skip|no|nothing( else)?|that'?s all|see above)\s*[.!]?\s*$/i;
const STEPS: readonly Step[] = ['offered', 'email', 'problem'];
const REASONS: readonly BotReason[] = ['asked', 'frustrated', 'not_understood'];
const PROBLEM_MAX = 1000;
// The gateway refuses control characters in the problem; a tab or newline may stay.
// eslint-disable-next-line no-control-regex -- control characters are what it removes
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/g;

const OFFER = CONVERSATION_RESPONSES.handoff;
const ASK_EMAIL = 'What email address should the team answer you at?';
const ASK_PROBLEM =
  'Thanks. In a line, what should the team know? Or say "skip": they will read this conversation.';
const BAD_EMAIL =
  "That doesn't look like an email address. Please type the address the team should answer you at, or say cancel.";
const CANCELLED = 'No problem. What else can I help you with?';
const TOO_MANY =
  'You have already sent several requests to the support team; they will answer you by email. You can also write to support@bookstore.com.';
const SUPPORT_DOWN =
  "I can't reach our support system right now. Please email support@bookstore.com, or try again in a few minutes.";

export function readHandoff(raw: unknown): HandoffState | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const r = raw as Record<string, unknown>;
  const out: HandoffState = {};
  if (STEPS.includes(r.step as Step)) out.step = r.step as Step;
  if (REASONS.includes(r.reason as BotReason)) out.reason = r.reason as BotReason;
  if (typeof r.email === 'string' && isEmail(r.email)) out.email = r.email;
  if (typeof r.proposed === 'string' && isEmail(r.proposed)) out.proposed = r.proposed;
  for (const key of ['frustrated', 'misunderstood'] as const) {
    const n = r[key];
    if (typeof n === 'number' && Number.isInteger(n) && n > 0 && n < 100) out[key] = n;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

function isEmail(text: string): boolean {
  return text.length <= 254 && new RegExp(`^${EMAIL_IN.source}$`).test(text);
}

/**
 * Handing the shopper to a person: offered when they ask for one, are frustrated twice or are not
 * understood twice in a row; then the email to answer and one line on the problem, and a support
 * request through the gateway, whose reference the shopper gets.
 */
@Injectable()
export class HandoffService {
  constructor(
    private readonly store: BookstoreClient,
    private readonly llm: LlmClient,
  ) {}

  /** Answers the turn when a handoff is under way or asked for; otherwise undefined. */
  async take(
    message: string,
    state: Context,
    asker: { sessionId: string; clientIp?: string },
  ): Promise<HandoffReply | undefined> {
    const h = state.handoff ?? {};
    const intent = matchIntent(message).intent;
    switch (h.step) {
      case 'offered':
        if (ACCEPT.test(message) || intent === 'handoff') return this.askEmail(state, h);
        if (DECLINE.test(message)) return answer(CANCELLED, state, idle(h));
        return undefined;
      case 'email': {
        const email = EMAIL_IN.exec(message)?.[0];
        // "No" to the proposed address asks for another; "cancel" (or "no" otherwise) stops.
        if (!email && h.proposed && NOT_THAT.test(message)) {
          return answer(ASK_EMAIL, state, { ...h, proposed: undefined }, ['Cancel']);
        }
        if (!email && DECLINE.test(message)) return answer(CANCELLED, state, idle(h));
        if (email && isEmail(email)) return askProblem(state, { ...h, email });
        if (!email && h.proposed && ACCEPT.test(message)) {
          return askProblem(state, { ...h, email: h.proposed });
        }
        // Another question altogether: the shopper moved on.
        if (!email && intent !== 'fallback' && intent !== 'handoff') return undefined;
        return answer(BAD_EMAIL, state, h, ['Cancel']);
      }
      case 'problem':
        if (DECLINE.test(message) && !SKIP.test(message)) return answer(CANCELLED, state, idle(h));
        return this.create(message, state, h, asker);
    }
    if (intent === 'handoff') return offer(state, { ...h, reason: 'asked' });
    return undefined;
  }

  /**
   * After any other answer: counts the triggers, remembers a verified order's email, and adds the
   * offer to the answer once a trigger is reached.
   */
  follow<R extends HandoffReply>(message: string, state: Context, reply: R): R {
    const h: HandoffState = idle(state.handoff ?? {});
    const intent: string = reply.intent;
    if (intent === 'frustrated') h.frustrated = (h.frustrated ?? 0) + 1;
    // With an LLM, a message no rule knew still gets an answer: only the fallback text is "not understood".
    const notUnderstood =
      intent === 'gibberish' || (intent === 'fallback' && this.llm.backend === 'none');
    h.misunderstood = notUnderstood ? (h.misunderstood ?? 0) + 1 : 0;

    const next = stateOf(reply.state, state);
    const email = EMAIL_IN.exec(message)?.[0];
    const before = new Set((state.verified ?? []).map((v) => v.orderId));
    const verified = (next?.verified ?? []) as Array<{ orderId: string }>;
    if (email && isEmail(email) && verified.some((v) => !before.has(v.orderId))) h.proposed = email;

    let reason: BotReason | undefined;
    if ((h.frustrated ?? 0) >= 2) reason = 'frustrated';
    else if (h.misunderstood >= 2) reason = 'not_understood';
    if (!reason) return { ...reply, state: withHandoff(next, h) };

    const offered: HandoffState = {
      ...h,
      frustrated: 0,
      misunderstood: 0,
      step: 'offered',
      reason,
    };
    return {
      ...reply,
      response: `${reply.response} ${OFFER}`,
      // The offer is the answer now: the LLM would drop the quick reply.
      needsLlm: false,
      parts: { ...reply.parts, suggestions: [CONTACT_SUPPORT, NO_THANKS] },
      state: withHandoff(next, offered),
    };
  }

  private askEmail(state: Context, h: HandoffState): HandoffReply {
    const next: HandoffState = { ...h, step: 'email' };
    if (h.proposed) {
      return answer(
        `Should the team answer you at ${h.proposed}? Say yes, or type another email address.`,
        state,
        next,
        ['Yes', 'Cancel'],
      );
    }
    return answer(ASK_EMAIL, state, next, ['Cancel']);
  }

  private async create(
    message: string,
    state: Context,
    h: HandoffState,
    asker: { sessionId: string; clientIp?: string },
  ): Promise<HandoffReply> {
    const email = h.email!;
    const problem = SKIP.test(message)
      ? 'See the conversation.'
      : message.replace(CONTROL, ' ').trim().slice(0, PROBLEM_MAX);
    try {
      const outcome = await this.store.createSupportRequest(
        { session_id: asker.sessionId, email, problem, reason: h.reason ?? 'asked' },
        asker.clientIp,
      );
      switch (outcome.kind) {
        case 'created':
          return answer(
            `Done: your request is ${outcome.reference}. ${outcome.expectedAnswer} They will write to ${email}.`,
            state,
            idle(h),
          );
        case 'too_many':
          return { ...answer(TOO_MANY, state, idle(h)), parts: { links: [supportLink()] } };
        case 'invalid':
          return answer(BAD_EMAIL, state, { ...h, step: 'email', email: undefined }, ['Cancel']);
      }
    } catch (err) {
      if (!(err instanceof StoreUnavailableError)) throw err;
      return { ...answer(SUPPORT_DOWN, state, idle(h)), parts: { links: [supportLink()] } };
    }
  }
}

function offer(state: Context, h: HandoffState): HandoffReply {
  return answer(OFFER, state, { ...h, step: 'offered' }, [CONTACT_SUPPORT, NO_THANKS]);
}

function askProblem(state: Context, h: HandoffState): HandoffReply {
  return answer(ASK_PROBLEM, state, { ...h, step: 'problem' }, ['Skip', 'Cancel']);
}

/** The counters and the proposed email stay; the step, reason and given email go. */
function idle(h: HandoffState): HandoffState {
  const { step: _s, reason: _r, email: _e, ...rest } = h;
  return rest;
}

function answer(
  response: string,
  state: Context,
  h: HandoffState,
  suggestions?: string[],
): HandoffReply {
  // A handoff step replaces any pending order question.
  const { pending: _pending, handoff: _h, ...others } = state;
  return {
    response,
    intent: 'handoff',
    source: 'rules',
    state: withHandoff(others, h),
    ...(suggestions ? { parts: { suggestions } } : {}),
  };
}

function stateOf(update: StateUpdate, before: Context): ConversationState | undefined {
  if ('set' in update) return update.set;
  if ('keep' in update) return before as ConversationState;
  return undefined;
}

function withHandoff(next: ConversationState | undefined, h: HandoffState): StateUpdate {
  const { handoff: _old, ...others } = next ?? {};
  const clean = Object.fromEntries(Object.entries(h).filter(([, v]) => v !== undefined && v !== 0));
  const merged = Object.keys(clean).length > 0 ? { ...others, handoff: clean } : others;
  return Object.keys(merged).length > 0 ? { set: merged } : { clear: true };
}
