import { Injectable } from '@nestjs/common';
import type { CategoryDto } from '@bookstore/contracts';
import {
  findCategoryMentions,
  text,
  wellKnownCategory,
  type MessagePart,
} from '@bookstore/intents';
import { BookstoreClient } from '../../store-client/bookstore.client.js';
import { CatalogIndex, RANKING_MAX_BOOKS } from '../../knowledge/catalog.js';
import { bookCards } from '../../dialogue/answer-parts.js';
import { languageOf, reply, withParts, type Reply } from '../../dialogue/reply.js';
import { MAX_TERMS, type DialogueState } from '../../dialogue/state.js';
import { unlessStoreDown } from '../../dialogue/store-down.js';
import { titleText, unknownCategoryText } from './book-answers.js';
import { listBooks } from './book-list.js';

// Words the catalog files under another name.
const CATEGORY_ALIASES: Record<string, string> = {
  thriller: 'mystery',
  'science fiction': 'science-fiction',
  'true crime': 'mystery',
  'young adult': 'fantasy',
  classics: 'fiction',
};

/** What the shopper asked for, in catalog slugs. */
interface Wanted {
  wanted: string[];
  excluded: string[];
  categories: CategoryDto[];
}

/**
 * Books: by title, by author, "something like", for a child, bestsellers, a category (minus the
 * ones ruled out), and "more" continuing the last list.
 */
@Injectable()
export class BooksFlow {
  constructor(
    private readonly store: BookstoreClient,
    private readonly catalog: CatalogIndex,
  ) {}

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
    const { mentions, like } = part.books;
    const wanted = mentions.filter((m) => !m.negated).map((m) => m.category);
    const excluded = mentions.filter((m) => m.negated).map((m) => slugOf(m.category));

    // "any others?", "more mysteries": the last list, continued.
    if (state.books && part.books.more && !like) {
      const sameCategory = wanted.length === 0 || slugOf(wanted[0]) === state.books.category;
      if (sameCategory && excluded.length === 0)
        return listBooks(this.catalog, state.books, state, 'more');
    }
    const asked: Wanted = { wanted, excluded, categories: await this.catalog.categories() };
    if (like) {
      const similar = await this.like(like, asked, state);
      if (similar) return similar;
    }
    const message = part.probe;
    const author = await this.catalog.authorIn(message);
    if (author) return listBooks(this.catalog, { author, shown: [] }, state, 'author');

    const titled = (await this.catalog.titlesIn(message))[0];
    if (titled && (part.cues.inStock || part.match.intent !== 'recommendation')) {
      const name =
        asked.categories.find((c) => c.slug === titled.category)?.name ?? titled.category;
      return withParts(
        reply(titleText(languageOf(state), titled, name), 'recommendation', {
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
    const named = (await this.catalog.titlesIn(like))[0];
    const category =
      named?.category ??
      wellKnownCategory(like) ??
      slugOf(findCategoryMentions(like)[0]?.category ?? '') ??
      (await this.store.products({ q: orWords(like), limit: 1 }))[0]?.category;
    if (!category || !asked.categories.some((c) => c.slug === category)) return undefined;
    return listBooks(
      this.catalog,
      { category, shown: named ? [named.id] : [], exclude: asked.excluded },
      state,
      'like',
      like,
    );
  }

  /** A shelf, a subject, books for a child or bestsellers; undefined when no book is asked. */
  private async request(
    part: MessagePart,
    { wanted, excluded, categories }: Wanted,
    state: DialogueState,
  ): Promise<Reply | undefined> {
    const message = part.probe;
    // "para mi hijo" reads as the children's shelf in the English gloss.
    const forChild = part.books.forChild || wanted.some((c) => slugOf(c) === 'children');
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
    const liked = forChild ? wanted.map(slugOf).find((c) => c !== 'children') : undefined;
    const terms = [
      ...(ranking?.terms ?? []),
      ...(liked && categories.some((c) => c.slug === liked)
        ? await this.catalog.themeOf(liked)
        : []),
    ].slice(0, MAX_TERMS);
    const age = forChild ? part.books.age : undefined;
    const exclude = excluded.length > 0 ? { exclude: excluded } : {};

    const category = forChild ? 'children' : wanted.length > 0 ? slugOf(wanted[0]) : undefined;
    // No shelf named, but a subject a few books are about: those books, not the bestsellers.
    if (!category && subject && !bestseller) {
      const query = { terms: subject.terms, about: subject.words.join(' '), ...exclude, shown: [] };
      return listBooks(this.catalog, query, state, 'new');
    }
    if (category && !categories.some((c) => c.slug === category)) {
      const word = part.books.shelfWord ?? wanted[0];
      const said = unknownCategoryText(languageOf(state), word, categories);
      return reply(said, 'recommendation', state);
    }
    const query = {
      ...(category ? { category } : {}),
      // No category named: bestsellers, as the plan's "what should I read" always had.
      ...(bestseller || !category ? { bestseller: true } : {}),
      ...exclude,
      ...(terms.length > 0 ? { terms } : {}),
      ...(age !== undefined ? { age } : {}),
      shown: [],
    };
    return listBooks(this.catalog, query, state, 'new');
  }
}

function slugOf(category: string): string {
  return CATEGORY_ALIASES[category] ?? category.replace(/\s+/g, '-');
}

function orWords(words: string): string {
  return (words.toLowerCase().match(/[a-z0-9]{3,}/g) ?? []).slice(0, 6).join(' or ');
}
