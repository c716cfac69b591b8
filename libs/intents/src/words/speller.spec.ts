import { Speller } from './speller.js';

describe('Speller', () => {
  const speller = new Speller([
    'We ship to Canada, the United Kingdom, the European Union and Australia.',
    'Standard shipping takes 5-7 business days. Gift wrapping costs $3.99.',
  ]);

  it('reads misspelled words as the vocabulary has them', () => {
    expect(speller.correct('shiping to austrlia how long')).toBe('shipping to australia how long');
    expect(speller.correct('do you gift wraping')).toBe('do you gift wrapping');
  });

  it('leaves known words, inflections and ordinary English alone', () => {
    expect(speller.correct('Shipped to Canada?')).toBe('shipped to canada?');
    expect(speller.correct('what is the weather like')).toBe('what is the weather like');
    expect(speller.correct('a 3pm order')).toBe('a 3pm order');
  });
});
