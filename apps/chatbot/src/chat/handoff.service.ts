import { Injectable } from '@nestjs/common';
import type { AnswerParts, ChatSource, SupportReason } from '@bookstore/contracts';
import {
  LANGUAGES,
  matchIntentIn,
  text,
  type Intent,
  type Language,
  type TextKey,
} from '@bookstore/intents';
import { LlmClient } from '@bookstore/llm';
import {
  SessionStore,
  type ConversationState,
  type StateUpdate,
  type Turn,
} from '@bookstore/sessions';
import { BookstoreClient, StoreUnavailableError } from '../store-client/bookstore.client.js';
import { supportLink } from './answer-parts.js';

/** The quick reply that starts a handoff; the widget sends its text back as the next message. */
export const CONTACT_SUPPORT = text('en', 'handoff.contact');

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
  readonly language?: Language;
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
// The quick replies' own texts, in every language, are answers too.
const quickReplies = (key: TextKey): string =>
  LANGUAGES.map((l) => text(l, key).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
const ACCEPT = new RegExp(
  `^\\s*(yes|yeah|yep|sure|ok(ay)?|please|go ahead|do it|contact support|s[ií]|claro|vale|por favor|oui|d'accord|volontiers|ja|gerne|bitte|${quickReplies('handoff.contact')})(?![\\p{L}])`,
  'iu',
);
const DECLINE = new RegExp(
  `^\\s*(no|nope|not now|no thanks?|cancel|never ?mind|stop|non|nein|${quickReplies('handoff.cancel')}|${quickReplies('handoff.no_thanks')})(?![\\p{L}])`,
  'iu',
);
const NOT_THAT =
  /^\s*(no|nope|not that one|another|a different one|non|nein|otra|une autre|eine andere)\b(?!\s*(thanks?|gracias|merci|danke))/i;
const SKIP = new RegExp(
  `^\\s*(skip|no|nothing( else)?|that'?s all|see above|nada|rien|nichts|${quickReplies('handoff.skip')})\\s*[.!]?\\s*$`,
  'iu',
);
const STEPS: readonly Step[] = ['offered', 'email', 'problem'];
const REASONS: readonly BotReason[] = ['asked', 'frustrated', 'not_understood'];
const PROBLEM_MAX = 1000;
// The gateway refuses control characters in the problem; a tab or newline may stay.
// eslint-disable-next-line no-control-regex -- control characters are what it removes
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/g;

/** A handoff text in the conversation's language. */
function say(state: Context, key: TextKey, vars?: Record<string, string>): string {
  return text(state.language ?? 'en', key, vars);
}

/** Quick replies in the conversation's language. */
function buttons(state: Context, ...keys: TextKey[]): string[] {
  return keys.map((key) => say(state, key));
}

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
    private readonly sessions: SessionStore,
  ) {}

  /** Answers the turn when a handoff is under way or asked for; otherwise undefined. */
  async take(
    message: string,
    state: Context,
    asker: { sessionId: string; clientIp?: string },
  ): Promise<HandoffReply | undefined> {
    const h = state.handoff ?? {};
    const intent = matchIntentIn(message, state.language ?? 'en').intent;
    switch (h.step) {
      case 'offered': {
        // "my email is ..." right after the offer: a yes, with the address the team answers.
        const email = EMAIL_IN.exec(message)?.[0];
        if (email && isEmail(email) && state.pending !== 'order_email')
          return askProblem(state, { ...h, email });
        if (ACCEPT.test(message) || intent === 'handoff') return this.askEmail(state, h);
        if (DECLINE.test(message)) return answer(say(state, 'handoff.cancelled'), state, idle(h));
        return undefined;
      }
      case 'email': {
        const email = EMAIL_IN.exec(message)?.[0];
        // "No" to the proposed address asks for another; "cancel" (or "no" otherwise) stops.
        if (!email && h.proposed && NOT_THAT.test(message)) {
          return answer(say(state, 'handoff.ask_email'), state, { ...h, proposed: undefined }, [
            say(state, 'handoff.cancel'),
          ]);
        }
        if (!email && DECLINE.test(message))
          return answer(say(state, 'handoff.cancelled'), state, idle(h));
        if (email && isEmail(email)) return askProblem(state, { ...h, email });
        if (!email && h.proposed && ACCEPT.test(message)) {
          return askProblem(state, { ...h, email: h.proposed });
        }
        // Another question altogether: the shopper moved on.
        if (!email && intent !== 'fallback' && intent !== 'handoff') return undefined;
        return answer(say(state, 'handoff.bad_email'), state, h, buttons(state, 'handoff.cancel'));
      }
      case 'problem':
        if (DECLINE.test(message) && !SKIP.test(message))
          return answer(say(state, 'handoff.cancelled'), state, idle(h));
        return this.create(message, state, h, asker);
    }
    if (intent === 'handoff') return offer(state, { ...h, reason: 'asked' });
    return undefined;
  }

  /**
   * After any other answer: counts the triggers, remembers a verified order's email, and adds the
   * offer to the answer once a trigger is reached.
   */
  follow<R extends HandoffReply>(
    message: string,
    state: Context,
    reply: R,
    llmDown = this.llm.backend === 'none' || this.llm.circuitState() === 'open',
  ): R {
    const h: HandoffState = idle(state.handoff ?? {});
    const intent: string = reply.intent;
    if (intent === 'frustrated') h.frustrated = (h.frustrated ?? 0) + 1;
    // With an LLM, a message no rule knew still gets an answer: only the fallback text is "not
    // understood", as it is when there is no LLM, its circuit is open (it is known to be down) or
    // it failed on this very message (`llmDown`, from the turn that saw it fail).
    const notUnderstood = intent === 'gibberish' || (intent === 'fallback' && llmDown);
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
      response: `${reply.response} ${say(state, 'handoff')}`,
      // The offer is the answer now: the LLM would drop the quick reply.
      needsLlm: false,
      parts: {
        ...reply.parts,
        suggestions: buttons(state, 'handoff.contact', 'handoff.no_thanks'),
      },
      state: withHandoff(next, offered),
    };
  }

  private askEmail(state: Context, h: HandoffState): HandoffReply {
    const next: HandoffState = { ...h, step: 'email' };
    if (h.proposed) {
      return answer(
        say(state, 'handoff.propose_email', { email: h.proposed }),
        state,
        next,
        buttons(state, 'handoff.yes', 'handoff.cancel'),
      );
    }
    return answer(say(state, 'handoff.ask_email'), state, next, buttons(state, 'handoff.cancel'));
  }

  private async create(
    message: string,
    state: Context,
    h: HandoffState,
    asker: { sessionId: string; clientIp?: string },
  ): Promise<HandoffReply> {
    const email = h.email!;
    const problem = SKIP.test(message)
      ? say(state, 'handoff.see_conversation')
      : message.replace(CONTROL, ' ').trim().slice(0, PROBLEM_MAX);
    try {
      const outcome = await this.store.createSupportRequest(
        {
          session_id: asker.sessionId,
          email,
          problem,
          reason: h.reason ?? 'asked',
          language: state.language ?? 'en',
        },
        await this.transcript(asker.sessionId),
        asker.clientIp,
      );
      switch (outcome.kind) {
        case 'created':
          return answer(
            say(state, 'handoff.created', {
              reference: outcome.reference,
              // The store words when the team answers in English; the other languages say it.
              expected: state.language ? '' : outcome.expectedAnswer,
              email,
            }).replace(/\s{2,}/g, ' '),
            state,
            idle(h),
          );
        case 'too_many':
          return {
            ...answer(say(state, 'handoff.too_many'), state, idle(h)),
            parts: { links: [supportLink(state.language)] },
          };
        case 'invalid':
          return answer(
            say(state, 'handoff.bad_email'),
            state,
            { ...h, step: 'email', email: undefined },
            buttons(state, 'handoff.cancel'),
          );
      }
    } catch (err) {
      if (!(err instanceof StoreUnavailableError)) throw err;
      return {
        ...answer(say(state, 'handoff.down'), state, idle(h)),
        parts: { links: [supportLink(state.language)] },
      };
    }
  }

  /** The turns so far, sent so the gateway need not call back mid-turn; unreadable: it reads them. */
  private transcript(sessionId: string): Promise<Turn[] | undefined> {
    return this.sessions.history(sessionId).catch(() => undefined);
  }
}

function offer(state: Context, h: HandoffState): HandoffReply {
  return answer(
    say(state, 'handoff'),
    state,
    { ...h, step: 'offered' },
    buttons(state, 'handoff.contact', 'handoff.no_thanks'),
  );
}

function askProblem(state: Context, h: HandoffState): HandoffReply {
  return answer(
    say(state, 'handoff.ask_problem'),
    state,
    { ...h, step: 'problem' },
    buttons(state, 'handoff.skip', 'handoff.cancel'),
  );
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
