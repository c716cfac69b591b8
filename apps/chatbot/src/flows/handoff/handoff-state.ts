import type { SupportReason } from '@bookstore/contracts';
import { isEmailAddress } from '@bookstore/intents';
import type { ConversationState, StateUpdate } from '@bookstore/conversations';

export type Step = 'offered' | 'email' | 'problem';
export type BotReason = Exclude<SupportReason, 'form'>;

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

const STEPS: readonly Step[] = ['offered', 'email', 'problem'];
const REASONS: readonly BotReason[] = ['asked', 'frustrated', 'not_understood'];

export function readHandoff(raw: unknown): HandoffState | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const r = raw as Record<string, unknown>;
  const out: HandoffState = {};
  if (STEPS.includes(r.step as Step)) out.step = r.step as Step;
  if (REASONS.includes(r.reason as BotReason)) out.reason = r.reason as BotReason;
  if (typeof r.email === 'string' && isEmailAddress(r.email)) out.email = r.email;
  if (typeof r.proposed === 'string' && isEmailAddress(r.proposed)) out.proposed = r.proposed;
  for (const key of ['frustrated', 'misunderstood'] as const) {
    const n = r[key];
    if (typeof n === 'number' && Number.isInteger(n) && n > 0 && n < 100) out[key] = n;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** The counters and the proposed email stay; the step, reason and given email go. */
export function idle(h: HandoffState): HandoffState {
  const { step: _s, reason: _r, email: _e, ...rest } = h;
  return rest;
}

export function stateOf(update: StateUpdate, before: object): ConversationState | undefined {
  if ('set' in update) return update.set;
  if ('keep' in update) return before as ConversationState;
  return undefined;
}

export function withHandoff(next: ConversationState | undefined, h: HandoffState): StateUpdate {
  const { handoff: _old, ...others } = next ?? {};
  const clean = Object.fromEntries(Object.entries(h).filter(([, v]) => v !== undefined && v !== 0));
  const merged = Object.keys(clean).length > 0 ? { ...others, handoff: clean } : others;
  return Object.keys(merged).length > 0 ? { set: merged } : { clear: true };
}
