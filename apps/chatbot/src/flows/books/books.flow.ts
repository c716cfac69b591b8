import { Injectable } from '@nestjs/common';
import type { CategoryDto } from '@bookstore/contracts';
import { text, wellKnownCategory, type MessagePart } from '@bookstore/intents';
import { CatalogIndex, RANKING_MAX_BOOKS } from '../../knowledge/catalog.js';
import type { ShelfMention } from '../../knowledge/shelves.js';
import { bookCards } from '../../dialogue/answer-parts.js';
import { languageOf, reply, withParts, type Reply } from '../../dialogue/reply.js';
import { MAX_TERMS, type DialogueState } from '../../dialogue/state.js';
import { StoreFacts } from '../../dialogue/store-facts.js';
import { unlessStoreDown } from '../../dialogue/store-down.js';
import { titleText, unknownCategoryText } from './book-answers.js';
import { listBooks, type Shop } from './book-list.js';

/**
 * Readers the rules know by a kind of book ("teenage", "YA"), as an age in their range: where the
 * store has no shelf of that kind but its catalog gives readers' ages, the age picks the books.
 */
const READERS_AGE: Record<string, number> = { 'young adult': 14 };

/** What the shopper asked for, in this catalog's slugs. */
interface Wanted {
  /** The shelves named and not ruled out, as the shopper said them. */
  named: ShelfMention[];
  /** Their slugs ('' for a kind this catalog has no shelf of). */
  wanted: string[];
  excluded: string[];
  categories: CategoryDto[];
  /** This catalog's shelf for children's books, if it has one. */
  children: string | undefined;
}

/**
 * Books: by title, by author, "something like", for a child, bestsellers, a category (minus the
 * ones ruled out), and "more" continuing the last list.
 */
@Injectable()
export class BooksFlow {
  private readonly shop: Shop;

  constructor(
    private readonly catalog: CatalogIndex,
    facts: StoreFacts,
  ) {
    this.shop = { catalog, currency: facts.currency };
  }

  /** Books for the message; undefined when it is not about books at all. */
  answer(part: MessagePart, state: DialogueState): Promise<Reply | undefined> {
    const asked = part.match.intent === 'recommendation';
    return unlessStoreDown(
      () => this.findBooks(part, state),
      // Without the catalog, a request for books gets the plan's sentence; anything else goes on.
      () => (asked ? this.cannotList(state) : undefined),
    );
  }

  /** A request for books (the rules' intent): books, or the plan's sentence. */
  async recommend(part: MessagePart, state: DialogueState): Promise<Reply> {
    return (await this.answer(part, state)) ?? this.cannotList(state);
  }

  private cannotList(state: DialogueState): Reply {
    return reply(text(languageOf(state), 'recommendation'), 'recommendation', state);
  }

  private async findBooks(part: MessagePart, state: DialogueState): Promise<Reply | undefined> {
    const { like } = part.books;
    const message = part.probe;
    // The shelves named, as this catalog has them ('' for a kind it has no shelf of).
    const mentions = await this.catalog.shelvesIn(message);
    const named = mentions.filter((m) => !m.negated);
    const wanted = named.map((m) => m.slug ?? '');
    const excluded = mentions.flatMap((m) => (m.negated && m.slug ? [m.slug] : []));

    // "any others?", "more mysteries": the last list, continued.
    if (state.books && part.books.more && !like) {
      const sameCategory = wanted.length === 0 || wanted[0] === state.books.category;
      if (sameCategory && excluded.length === 0)
        return listBooks(this.shop, state.books, state, 'more');
    }
    const asked: Wanted = {
      named,
      wanted,
      excluded,
      categories: await this.catalog.categories(),
      children: await this.catalog.shelfOf('children'),
    };
    if (like) {
      const similar = await this.like(like, asked, state);
      if (similar) return similar;
    }
    const author = await this.catalog.authorIn(message);
    if (author) return listBooks(this.shop, { author, shown: [] }, state, 'author');

    const titled = (await this.catalog.titlesIn(message))[0];
    if (titled && (part.cues.inStock || part.match.intent !== 'recommendation')) {
      const name =
        asked.categories.find((c) => c.slug === titled.category)?.name ?? titled.category;
      return withParts(
        reply(titleText(languageOf(state), titled, name, this.shop.currency), 'recommendation', {
          ...state,
          books: { category: titled.category, shown: [titled.id] },
        }),
        { books: bookCards([titled]) },
      );
    }
    return this.request(part, asked, state);
  }

