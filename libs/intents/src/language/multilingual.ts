import { extractOrderId } from '../books/entities.js';
import { englishGloss, foreignIntent } from './foreign.js';
import type { IntentMatch } from '../intent.types.js';
import { matchIntent } from '../matching/matcher.js';
import { text, type Language } from '../texts/index.js';

/**
 * matchIntent in the conversation's language: Spanish, French and German go through their own rules
 * first, then the English ones (a bare "PayPal" or "123456" reads the same in every language); the
 * canned reply is in that language. Entities come from the message and its English gloss.
 */
export function matchIntentIn(message: string, language: Language): IntentMatch {
  if (language === 'en') return matchIntent(message);
  const own = foreignIntent(message, language);
  const gloss = englishGloss(message, language);
  const english = matchIntent(own === undefined ? message : `${message} ${gloss}`);
  const intent = own ?? english.intent;
  const entities = { ...english.entities };
  const orderId = extractOrderId(message);
  if (orderId !== undefined) entities.orderId = orderId;
  const category = gloss === '' ? undefined : matchIntent(gloss).entities.category;
  if (category !== undefined) entities.category = category;
  return { intent, response: text(language, intent), entities };
}
