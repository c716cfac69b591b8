import { compilePattern, matchPattern, type TokenLabels } from './pattern.js';
import { stem } from '../words/normalize.js';

// Tokens labelled as the matcher would, with a few hand-made concepts.
const CONCEPTS: Record<string, string[]> = { '@pay': ['pay', 'payment'], '@you': ['you', 'ya'] };
function tokens(text: string): TokenLabels[] {
  return text.split(' ').map((word) => {
    const labels = new Set([`=${stem(word)}`]);
    for (const [concept, words] of Object.entries(CONCEPTS)) {
      if (words.includes(word)) labels.add(concept);
    }
    if (/^\d+$/.test(word)) labels.add('#num');
    return labels;
  });
}
const matches = (pattern: string, text: string) =>
  matchPattern(compilePattern(pattern), tokens(text));

describe('compilePattern', () => {
  it('reads slots, alternatives, gaps, optional and repeated slots and anchors', () => {
    const p = compilePattern('^ how|what *2 @pay? methods+ $');
    expect(p.atStart).toBe(true);
    expect(p.atEnd).toBe(true);
    expect(p.slots).toEqual([
      { labels: ['=how', '=what'], optional: false, repeat: false, gap: 0 },
      { labels: ['@pay'], optional: true, repeat: false, gap: 2 },
      { labels: ['=method'], optional: false, repeat: true, gap: 0 },
    ]);
    expect(p.anchor).toEqual(['=how', '=what']);
  });

  it('rejects malformed patterns', () => {
    expect(() => compilePattern('*2 pay')).toThrow(/starts with a gap/);
    expect(() => compilePattern('pay *2')).toThrow(/ends with a gap/);
    expect(() => compilePattern('pay||card')).toThrow(/malformed/);
    expect(() => compilePattern('pay? card?')).toThrow(/required slot/);
  });
});

describe('matchPattern', () => {
  it('needs neighbouring slots to be adjacent unless a gap is given', () => {
    expect(matches('@pay methods', 'what payment methods')).toEqual([1, 2]);
    expect(matches('@pay methods', 'payment and shipping methods')).toBeUndefined();
    expect(matches('@pay *2 methods', 'payment and shipping methods')).toEqual([0, 3]);
  });

  it('matches inflections through stems', () => {
    expect(matches('ship', 'do you ships')).toEqual([2]);
  });

  it('skips optional slots and takes runs for repeated ones', () => {
    expect(matches('how @you? do', 'how do')).toEqual([0, 1]);
    expect(matches('how @you? do', 'how ya do')).toEqual([0, 1, 2]);
    expect(matches('#num+ $', 'order 12 34')).toEqual([1, 2]);
  });

  it('honours start and end anchors', () => {
    expect(matches('^ hi', 'oh hi')).toBeUndefined();
    expect(matches('^ hi', 'hi there')).toEqual([0]);
    expect(matches('hi $', 'hi there')).toBeUndefined();
    expect(matches('there $', 'hi there')).toEqual([1]);
  });

  it('backtracks to find a later match', () => {
    expect(matches('how you', 'how are how you')).toEqual([2, 3]);
  });
});
