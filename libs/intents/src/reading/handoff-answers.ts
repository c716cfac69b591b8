import { LANGUAGES, text, type TextKey } from '../texts/index.js';

/**
 * The shopper's answers to the handoff's questions ("yes", "no thanks", "skip", an address), in
 * every language the rules speak, the quick replies' own texts included.
 */

const EMAIL_IN = /[^\s@<>()[\]"',;:]+@[^\s@<>()[\]"',;:]+\.[A-Za-z]{2,}/;
const quickReplies = (key: TextKey): string =>
  LANGUAGES.map((l) => text(l, key).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
const ACCEPT = new RegExp(
  `^\\s*(yes|yeah|yep|sure|ok(ay)?|please|go ahead|do it|contact support|s[ií]|claro|vale|por favor|oui|d'accord|volontiers|ja|gerne|bitte|${quickReplies('handoff.contact')})(?![\\p{L}])`,
  'iu',
);
const DECLINE = new RegExp(
  `^\\s*(no|nope|not now|no thanks?|cancel|never ?mind|stop|non|nein|${quickReplies('handoff.cancel')}|${quickReplies('handoff.no_thanks')})(?![\\p{L}])`,
  'iu',
);
const NOT_THAT =
  /^\s*(no|nope|not that one|another|a different one|non|nein|otra|une autre|eine andere)\b(?!\s*(thanks?|gracias|merci|danke))/i;
const SKIP = new RegExp(
  `^\\s*(skip|no|nothing( else)?|that'?s all|see above|nada|rien|nichts|${quickReplies('handoff.skip')})\\s*[.!]?\\s*$`,
  'iu',
);

export type HandoffAnswer = 'accept' | 'decline' | 'not_that' | 'skip';

/** Which of the handoff's answers the message gives (several can: "no" declines and skips). */
export function handoffAnswers(message: string): Set<HandoffAnswer> {
  const out = new Set<HandoffAnswer>();
  if (ACCEPT.test(message)) out.add('accept');
  if (DECLINE.test(message)) out.add('decline');
  if (NOT_THAT.test(message)) out.add('not_that');
  if (SKIP.test(message)) out.add('skip');
  return out;
}

/** The address in a message, as typed (well formed or not: see isEmailAddress). */
export function findAddress(message: string): string | undefined {
  return EMAIL_IN.exec(message)?.[0];
}

export function isEmailAddress(value: string): boolean {
  return value.length <= 254 && new RegExp(`^${EMAIL_IN.source}$`).test(value);
}
