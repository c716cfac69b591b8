import { LEXICON } from '../words/lexicon.js';
import { resolveWord } from '../words/vocabulary.js';

// Runs along one keyboard row: what a hand produces when it types nothing in particular.
const KEYBOARD_RUN =
  /qwer|wert|erty|rtyu|tyui|yuio|uiop|asdf|sdfg|dfgh|fghj|ghjk|hjkl|zxcv|xcvb|cvbn|vbnm/;
const CONSONANT_RUN = /[bcdfghjklmnpqrstvwxz]{5,}/;
const NO_VOWEL = /^[bcdfghjklmnpqrstvwxz]{3,}$/;
const known = new Set<string>(Object.values(LEXICON).flat());

function isJunkWord(word: string): boolean {
  if (/\d/.test(word) || known.has(word)) return false;
  if (resolveWord(word).labels.size > 1) return false;
  return KEYBOARD_RUN.test(word) || CONSONANT_RUN.test(word) || NO_VOWEL.test(word);
}

/** Keyboard mashing and letter salad: every word of it looks like no word at all. */
export function isGibberish(words: readonly string[]): boolean {
  return words.length > 0 && words.length <= 6 && words.every(isJunkWord);
}

const THANKS_EMOJI = /[\u{1F64F}\u{1F49D}\u{2764}\u{1F60D}\u{1F970}]/u;
const ANGRY_EMOJI = /[\u{1F620}\u{1F621}\u{1F92C}\u{1F44E}\u{1F612}\u{1F624}]/u;
const OK_EMOJI =
  /[\u{1F44D}\u{1F44C}\u{1F642}\u{1F600}-\u{1F606}\u{1F60A}\u{2705}\u{1F44F}\u{263A}]/u;

/** A message of emoji only ("👍", "🙏", "😡"): what it says, if it says something we answer. */
export function emojiIntent(text: string): 'thanks' | 'frustrated' | 'acknowledge' | undefined {
  if (!/\p{Extended_Pictographic}/u.test(text)) return undefined;
  if (ANGRY_EMOJI.test(text)) return 'frustrated';
  if (THANKS_EMOJI.test(text)) return 'thanks';
  if (OK_EMOJI.test(text)) return 'acknowledge';
  return undefined;
}
