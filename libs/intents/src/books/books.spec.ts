import {
  asksForBestsellers,
  asksForMore,
  childAge,
  findCategoryMentions,
  isForChildren,
  likenessTarget,
  wellKnownCategory,
} from './books.js';
import { englishGloss } from '../language/foreign.js';

describe('findCategoryMentions', () => {
  it.each([
    ['no self-help please, but something uplifting', 'self-help'],
    ["I don't like romance, recommend something else", 'romance'],
    ['anything except horror', 'horror'],
    ['not into fantasy', 'fantasy'],
    ['something other than mystery', 'mystery'],
  ])('reads %j as ruling out %s', (message, category) => {
    expect(findCategoryMentions(message)).toEqual([{ category, negated: true }]);
  });

  it('rules out a category joined to a ruled-out one', () => {
    expect(findCategoryMentions('anything except self-help and romance')).toEqual([
      { category: 'self-help', negated: true },
      { category: 'romance', negated: true },
    ]);
    expect(findCategoryMentions('no horror, but fantasy is great')).toEqual([
      { category: 'horror', negated: true },
      { category: 'fantasy', negated: false },
    ]);
  });

  it.each([
    ['recommend a fantasy novel', 'fantasy'],
    ['not sure what I want, maybe a mystery', 'mystery'],
    ['I love romance', 'romance'],
    ['guidebooks for a walk through Lisbon', 'travel'],
  ])('reads %j as wanting %s', (message, category) => {
    expect(findCategoryMentions(message)).toEqual([{ category, negated: false }]);
  });

  // The kinds in German compounds, Spanish and French phrases reach the English shelf words.
  it.each([
    ['Und ein Kochbuch für vegetarische Küche?', 'de', 'cooking'],
    ['Habt ihr Backbücher?', 'de', 'cooking'],
    ['Einen Reiseführer für Island, bitte', 'de', 'travel'],
    ['¿Tenéis libros de cocina?', 'es', 'cooking'],
    ['un guide de voyage pour Rome', 'fr', 'travel'],
  ] as const)('glosses %j (%s) as %s', (message, language, category) => {
    expect(findCategoryMentions(englishGloss(message, language))).toEqual([
      { category, negated: false },
    ]);
  });
});

describe('isForChildren', () => {
  it.each([
    'looking for a bedtime book for my 5 year old',
    'a gift for a 10-year-old',
    'something for my toddler',
    'books for an 8 yo',
  ])('%j is for a child', (message) => {
    expect(isForChildren(message)).toBe(true);
  });

  it.each(['a gift for my 40 year old husband', 'a book for my dad', 'order 123456'])(
    '%j is not',
    (message) => {
      expect(isForChildren(message)).toBe(false);
    },
  );
});

describe('asksForBestsellers and asksForMore', () => {
  it.each([
    "what's popular right now",
    'show me bestsellers',
    'top sellers?',
    'best-selling books',
  ])('%j asks for bestsellers', (message) => expect(asksForBestsellers(message)).toBe(true));
  it('a plain recommendation does not', () => {
    expect(asksForBestsellers('recommend a mystery')).toBe(false);
  });
  it.each(['more', 'any others?', 'what else do you have?', 'more mysteries', 'show me another'])(
    '%j asks for more',
    (message) => expect(asksForMore(message)).toBe(true),
  );
  it('a long question with "more" in it does not', () => {
    expect(
      asksForMore('can you tell me more about how returns work when the book arrived damaged'),
    ).toBe(false);
  });
});

describe('likenessTarget and wellKnownCategory', () => {
  it.each([
    ['anything similar to Sherlock Holmes?', 'Sherlock Holmes'],
    ['something like Dune', 'Dune'],
    ['books like The Hobbit please', 'The Hobbit please'],
    ['I loved Gone Girl', 'Gone Girl'],
  ])('%j is about %j', (message, target) => {
    expect(likenessTarget(message)).toBe(target);
  });

  it('needs a likeness cue and a book, not a pronoun', () => {
    expect(likenessTarget("I'd like a book")).toBeUndefined();
    expect(likenessTarget('more like that')).toBeUndefined();
    expect(likenessTarget('something like those ones')).toBeUndefined();
  });

  it.each([
    ['Dune', 'science fiction'],
    ['The Hobbit please', 'fantasy'],
    ['sherlock holmes', 'mystery'],
    ['the lord of the rings', 'fantasy'],
  ])('%j is in %s', (title, category) => {
    expect(wellKnownCategory(title)).toBe(category);
  });

  it('knows no category for an unknown title', () => {
    expect(wellKnownCategory('The Zebra Chronicles')).toBeUndefined();
  });
});

describe('childAge and "more" in other words (#21)', () => {
  it('reads the age in four languages', () => {
    expect(childAge('a gift for my 10 year old')).toBe(10);
    expect(childAge('algo para mi hijo de 10 años')).toBe(10);
    expect(childAge('pour ma fille de 7 ans')).toBe(7);
    expect(childAge('für meinen Sohn, er ist 9 Jahre alt')).toBe(9);
    expect(childAge('my grandson who is 6')).toBe(6);
    expect(childAge('a book for my 40 year old husband')).toBeUndefined();
  });

  it('reads "mas", "más", "plus", "mehr" as more', () => {
    for (const word of ['mas', 'más', 'plus', 'encore', 'mehr', 'otros']) {
      expect(asksForMore(word), word).toBe(true);
    }
    expect(asksForMore('master and commander')).toBe(false);
  });
});
