import { eld } from 'eld/extrasmall';
import { analyzeIntent } from '../matching/matcher.js';
import { isEnglishWord } from '../words/vocabulary.js';
import { fold, foreignIntent, type ForeignLanguage } from './foreign.js';
import { LANGUAGES, type Language } from '../texts/index.js';

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

/**
 * Words common in each language that are no English words (folded: no accents): the evidence a
 * message must show to be taken for that language. N-grams alone read misspelled English as
 * another language ("recomend me a fantsy buk" has Spanish n-grams), and words English borrowed
 * ("tracking", "express", "thriller") are understood by other languages' rules too. Words that are
 * English as well ("me", "a", "die", "was", "son", "plus", "on") are left out.
 */
const MARKERS: Readonly<Record<ForeignLanguage, ReadonlySet<string>>> = {
  es: new Set(
    `el la los las del al y o que es esta estan estoy soy son por para con sin mi mis tu tus su sus
    un una unos unas este estos esa ese eso hay muy pero como donde cuando cuanto cuanta cuantos
    quiero quisiera puedo puede pueden tengo tiene tienen necesito hola gracias buenas buenos dias
    libro libros pedido pedidos envio envios devolucion devolver dinero tarjeta pago aceptan hijo hija
    nino nina ninos anos algo algun alguno alguna tambien todavia ya mas hace aun lo le les nos se
    cual cuales quien porque hasta desde entre sobre otro otra otros vale claro adios llega llego`.split(
      /\s+/,
    ),
  ),
  fr: new Set(
    `le la les des du de et est sont pour avec sans mon ma mes ton ta tes votre vos nous vous je tu il
    elle ils elles un une ce cette ces qui que quoi ou pas ne tres bonjour merci livre livres commande
    colis livraison remboursement retour retourner puis peux peut pouvez voudrais veux avez avons suis
    fils fille enfant ans quelque encore aussi deja combien comment quand pourquoi chez dans sur mais
    au aux oui non bonsoir salut revoir autre autres moi toi lui leur`.split(/\s+/),
  ),
  de: new Set(
    `der das den dem des und ist sind nicht ein eine einen einem einer mit fur ich du sie wir ihr es
    auf im zum zur kann konnen wie wo wann warum noch schon auch bitte danke hallo mein meine meinen
    meinem buch bucher bestellung lieferung versand paket ruckgabe geld zuruck sohn tochter kind
    jahre jahren etwas gibt habe hat haben wird werden muss mussen mochte wurde ja nein nach bei
    vom uber aber oder wenn dass welche welcher gut guten tag morgen abend tschuss wieder andere
    mehr`.split(/\s+/),
  ),
};

/** English words that are none of the other three languages' ("tracking for", "tracking please"). */
const ENGLISH = new Set(
  `the for please my is are to of and what where how when why can could do does did you your it
  with on this that these want need have has get any some there just thanks thank hi hello yes
  pls plz thx ur im dont cant wont didnt`.split(/\s+/),
);

/** Letters English does not write, each the sign of one language or two ("Zollgebühren"). */
const LETTERS: Readonly<Record<ForeignLanguage, RegExp>> = {
  es: /[ñ¿¡áíóúé]/i,
  fr: /[èêçàùœâîôûëïÿé]/i,
  de: /[äöüß]/i,
};

/** Whether the message shows a word or a letter of that language (see MARKERS). */
function hasMarker(text: string, language: Language): boolean {
  const words = language === 'en' ? ENGLISH : MARKERS[language];
  if (language !== 'en' && LETTERS[language].test(text)) return true;
  return fold(text)
    .split(' ')
    .some((w) => words.has(w));
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
  const found = detect(text, current);
  if (found === current || found === 'en') return found;
  // Another language needs a word of its own, or rules of its own that English has not.
  const understood = ruleLanguages(text);
  const evidence =
    hasMarker(text, found) ||
    // Words English has too are no evidence: "express", "tracking", "thriller".
    (understood.includes(found) &&
      !understood.includes('en') &&
      !hasMarker(text, 'en') &&
      !fold(text)
        .split(' ')
        .every((w) => isEnglishWord(w)));
  return evidence ? found : current;
}

function detect(text: string, current: Language): Language {
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
