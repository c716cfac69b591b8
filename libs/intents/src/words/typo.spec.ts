import { allowedEdits, editDistance, swapsOf, TypoIndex } from './typo.js';

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and neighbour swaps as one edit each', () => {
    expect(editDistance('refund', 'refund', 2)).toBe(0);
    expect(editDistance('refnd', 'refund', 2)).toBe(1);
    expect(editDistance('shiping', 'shipping', 2)).toBe(1);
    expect(editDistance('paymnet', 'payment', 2)).toBe(1);
    expect(editDistance('rebate', 'rebite', 2)).toBe(1);
    expect(editDistance('ab', 'ba', 2)).toBe(1);
  });

  it('stops counting past the limit', () => {
    expect(editDistance('hello', 'goodbye', 2)).toBe(3);
    expect(editDistance('a', 'abcdef', 1)).toBe(2);
  });
});

describe('allowedEdits', () => {
  it('allows one edit from five letters and two from nine', () => {
    expect(allowedEdits('refnd', 'refund')).toBe(1);
    expect(allowedEdits('reimbursment', 'reimbursement')).toBe(2);
    expect(allowedEdits('shiping', 'shipping')).toBe(1);
  });

  it('allows nothing for short words or a wrong first letter', () => {
    expect(allowedEdits('hii', 'hey')).toBe(0);
    expect(allowedEdits('honey', 'money')).toBe(0);
  });
});

describe('TypoIndex', () => {
  const index = new TypoIndex<string>(
    ['refund', 'payment', 'shipping', 'reimbursement', 'ship', 'order'].map((w) => [w, w] as const),
  );

  it('generates no deletions for a word longer than any it could be (a 2,000-letter word took gigabytes)', () => {
    const made = vi.spyOn(Set.prototype, 'add');
    try {
      const long = 'abcdefghij'.repeat(20);
      expect(index.lookup(long)).toBeUndefined();
      expect(index.lookup('reimbursementxyz')).toBeUndefined();
      expect(made.mock.calls.length).toBe(0);
    } finally {
      made.mockRestore();
    }
  });

  it('finds the vocabulary word a typo stands for', () => {
    expect(index.lookup('refnd')?.word).toBe('refund');
    expect(index.lookup('paymnet')?.word).toBe('payment');
    expect(index.lookup('shiping')?.word).toBe('shipping');
    expect(index.lookup('reimbursment')?.word).toBe('reimbursement');
    expect(index.lookup('ordr')?.word).toBe('order');
  });

  it('accepts only a swap of neighbouring letters in four-letter words', () => {
    expect(index.lookup('shpi')?.word).toBe('ship');
    expect(index.lookup('shop')).toBeUndefined();
  });

  it('finds nothing for unrelated words', () => {
    expect(index.lookup('weather')).toBeUndefined();
    expect(index.lookup('xyz')).toBeUndefined();
  });
});

describe('swapsOf', () => {
  it('gives every word one swap of neighbouring letters away', () => {
    expect(swapsOf('acn')).toEqual(['can', 'anc']);
    expect(swapsOf('hwo')).toContain('how');
    expect(swapsOf('aab')).toEqual(['aba']);
  });
});
