import { promptFits, type LlmMessage } from '@bookstore/llm';
import type { Turn } from '@bookstore/conversations';
import { buildPrompt, type Grounding, type HistoryBudget } from './prompt.js';

/**
 * Our count is cl100k_base's. When the server does not tell its own (see LlmClient.serverLimits),
 * the prompt is sized as if it were this much larger: on the store's own texts Llama 2 and
 * Mistral's 32k vocabularies count up to 1.17 times as many tokens (Spanish; a single short text up
 * to 1.40), Qwen 3 1.01 and Llama 3 1.00 (`bench/tokenizer-margin.mjs`, figures in the README).
 */
export const TOKENIZER_MARGIN = 1.3;
/** Above a ratio the server measured: its chat template and rounding. */
const MEASURED_SLACK = 1.05;

/** Said in the system message when the shopper's own message had to be shortened. */
export const SHORTENED_NOTE =
  "Note: the shopper's message was too long for this conversation and was shortened; answer " +
  'what it asks so far, and invite them to send the rest in a second message.';

export interface ContextBudget {
  /** The model's context window, in tokens (`LLM_CONTEXT_TOKENS`). */
  contextTokens: number;
  /** Room kept for the reply (`LLM_MAX_TOKENS`). */
  replyTokens: number;
  /** The server's tokens per cl100k token, when it told; else TOKENIZER_MARGIN applies. */
  tokenRatio?: number;
}

export interface FittedPrompt {
  messages: LlmMessage[];
  /** What had to go, for the log: earlier turns, catalog lines, and whether the message was cut. */
  dropped: { turns: number; books: number; shortened: boolean };
}

/**
 * The prompt within the model's context, so the server never cuts it (llama.cpp's server and
 * Ollama cut from the start: the system message, with the store's facts and guardrails, goes
 * first). What gives way, in order: earlier turns oldest first, then catalog lines from the least
 * relevant, then the end of the shopper's message, with a note. The system message always stays:
 * when it leaves no room for the message, nothing is sent (undefined), since the server would
 * refuse the prompt or cut its guardrails.
 */
export function fitToContext(
  question: string,
  history: readonly Turn[],
  grounding: Grounding,
  historyBudget: HistoryBudget,
  budget: ContextBudget,
): FittedPrompt | undefined {
  const margin = budget.tokenRatio ? budget.tokenRatio * MEASURED_SLACK : TOKENIZER_MARGIN;
  const limit = Math.max(0, budget.contextTokens - budget.replyTokens) / margin;
  const fits = (messages: LlmMessage[]) => promptFits(messages, limit);
  const build = (q: string, turns: Turn[], books: string[]) =>
    buildPrompt(q, turns, { ...grounding, books }, historyBudget);

  // Turns beyond the history budget are not sent anyway.
  const first = Math.max(0, history.length - historyBudget.turns);
  for (let from = first; from <= history.length; from++) {
    const messages = build(question, history.slice(from), grounding.books);
    if (fits(messages)) {
      return { messages, dropped: { turns: from - first, books: 0, shortened: false } };
    }
  }
  const sent = history.length - first;
  for (let books = 1; books <= grounding.books.length; books++) {
    const messages = build(question, [], grounding.books.slice(0, -books));
    if (fits(messages)) {
      return { messages, dropped: { turns: sent, books, shortened: false } };
    }
  }
  // The longest start of the message that fits, found by halving; at worst a few words of it.
  const noted = (q: string) => {
    const messages = build(`${q} […]`, [], []);
    messages[0] = { ...messages[0], content: `${messages[0].content}\n\n${SHORTENED_NOTE}` };
    return messages;
  };
  let low = 0;
  let high = question.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (fits(noted(question.slice(0, mid)))) low = mid;
    else high = mid - 1;
  }
  if (low === 0) return undefined;
  return {
    messages: noted(question.slice(0, low).trimEnd()),
    dropped: { turns: sent, books: grounding.books.length, shortened: true },
  };
}
