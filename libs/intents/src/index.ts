export { extractCategory, extractOrderId } from './entities.js';
export { INTENTS, type Intent, type IntentEntities, type IntentMatch } from './intent.types.js';
export { analyzeIntent, matchIntent, type IntentAnalysis } from './matcher.js';
export { normalize } from './normalize.js';
export { CANNED_RESPONSES, LLM_FAILURE_RESPONSE } from './responses.js';
export { INTENT_RULES, type IntentRule } from './rules.js';
