export {
  extractCategory,
  extractOrderId,
  extractWrongLengthOrderNumber,
  stemsOf,
} from './books/entities.js';
export {
  INTENTS,
  planIntent,
  type ConversationIntent,
  type Intent,
  type IntentEntities,
  type IntentMatch,
  type PlanIntent,
} from './intent.types.js';
export { analyzeIntent, matchIntent, type IntentAnalysis } from './matching/matcher.js';
export { normalize, stem } from './words/normalize.js';
export { Speller } from './words/speller.js';
export { isFunctionWord } from './words/vocabulary.js';
export { returnCase, type ReturnCase } from './return-case.js';
export {
  CANNED_RESPONSES,
  CONVERSATION_RESPONSES,
  LLM_FAILURE_RESPONSE,
  responseFor,
} from './matching/responses.js';
export { INTENT_RULES, type IntentRule } from './matching/rules.js';
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
} from './books/books.js';
export { detectLanguage } from './language/language.js';
export { englishGloss, fold, foreignIntent, type ForeignLanguage } from './language/foreign.js';
export { matchIntentIn } from './language/multilingual.js';
export {
  LANGUAGES,
  TEXTS,
  isLanguage,
  placeholders,
  text,
  type Language,
  type TextKey,
} from './texts/index.js';
export { askedShelfWord, withoutOrderWords, type Cues } from './reading/cues.js';
export { findAddress, isEmailAddress, type HandoffAnswer } from './reading/handoff-answers.js';
export { splitQuestions } from './reading/questions.js';
export {
  askedMeasure,
  contentWords,
  isGeneric,
  isVague,
  type FactTopic,
} from './reading/topic-words.js';
export {
  understand,
  type BookCues,
  type MessagePart,
  type ReadingContext,
  type Understanding,
} from './reading/understanding.js';
