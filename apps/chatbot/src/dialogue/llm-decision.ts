import type { Reply } from './reply.js';

/**
 * The one place that decides whether the LLM answers the turn: there is one, no rule knew the
 * answer (the flows mark such a reply `open`), and no person was just offered (the LLM would drop
 * the offer's quick replies).
 */
export function llmAnswers(reply: Reply, llmEnabled: boolean): boolean {
  return llmEnabled && reply.open === true && reply.offered !== true;
}
