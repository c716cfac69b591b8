import type { AnswerParts, ChatSource } from '@bookstore/contracts';
import type { Intent, Language } from '@bookstore/intents';
import type { ConversationState, StateUpdate } from '@bookstore/conversations';
import type { DialogueState } from './state.js';

/** An answer to the shopper, from whichever flow (or the LLM) gave it: the chatbot's one reply. */
export interface Reply {
  response: string;
  intent: Intent;
  source: ChatSource;
  state: StateUpdate;
  /** No rule knew: `response` is what is said when no LLM answers (set by the flows). */
  open?: boolean;
  /** The handoff offered a person with this answer: its quick replies must stay. */
  offered?: boolean;
  /** The dialogue's decision (llm-decision.ts): the LLM answers this turn. */
  needsLlm?: boolean;
  /** Quick replies, book cards and links to send beside the text. */
  parts?: AnswerParts;
  /** The language the answer is in (the conversation's, decided on this message). */
  language?: Language;
  /** An LLM answer that broke off (failure or Stop): stored as what the shopper saw, marked. */
  cut?: boolean;
}

export function reply(response: string, intent: Intent, next: DialogueState): Reply {
  return { response, intent, source: 'rules', state: stateUpdate(next) };
}

export function stateUpdate(next: DialogueState | ConversationState): StateUpdate {
  return Object.keys(next).length === 0 ? { clear: true } : { set: next as ConversationState };
}

export function withParts(answer: Reply, parts: AnswerParts): Reply {
  return { ...answer, parts: { ...answer.parts, ...parts } };
}

/** The state without a pending question: the shopper moved on. */
export function rest(state: DialogueState): DialogueState {
  const { pending: _pending, ...others } = state;
  return others;
}

export function languageOf(state: DialogueState): Language {
  return state.language ?? 'en';
}

/** Two questions in one message: both answers, in the order asked. */
export function combine(replies: Reply[]): Reply {
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
    ...(replies.some((r) => r.open) ? { open: true } : {}),
    parts,
  };
}
