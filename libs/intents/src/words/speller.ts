import { LEXICON } from './lexicon.js';
import { PROTECTED_WORDS } from './protected-words.js';
import { TypoIndex } from './typo.js';

const COMMON = new Set<string>([...LEXICON.stop, ...PROTECTED_WORDS]);
const WORD = /[a-z]+/g;

/**
 * Misspelled words read as the nearest word of a text's own vocabulary ("shiping to austrlia" ->
 * "shipping to australia"), with the rules' limits on edits (typo.ts). A word the vocabulary has,
 * or an ordinary English word, stays as it is: only a word nobody writes moves.
 */
export class Speller {
  private readonly index: TypoIndex<string>;
  private readonly known = new Set<string>();

  constructor(vocabulary: Iterable<string>) {
    const words: string[] = [];
    for (const text of vocabulary) {
      for (const word of text.toLowerCase().match(WORD) ?? []) {
        if (this.known.has(word)) continue;
        this.known.add(word);
        words.push(word);
      }
    }
    this.index = new TypoIndex(words.map((w) => [w, w] as const));
  }

  /** The text with each misspelled word replaced by its vocabulary word, lowercased. */
  correct(text: string): string {
    return text.toLowerCase().replace(WORD, (word) => {
      // "shiping" stems as "ship" here, but not in the database's stemmer: only the word counts.
      if (word.length < 4 || this.known.has(word) || COMMON.has(word)) return word;
      return this.index.lookup(word)?.word ?? word;
    });
  }
}
