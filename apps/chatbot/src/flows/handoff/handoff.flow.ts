import { Injectable } from '@nestjs/common';
import { isEmailAddress, text, type TextKey, type Understanding } from '@bookstore/intents';
import { LlmClient } from '@bookstore/llm';
import { Conversations, type Turn } from '@bookstore/conversations';
import { StoreApiClient } from '../../store-client/store-api.client.js';
import { supportLink } from '../../dialogue/answer-parts.js';
import type { Reply } from '../../dialogue/reply.js';
import type { Asker, DialogueState } from '../../dialogue/state.js';
import { unlessStoreDown } from '../../dialogue/store-down.js';
import { idle, stateOf, withHandoff, type BotReason, type HandoffState } from './handoff-state.js';

const PROBLEM_MAX = 1000;
// The gateway refuses control characters in the problem; a tab or newline may stay.
// eslint-disable-next-line no-control-regex -- control characters are what it removes
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/g;

/** A handoff text in the conversation's language. */
function say(state: DialogueState, key: TextKey, vars?: Record<string, string>): string {
  return text(state.language ?? 'en', key, vars);
}

/** Quick replies in the conversation's language. */
function buttons(state: DialogueState, ...keys: TextKey[]): string[] {
  return keys.map((key) => say(state, key));
}

/**
 * Handing the shopper to a person: offered when they ask for one, are frustrated twice or are not
 * understood twice in a row; then the email to answer and one line on the problem, and a support
 * request through the gateway, whose reference the shopper gets.
 */
@Injectable()
export class HandoffFlow {
  constructor(
    private readonly store: StoreApiClient,
    private readonly llm: LlmClient,
    private readonly sessions: Conversations,
  ) {}

  /** Answers the turn when a handoff is under way or asked for; otherwise undefined. */
  async take(heard: Understanding, state: DialogueState, asker: Asker): Promise<Reply | undefined> {
    const h = state.handoff ?? {};
    const intent = heard.match.intent;
    const email = heard.address;
    switch (h.step) {
      case 'offered': {
        // "my email is ..." right after the offer: a yes, with the address the team answers.
        if (email && isEmailAddress(email) && state.pending !== 'order_email')
          return askProblem(state, { ...h, email });
        if (heard.answers.has('accept') || intent === 'handoff') return this.askEmail(state, h);
        if (heard.answers.has('decline'))
          return answer(say(state, 'handoff.cancelled'), state, idle(h));
        return undefined;
      }
      case 'email': {
        // "No" to the proposed address asks for another; "cancel" (or "no" otherwise) stops.
        if (!email && h.proposed && heard.answers.has('not_that')) {
          return answer(say(state, 'handoff.ask_email'), state, { ...h, proposed: undefined }, [
            say(state, 'handoff.cancel'),
          ]);
        }
        if (!email && heard.answers.has('decline'))
          return answer(say(state, 'handoff.cancelled'), state, idle(h));
        if (email && isEmailAddress(email)) return askProblem(state, { ...h, email });
        if (!email && h.proposed && heard.answers.has('accept')) {
          return askProblem(state, { ...h, email: h.proposed });
        }
        // Another question altogether: the shopper moved on.
        if (!email && intent !== 'fallback' && intent !== 'handoff') return undefined;
        return answer(say(state, 'handoff.bad_email'), state, h, buttons(state, 'handoff.cancel'));
      }
      case 'problem':
        if (heard.answers.has('decline') && !heard.answers.has('skip'))
          return answer(say(state, 'handoff.cancelled'), state, idle(h));
        return this.create(heard, state, h, asker);
    }
    if (intent === 'handoff') return offer(state, { ...h, reason: 'asked' });
    return undefined;
  }

  /**
   * After any other answer: counts the triggers, remembers a verified order's email, and adds the
   * offer to the answer once a trigger is reached.
   */
  follow(
    heard: Understanding,
    state: DialogueState,
    reply: Reply,
    llmDown = this.llm.backend === 'none' || this.llm.circuitState() === 'open',
  ): Reply {
    const h: HandoffState = idle(state.handoff ?? {});
    const intent: string = reply.intent;
    if (intent === 'frustrated') h.frustrated = (h.frustrated ?? 0) + 1;
    // With an LLM, a message no rule knew still gets an answer: only the fallback text is "not
    // understood", as it is when there is no LLM, its circuit is open (it is known to be down) or
    // it failed on this very message (`llmDown`, from the turn that saw it fail).
    const notUnderstood = intent === 'gibberish' || (intent === 'fallback' && llmDown);
    h.misunderstood = notUnderstood ? (h.misunderstood ?? 0) + 1 : 0;

    const next = stateOf(reply.state, state);
    const email = heard.address;
    const before = new Set((state.verified ?? []).map((v) => v.orderId));
    const verified = (next?.verified ?? []) as Array<{ orderId: string }>;
    if (email && isEmailAddress(email) && verified.some((v) => !before.has(v.orderId)))
      h.proposed = email;

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
      offered: true,
      parts: {
        ...reply.parts,
        suggestions: buttons(state, 'handoff.contact', 'handoff.no_thanks'),
      },
      state: withHandoff(next, offered),
    };
  }

  private askEmail(state: DialogueState, h: HandoffState): Reply {
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

  private create(
    heard: Understanding,
    state: DialogueState,
    h: HandoffState,
    asker: Asker,
  ): Promise<Reply> {
    const email = h.email!;
    const problem = heard.answers.has('skip')
      ? say(state, 'handoff.see_conversation')
      : heard.text.replace(CONTROL, ' ').trim().slice(0, PROBLEM_MAX);
    const request = {
      session_id: asker.sessionId,
      email,
      problem,
      reason: h.reason ?? 'asked',
      language: state.language ?? 'en',
    };
    return unlessStoreDown(
      async () => {
        const outcome = await this.store.createSupportRequest(
          request,
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
      },
      () => ({
        ...answer(say(state, 'handoff.down'), state, idle(h)),
        parts: { links: [supportLink(state.language)] },
      }),
    );
  }

  /** The turns so far, sent so the gateway need not call back mid-turn; unreadable: it reads them. */
  private transcript(sessionId: string): Promise<Turn[] | undefined> {
    return this.sessions.history(sessionId).catch(() => undefined);
  }
}

function offer(state: DialogueState, h: HandoffState): Reply {
  return answer(
    say(state, 'handoff'),
    state,
    { ...h, step: 'offered' },
    buttons(state, 'handoff.contact', 'handoff.no_thanks'),
  );
}

function askProblem(state: DialogueState, h: HandoffState): Reply {
  return answer(
    say(state, 'handoff.ask_problem'),
    state,
    { ...h, step: 'problem' },
    buttons(state, 'handoff.skip', 'handoff.cancel'),
  );
}

function answer(
  response: string,
  state: DialogueState,
  h: HandoffState,
  suggestions?: string[],
): Reply {
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
