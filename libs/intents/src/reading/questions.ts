import type { Intent } from '../intent.types.js';
import { matchIntent } from '../matching/matcher.js';

const REAL_TOPICS = new Set<Intent>(['shipping', 'returns', 'payment', 'order_status']);

/**
 * Splits "what cards do you take, and can I return a book?" into its questions, only when each
 * part on its own is a question about a different topic; otherwise the message stays whole.
 */
export function splitQuestions(message: string): string[] {
  const parts = message
    .split(
      /\?\s+|;\s*|,\s*(?:and|also|plus)\s+|\s+and also\s+|\.\s+(?=\w)|\s+and\s+(?=(?:how|what|when|where|which|can|could|do|does|is|are|will)\b)/i,
    )
    .map((p) => p.trim())
    .filter((p) => p.split(/\s+/).length >= 3);
  if (parts.length < 2) return [message];
  const topics = parts.map((p) => matchIntent(p).intent);
  if (!topics.every((t) => REAL_TOPICS.has(t))) return [message];
  if (new Set(topics).size < topics.length) return [message];
  return parts;
}