  /** "something like Dune": other books of its shelf. */
  private async like(like: string, asked: Wanted, state: DialogueState) {
    const title = (await this.catalog.titlesIn(like))[0];
    const kind = wellKnownCategory(like);
    const category =
      title?.category ??
      (kind ? await this.catalog.shelfOf(kind) : undefined) ??
      (await this.catalog.shelvesIn(like)).find((m) => m.slug)?.slug ??
      (await this.catalog.search(like, 1))[0]?.category;
    if (!category || !asked.categories.some((c) => c.slug === category)) return undefined;
    return listBooks(
      this.shop,
      { category, shown: title ? [title.id] : [], exclude: asked.excluded },
      state,
      'like',
      like,
    );
  }

  /** A shelf, a subject, books for a child or bestsellers; undefined when no book is asked. */
  private async request(
    part: MessagePart,
    { named, wanted, excluded, categories, children }: Wanted,
    state: DialogueState,
  ): Promise<Reply | undefined> {
    const message = part.probe;
    // "para mi hijo" reads as the children's shelf in the English gloss.
    const readers = await this.readersAge(named);
    const forChild =
      part.books.forChild ||
      (children !== undefined && wanted.includes(children)) ||
      readers !== undefined;
    const bestseller = part.books.bestseller;
    // Outside a recommendation, only a book cue ("for my 5 year old", "popular", "no self-help")
    // makes the message about books; anything else is not ours to guess.
    // "books about the ocean" names its subject outright: a word more books share is one too.
    const asksAbout = part.cues.booksAbout;
    const subject =
      (await this.catalog.subjectIn(message)) ??
      (asksAbout ? await this.catalog.subjectIn(message, RANKING_MAX_BOOKS) : undefined);
    // "any books on space exploration": books about a subject the catalog has are a request too.
    const aboutBooks = subject !== undefined && asksAbout;
    const isRecommendation = part.match.intent === 'recommendation';
    if (!isRecommendation && !forChild && !bestseller && !aboutBooks && excluded.length === 0)
      return undefined;

    // What the books should be about: a subject the catalog knows ("birds", "space"), and for a
    // child, the words of the shelf they like (fantasy: dragons, magic) found on the children's.
    const ranking = await this.catalog.subjectIn(message, RANKING_MAX_BOOKS);
    const other = wanted.find((c) => c !== children && c !== '');
    const liked = forChild ? other : undefined;
    const terms = [
      ...(ranking?.terms ?? []),
      ...(liked && categories.some((c) => c.slug === liked)
        ? await this.catalog.themeOf(liked)
        : []),
    ].slice(0, MAX_TERMS);
    const age = forChild ? (part.books.age ?? readers) : undefined;
    const exclude = excluded.length > 0 ? { exclude: excluded } : {};

    // A catalog that gives readers' ages answers an age with the books for it: on the shelf named
    // when that shelf gives them, else on the children's shelf, or on any when there is none.
    const aged = age !== undefined && (await this.catalog.hasAges());
    const onOther = aged && other !== undefined && (await this.catalog.hasAges(other));
    const shelf = onOther ? other : (children ?? other);
    const category = forChild ? shelf : wanted.length > 0 ? wanted[0] : undefined;
    // No shelf named, but a subject a few books are about: those books, not the bestsellers.
    if (!category && subject && !bestseller) {
      const query = { terms: subject.terms, about: subject.words.join(' '), ...exclude, shown: [] };
      return listBooks(this.shop, query, state, 'new');
    }
    if (!forChild && category === '') {
      const said = unknownCategoryText(languageOf(state), named[0].word, categories);
      return reply(said, 'recommendation', state);
    }
    const query = {
      ...(category ? { category } : {}),
      // No category named: bestsellers, as the plan's "what should I read" always had.
      ...(bestseller || (!category && !aged) ? { bestseller: true } : {}),
      ...exclude,
      ...(terms.length > 0 ? { terms } : {}),
      ...(age !== undefined ? { age } : {}),
      shown: [],
    };
    return listBooks(this.shop, query, state, 'new');
  }

  /** The age of the readers a kind without a shelf names ("teenage"), if some book is for it. */
  private async readersAge(named: ShelfMention[]): Promise<number | undefined> {
    for (const { slug, kind } of named) {
      const age = slug === undefined && kind !== undefined ? READERS_AGE[kind] : undefined;
      if (age !== undefined && (await this.catalog.hasBooksFor(age))) return age;
    }
    return undefined;
  }
}
