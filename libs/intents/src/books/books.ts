import { BOOK_CATEGORIES } from './categories.js';
import { findCategorySpans, stemsOf } from './entities.js';
import { normalize, stem } from '../words/normalize.js';

export interface CategoryMention {
  /** Canonical category name, as extractCategory gives it. */
  readonly category: string;
  /** "no self-help", "I don't like romance", "anything but horror". */
  readonly negated: boolean;
}

// Within three words before a category, these turn it into one the shopper does not want.
const NEGATION = new Set(
  ['no', 'not', 'never', 'without', 'except', 'hate', 'dislike', 'besides', 'than', 'avoid'].map(
    stem,
  ),
);

/**
 * The ways shoppers write a kind of book ("cooking": cookbook, cookery, baking), for matching it
 * to a store's own shelf names; empty for a kind this vocabulary does not know.
 */
export function categoryPhrases(category: string): readonly string[] {
  return [category, ...(BOOK_CATEGORIES[category] ?? [])];
}

/** Every category the message names, each marked when the shopper rules it out. */
const JOINERS = new Set(['and', 'or', 'nor']);

export function findCategoryMentions(message: string): CategoryMention[] {
  const stems = stemsOf(message);
  const spans = findCategorySpans(stems);
  const negated = negatedSpans(stems, spans);
  return spans.map((span, i) => ({ category: span.category, negated: negated[i] }));
}

/**
 * Which of the spans (mentions found in the message's stems, left to right) the shopper rules
 * out: a negation within three words before it, or a join to one ruled out ("no X or Y").
 */
export function negatedSpans(
  stems: readonly string[],
  spans: ReadonlyArray<{ start: number; end: number }>,
): boolean[] {
  const negated: boolean[] = [];
  spans.forEach((span, i) => {
    // A negation before an earlier category is that one's ("no horror, but fantasy").
    const previous = spans[i - 1];
    const before = stems.slice(Math.max(0, span.start - 3, previous?.end ?? 0), span.start);
    // "no self-help or romance": a category joined to a ruled-out one is ruled out too.
    const joined =
      previous !== undefined &&
      negated[i - 1] &&
      stems.slice(previous.end, span.start).every((s) => JOINERS.has(s));
    negated.push(joined || before.some((s) => NEGATION.has(s)));
  });
  return negated;
}

// "10 years old", and the same in Spanish, French and German ("10 años", "10 ans", "10 Jahre").
const YOUNG_AGE =
  /\b(\d{1,2})[\s-]*(?:years?|yrs?|y\/o|yo|años|anos|ans|jahre|jahren|jährige[nrs]?|jahrige[nrs]?)(?![\p{L}])(?:[\s-]*old)?/iu;
const YOUNG_WORDS =
  /\b(toddlers?|baby|babies|newborns?|infants?|preschool(?:ers?)?|kindergarten|bedtime|little ones?|grandkids?|grandchild(?:ren)?|first reader|early readers?|picture books?|nursery)\b/i;

// "my grandson who is 9", "for my daughter, she's 6".
const CHILD_AGED =
  /\b(?:son|daughter|grandson|granddaughter|grandkid|grandchild|nephew|niece|kid|child|boy|girl)\b[^.?!\d]{0,25}?\b(\d{1,2})\b/i;

/** The age of the child the books are for, when the message says it (1 to 12). */
export function childAge(message: string): number | undefined {
  for (const found of [YOUNG_AGE.exec(message), CHILD_AGED.exec(message)]) {
    const age = found ? Number(found[1]) : 0;
    if (age >= 1 && age <= 12) return age;
  }
  return undefined;
}

/**
 * Whether the books are for a child: an age up to 12 ("my 5 year old", "a 10-year-old") or words
 * for young readers ("bedtime", "toddler").
 */
export function isForChildren(message: string): boolean {
  return childAge(message) !== undefined || YOUNG_WORDS.test(message);
}

