import type { CategoryDto, ProductDto } from '@bookstore/contracts';
import {
  Speller,
  categoryPhrases,
  findCategoryMentions,
  negatedSpans,
  normalize,
  stem,
} from '@bookstore/intents';

/** A shelf the shopper named, as the catalog has it, or the kind they named when it has none. */
export interface ShelfMention {
  /** The catalog's category slug; undefined when the store has no such shelf. */
  readonly slug: string | undefined;
  /** The words the shopper used ("graphic novel", "cookbooks"). */
  readonly word: string;
  /** "no poetry", "anything but manga". */
  readonly negated: boolean;
  /** The kind of book the rules know it as ("young adult" for "teenage"), when they know it. */
  readonly kind?: string;
}

/** Words in shelf names that name no kind of book by themselves ("Children's Books"). */
const GENERIC = new Set(['book', 'books', 'novel', 'novels', 'story', 'stories', 'the', 'and']);
/** What joins the kinds a shelf name holds: "Mystery & Thriller", "Comics, Manga / Graphic Novels". */
const PARTS = /\s*(?:&|,|\/|\+|\band\b)\s*/i;
/** The longest shelf phrase looked for, in words. */
const LONGEST = 4;
/**
 * A word of the books' titles and descriptions names a shelf's kind when it is on this share of
 * that shelf's books (and at least MIN_KIND_BOOKS of them) and on no other shelf's ("recipes").
 */
const KIND_SHARE = 0.5;
const MIN_KIND_BOOKS = 3;

const key = (text: string): string =>
  normalize(text)
    .split(' ')
    .filter((w) => w && !GENERIC.has(w))
    .map(stem)
    .join(' ');

/**
 * The catalog's shelves as shoppers name them, from the catalog's own data: each shelf's name and
 * slug and the parts of its name ("Mystery & Thriller": "mystery", "thriller"), singular or plural
 * and misspelled ("graphic novel", "mysterys"); the kinds the rules know by other words, matched
 * to the shelf that bears one of them ("baking" finds "Cookbooks", "kids" "Children's Books");
 * and words the shelf's own books are described by and no other's are ("recipes").
 */
export class Shelves {
  /** Shelf phrases (stems, space-joined) -> slug: whole names and whole parts of names. */
  private readonly phrases = new Map<string, string>();
  /** Single name words that belong to one shelf only ("graphic" of "Graphic Novels"). */
  private readonly words = new Map<string, string>();
  /** Words of one shelf's books only, on most of them. */
  private readonly kinds = new Map<string, string>();
  private readonly speller: Speller;
  private readonly names = new Map<string, string>();

  constructor(categories: readonly CategoryDto[], books: readonly ProductDto[]) {
    const wordShelves = new Map<string, Set<string>>();
    for (const { slug, name } of categories) {
      this.names.set(slug, name);
      for (const phrase of [name, slug.replace(/-/g, ' '), ...name.split(PARTS)]) {
        const k = key(phrase);
        if (k && !this.phrases.has(k)) this.phrases.set(k, slug);
        for (const w of k.split(' ').filter(Boolean)) {
          wordShelves.set(w, (wordShelves.get(w) ?? new Set()).add(slug));
        }
      }
    }
    for (const [w, shelves] of wordShelves) {
      if (shelves.size === 1) this.words.set(w, [...shelves][0]);
    }
    this.learnKinds(categories, books);
    this.speller = new Speller(categories.flatMap((c) => [c.name, c.slug.replace(/-/g, ' ')]));
  }

  name(slug: string): string | undefined {
    return this.names.get(slug);
  }

  /** The shelf a kind of book the rules know maps to in this catalog ("children"), if any. */
  resolve(kind: string): string | undefined {
    for (const phrase of categoryPhrases(kind)) {
      const k = key(phrase);
      const found = this.phrases.get(k) ?? this.words.get(k);
      if (found) return found;
    }
    return undefined;
  }

  /** Every shelf the message names, left to right, then the kinds the store has no shelf for. */
  find(message: string): ShelfMention[] {
    const text = normalize(this.speller.correct(message));
    const stems = text.split(' ').filter(Boolean).map(stem);
    const spans: Array<{ start: number; end: number; slug: string }> = [];
    for (let i = 0; i < stems.length;) {
      const found = this.longestAt(stems, i);
      if (!found) {
        i++;
        continue;
      }
      spans.push({ start: i, end: i + found.length, slug: found.slug });
      i += found.length;
    }
    const negated = negatedSpans(stems, spans);
    const words = text.split(' ').filter(Boolean);
    const mentions: ShelfMention[] = spans.map((s, i) => ({
      slug: s.slug,
      word: words.slice(s.start, s.end).join(' '),
      negated: negated[i],
    }));
    // The kinds the rules know by other words ("sci-fi", "whodunit"), on this catalog's shelves.
    for (const known of findCategoryMentions(message)) {
      // The shopper's own word for it ("manga"): its own shelf first, and for "no manga shelf".
      const said = categoryPhrases(known.category)
        .filter((p) => ` ${text} `.includes(` ${p} `))
        .sort((a, b) => b.length - a.length)[0];
      const own = said === undefined ? undefined : key(said);
      // Already found as the catalog names it.
      if (own !== undefined && mentions.some((m) => key(m.word) === own)) continue;
      const slug =
        (own && (this.phrases.get(own) ?? this.words.get(own))) || this.resolve(known.category);
      if (slug !== undefined && mentions.some((m) => m.slug === slug)) continue;
      const word = said ?? known.category;
      mentions.push({ slug, word, negated: known.negated, kind: known.category });
    }
    return mentions;
  }

  private longestAt(
    stems: readonly string[],
    i: number,
  ): { slug: string; length: number } | undefined {
    for (let n = Math.min(LONGEST, stems.length - i); n >= 1; n--) {
      const phrase = stems
        .slice(i, i + n)
        .filter((s) => !GENERIC.has(s))
        .join(' ');
      if (!phrase || GENERIC.has(stems[i])) continue;
      const slug =
        this.phrases.get(phrase) ??
        (n === 1 ? (this.words.get(phrase) ?? this.kinds.get(phrase)) : undefined);
      if (slug) return { slug, length: n };
    }
    return undefined;
  }

  private learnKinds(categories: readonly CategoryDto[], books: readonly ProductDto[]): void {
    const onShelf = new Map<string, Map<string, number>>();
    for (const book of books) {
      const own = new Set(
        (normalize(`${book.title} ${book.description}`).match(/[a-z]{4,}/g) ?? []).map(stem),
      );
      for (const w of own) {
        const counts = onShelf.get(w) ?? new Map<string, number>();
        counts.set(book.category, (counts.get(book.category) ?? 0) + 1);
        onShelf.set(w, counts);
      }
    }
    const size = new Map(
      categories.map((c) => [c.slug, books.filter((b) => b.category === c.slug).length]),
    );
    for (const [w, counts] of onShelf) {
      if (counts.size !== 1 || this.phrases.has(w) || this.words.has(w)) continue;
      const [[slug, n]] = [...counts];
      if (n >= MIN_KIND_BOOKS && n >= KIND_SHARE * (size.get(slug) ?? Infinity)) {
        this.kinds.set(w, slug);
      }
    }
  }
}
