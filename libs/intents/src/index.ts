export {
  extractCategory,
  extractOrderId,
  extractWrongLengthOrderNumber,
  stemsOf,
} from './entities.js';
export {
  INTENTS,
  planIntent,
  type ConversationIntent,
  type Intent,
  type IntentEntities,
  type IntentMatch,
  type PlanIntent,
} from './intent.types.js';
export { analyzeIntent, matchIntent, type IntentAnalysis } from './matcher.js';
export { normalize, stem } from './normalize.js';
export { Speller } from './speller.js';
export { isFunctionWord } from './vocabulary.js';
export { returnCase, type ReturnCase } from './return-case.js';
export {
  CANNED_RESPONSES,
  CONVERSATION_RESPONSES,
  LLM_FAILURE_RESPONSE,
  responseFor,
} from './responses.js';
export { INTENT_RULES, type IntentRule } from './rules.js';
export {
  WELL_KNOWN_TITLES,
  asksForBestsellers,
  asksForMore,
  categoryPhrases,
  childAge,
  findCategoryMentions,
  isForChildren,
  likenessTarget,
  negatedSpans,
  wellKnownCategory,
  type CategoryMention,
} from './books.js';
export { detectLanguage } from './language.js';
export { englishGloss, fold, foreignIntent, type ForeignLanguage } from './foreign.js';
export { matchIntentIn } from './multilingual.js';
export {
  LANGUAGES,
  TEXTS,
  isLanguage,
  placeholders,
  text,
  type Language,
  type TextKey,
} from './texts/index.js';
