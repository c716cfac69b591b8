import { eld } from 'eld/extrasmall';
import { analyzeIntent } from './matcher.js';
import { foreignIntent, type ForeignLanguage } from './foreign.js';
import { LANGUAGES, type Language } from './texts/index.js';

// eld ships its n-gram database in the package (no download at run time). The extra-small one
// tells our four languages apart as well as the medium one on the languages set (the same score
// on every line) and holds 28 MiB of heap instead of 58: under the pods' heap cap that difference
// was paid in garbage collection on every request. Only the four languages the bot speaks can
// come out.
eld.setLanguageSubset([...LANGUAGES]);

const FOREIGN: readonly ForeignLanguage[] = ['es', 'fr', 'de'];
/** Below this many letters, or under three words, n-grams alone are not trusted. */
const MIN_LETTERS = 12;
const MIN_WORDS = 3;

/** What carries no language: addresses, links, numbers, emoji, punctuation. */
function languageText(message: string): string {
  return message
    .replace(/\S+@\S+/g, ' ')
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/[^\p{L}\s'’-]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The languages whose own rules understand the message ("hola", "danke", "merci"). The English
 * rules greet back "hola" and "bonjour" too: a greeting another language has is not English.
 */
function ruleLanguages(text: string): Language[] {
  const found: Language[] = [];
  const foreignGreeting = FOREIGN.some((l) => foreignIntent(text, l) === 'greeting');
  for (const l of FOREIGN) if (foreignIntent(text, l) !== undefined) found.push(l);
  const english = analyzeIntent(text);
  if (english.ruleId !== undefined && !(english.intent === 'greeting' && foreignGreeting))
    found.push('en');
  return found;
}

/** How much surer the library must be of another language the rules also know to leave the current. */
const SWITCH_MARGIN = 0.1;

/**
 * The language to answer a message in. A message long enough is detected by the library. A short
 * one counts only in the languages whose rules understand it ("gracias", "merci"), the library
 * choosing among them, and leaves the conversation's language only for one clearly more likely
 * ("super" stays German in a German conversation). A message with no language at all ("ok",
 * "123456", an email address, "👍") keeps the conversation's.
 */
export function detectLanguage(message: string, current: Language = 'en'): Language {
  const text = typeof message === 'string' ? languageText(message) : '';
  const letters = text.replace(/[^\p{L}]/gu, '').length;
  if (letters < 2) return current;
  const result = eld.detect(text);
  const detected = (LANGUAGES as readonly string[]).includes(result.language)
    ? (result.language as Language)
    : undefined;
  if (detected && letters >= MIN_LETTERS && text.split(' ').length >= MIN_WORDS) return detected;
  const understood = ruleLanguages(text);
  // A short message no rule knows is no clear switch: "zzkq vrumble" has French n-grams.
  if (understood.length === 0) return current;
  // One word the conversation's own rules know ("Bestsellers", "PayPal") is no switch.
  if (understood.includes(current) && !text.includes(' ')) return current;
  const scores = result.getScores();
  const score = (l: Language): number => scores[l] ?? 0;
  const best = understood.reduce((a, b) => (score(b) > score(a) ? b : a));
  if (understood.includes(current) && score(best) - score(current) < SWITCH_MARGIN) return current;
  return best;
}
