import { CONVERSATION_RULES } from './conversation-rules.js';
import type { IntentRule } from './intent-rule.js';
import { TOPIC_RULES } from './topic-rules.js';

export type { IntentRule } from './intent-rule.js';

/** The whole intent table, in its original order (ties go to the row listed first). */
export const INTENT_RULES: readonly IntentRule[] = [...TOPIC_RULES, ...CONVERSATION_RULES];
