import {
  CONVERSATION_INTENTS,
  PLAN_INTENTS,
  type ConversationIntent,
  type Intent,
  type PlanIntent,
} from '../intent.types.js';
import { EN } from '../texts/en.js';

// The English texts are the one copy (texts/en.ts); these tables name the ones each intent answers.
function pick<K extends keyof typeof EN>(keys: readonly K[]): Readonly<Record<K, string>> {
  const table = {} as Record<K, string>;
  for (const key of keys) table[key] = EN[key];
  return Object.freeze(table);
}

export const CANNED_RESPONSES: Readonly<Record<PlanIntent, string>> = pick(PLAN_INTENTS);

/** Short answers for small talk; `help` answers come from the help center, this is its fallback. */
export const CONVERSATION_RESPONSES: Readonly<Record<ConversationIntent, string>> =
  pick(CONVERSATION_INTENTS);

export function responseFor(intent: Intent): string {
  return intent in CANNED_RESPONSES
    ? CANNED_RESPONSES[intent as PlanIntent]
    : CONVERSATION_RESPONSES[intent as ConversationIntent];
}

export const LLM_FAILURE_RESPONSE = EN.llm_failure;