const BESTSELLER_WORDS =
  /\b(popular|bestsell\w*|best[\s-]sell\w*|trending|top[\s-]sell\w*|hot right now|everyone(?:'s| is) reading|most sold|top picks?|hits?)\b/i;

/** The shopper asks what sells: bestsellers, and only bestsellers. */
export function asksForBestsellers(message: string): boolean {
  return BESTSELLER_WORDS.test(message);
}

// "mas"/"más", "plus", "encore", "mehr": a shopper's "more" in the other languages, alone too.
const MORE_WORDS =
  /(?<![\p{L}])(more|else|others?|another|next|different ones?|besides those|other (?:ones|books|titles|options)|m[aá]s|otros?|otras?|plus|encore|autres?|mehr|weitere|andere)(?![\p{L}])/iu;

/** "more", "any others?", "what else do you have?": the last list, continued. */
export function asksForMore(message: string): boolean {
  const words = normalize(message).split(' ').filter(Boolean);
  return words.length > 0 && words.length <= 10 && MORE_WORDS.test(message);
}

const LIKE_CUE =
  /\b(?:similar to|something like|anything like|books? like|novels? like|stuff like|more like|in the (?:vein|style) of|reminds? me of|along the lines of|same (?:vibe|feel|style) as|fans? of|(?:i|we) (?:liked|loved|enjoyed)|if (?:you|i) liked?)\s+(.+)$/i;

/** The book (or well-known title) a shopper wants more like: "something like Dune". */
export function likenessTarget(message: string): string | undefined {
  const found = LIKE_CUE.exec(message.trim());
  if (!found) return undefined;
  const target = found[1].replace(/[?!.]+\s*$/, '').trim();
  // "more like that" continues the last list: it names no book.
  if (
    /^(that|this|those|these|it|them|the (last|first|same) ones?|the others?)( ones?)?$/i.test(
      target,
    )
  )
    return undefined;
  return target.length >= 3 ? target : undefined;
}

/**
 * Well-known books and series a store may not carry, by the kind of book they are (a category of
 * BOOK_CATEGORIES, not any store's shelf): so "something like Dune" asks for science fiction, and
 * the chatbot finds the shelf of that kind in its own catalog.
 */
export const WELL_KNOWN_TITLES: Readonly<Record<string, string>> = {
  dune: 'science fiction',
  foundation: 'science fiction',
  'the martian': 'science fiction',
  'star wars': 'science fiction',
  'star trek': 'science fiction',
  hitchhiker: 'science fiction',
  ender: 'science fiction',
  '1984': 'science fiction',
  'brave new world': 'science fiction',
  'hunger games': 'science fiction',
  'three body': 'science fiction',
  'harry potter': 'fantasy',
  'lord of the rings': 'fantasy',
  hobbit: 'fantasy',
  tolkien: 'fantasy',
  'game of thrones': 'fantasy',
  'a song of ice and fire': 'fantasy',
  narnia: 'fantasy',
  'wheel of time': 'fantasy',
  discworld: 'fantasy',
  'name of the wind': 'fantasy',
  'sherlock holmes': 'mystery',
  sherlock: 'mystery',
  'agatha christie': 'mystery',
  poirot: 'mystery',
  'gone girl': 'mystery',
  'da vinci code': 'mystery',
  'girl with the dragon tattoo': 'mystery',
  'jack reacher': 'mystery',
  bridgerton: 'romance',
  'jane eyre': 'romance',
  outlander: 'romance',
  'the notebook': 'romance',
  'nicholas sparks': 'romance',
  'atomic habits': 'self-help',
  'the power of now': 'self-help',
  'how to win friends': 'self-help',
  '7 habits': 'self-help',
  sapiens: 'history',
  'guns germs and steel': 'history',
  'band of brothers': 'history',
  cosmos: 'science',
  'a brief history of time': 'science',
  'the selfish gene': 'science',
  educated: 'biography',
  becoming: 'biography',
  'steve jobs': 'biography',
  'long walk to freedom': 'biography',
  'the very hungry caterpillar': 'children',
  gruffalo: 'children',
  'dr seuss': 'children',
  'winnie the pooh': 'children',
  'charlottes web': 'children',
  matilda: 'children',
  'to kill a mockingbird': 'fiction',
  'the great gatsby': 'fiction',
  'where the crawdads sing': 'fiction',
};

/** The kind of a well-known book or series named in the text ("science fiction"), if known. */
export function wellKnownCategory(text: string): string | undefined {
  const words = ` ${normalize(text)} `;
  let best: [string, string] | undefined;
  for (const entry of Object.entries(WELL_KNOWN_TITLES)) {
    if (words.includes(` ${normalize(entry[0])} `) && (!best || entry[0].length > best[0].length))
      best = entry;
  }
  return best?.[1];
}
