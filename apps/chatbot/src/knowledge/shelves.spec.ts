import { BOOKS, CATEGORIES } from '../../test/small-store.js';
import { Shelves } from './shelves.js';

describe('Shelves: a catalog’s own shelves in shoppers’ words', () => {
  const shelves = new Shelves(CATEGORIES, BOOKS);
  const slugs = (message: string) =>
    shelves.find(message).map((m) => (m.negated ? `-${m.slug}` : m.slug));

  it.each([
    ['any good cookbooks?', ['cookbooks']],
    ['a cookbook for my dad', ['cookbooks']],
    ['do you have a graphic novel?', ['graphic-novels']],
    ['graphic novels please', ['graphic-novels']],
    ['some poetry', ['poetry']],
    // Related words: the rules know these kinds by other words; the catalog has the shelf.
    ['a book of poems', ['poetry']],
    ['something about baking', ['cookbooks']],
    // Misspelled shelf names.
    ['do you have any mangas', ['manga']],
    ['cookbok recommendations', ['cookbooks']],
    // What the books themselves are described as, on one shelf only.
    ['I want new recipes', ['cookbooks']],
    // Ruled out.
    ['anything except manga', ['-manga']],
    ['no poetry or cookbooks', ['-poetry', '-cookbooks']],
  ])('%s -> %j', (message, expected) => {
    expect(slugs(message)).toEqual(expected);
  });

  it('names a kind this store has no shelf of by the shopper’s word, without a shelf', () => {
    expect(shelves.find('any horror?')).toEqual([
      { slug: undefined, word: 'horror', negated: false, kind: 'horror' },
    ]);
    expect(shelves.find('some mysteries')).toEqual([
      { slug: undefined, word: 'mysteries', negated: false, kind: 'mystery' },
    ]);
  });

  it('finds the shelf a kind the rules know maps to, or none', () => {
    expect(shelves.resolve('poetry')).toBe('poetry');
    expect(shelves.resolve('cooking')).toBe('cookbooks');
    expect(['manga', 'graphic-novels']).toContain(shelves.resolve('comics'));
    expect(shelves.resolve('fantasy')).toBeUndefined();
  });
});
