import { PROTECTED_WORDS } from './protected-words.js';
import { resolveWord } from './vocabulary.js';

describe('PROTECTED_WORDS', () => {
  it('keeps common real words as typed', () => {
    for (const word of ['police', 'shopping', 'older', 'honey', 'monkey', 'truck', 'border']) {
      expect(resolveWord(word).correctedFrom, word).toBeUndefined();
    }
  });

  it('is sorted and free of duplicates', () => {
    expect([...new Set(PROTECTED_WORDS)].sort()).toEqual(PROTECTED_WORDS);
  });

  it('never rewrites any protected word', () => {
    const rewritten = PROTECTED_WORDS.filter(
      (word) => resolveWord(word).correctedFrom !== undefined,
    );
    expect(rewritten).toEqual([]);
  });
});
