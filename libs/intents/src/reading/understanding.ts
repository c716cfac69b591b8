import {
  asksForBestsellers,
  asksForMore,
  childAge,
  findCategoryMentions,
  isForChildren,
  likenessTarget,
  type CategoryMention,
} from '../books/books.js';
import {
  extractCategory,
  extractOrderId,
  extractWrongLengthOrderNumber,
} from '../books/entities.js';
import { englishGloss } from '../language/foreign.js';
import type { IntentMatch } from '../intent.types.js';
import { detectLanguage } from '../language/language.js';
import { matchIntentIn } from '../language/multilingual.js';
import { returnCase, type ReturnCase } from '../return-case.js';
import type { Language } from '../texts/index.js';
import { EMAIL, askedShelfWord, catalogWords, mentionsBooks, readCues, type Cues } from './cues.js';
import { findAddress, handoffAnswers, type HandoffAnswer } from './handoff-answers.js';
import { splitQuestions } from './questions.js';
import { isVague } from './topic-words.js';

/** What a message says about books, read from its English probe. */
export interface BookCues {
  mentions: CategoryMention[];
  /** "something like Dune": what the books should be like. */
  like?: string;
  /** "any others?", "more mysteries". */
  more: boolean;
  forChild: boolean;
  bestseller: boolean;
  /** A child's age the message names ("for my 5 year old"). */
  age?: number;
  /** The shelf word the shopper used ("manga"), for an answer about a shelf the store lacks. */
  shelfWord?: string;
}

/** One question of the message, read once: everything the flows decide on. */
export interface MessagePart {
  text: string;
  /** What the English checks read: the text and, in another language, its English gloss. */
  probe: string;
  /** What the help center is searched with: the text in English, its English gloss otherwise. */
  search: string;
  match: IntentMatch;
  /** An email address given with it. */
  email: string | undefined;
  orderId: string | undefined;
  /** A number with the wrong count of digits for an order number. */
  wrongLength: string | undefined;
  readonly cues: Cues;
  /** A damaged or wrong book, or the shopper's own wrong choice. */
  readonly returnCase: ReturnCase | undefined;
  readonly books: BookCues;
  /** How many words: a short message right after an answer may follow it up. */
  words: number;
  /** Nothing but "how long / how much" and function words. */
  readonly vague: boolean;
}

/** A message, read once: its language, its questions, its intents and entities. */
export interface Understanding {
  text: string;
  /** The conversation's language after this message. */
  language: Language;
  /** The whole message's intent (what the handoff reads). */
  match: IntentMatch;
  /** The whole message's English gloss ('' in English or when nothing glossed). */
  readonly gloss: string;
  /** An address anywhere in the message, as typed (the handoff's email). */
  address: string | undefined;
  /** "yes", "no thanks", "skip": answers to the handoff's questions. */
  readonly answers: Set<HandoffAnswer>;
  /** The questions, in the order asked (one, usually). */
  parts: MessagePart[];
  /** A shelf or any word about books: the catalog grounds an LLM answer. */
  readonly aboutBooks: boolean;
  /** The words to search the catalog with, for an LLM answer (up to six). */
  readonly catalogWords: string[];
}

export interface ReadingContext {
  /** The conversation's language before this message. */
  language?: Language;
  /** The last answer asked for an order number: a bare wrong-length number is one. */
  awaitingOrderNumber?: boolean;
}

/**
 * Reads a message once, in the conversation's context; the flows only consume the result. What
 * only some answers need (book words, the handoff's answers) is read when first asked, then kept.
 */
export function understand(message: string, context: ReadingContext = {}): Understanding {
  const language = detectLanguage(message, context.language ?? 'en');
  const questions = splitQuestions(message);
  const awaiting = context.awaitingOrderNumber === true;
  const parts = questions.map((q) => new Part(q, language, awaiting));
  const match = questions.length === 1 ? parts[0].match : matchIntentIn(message, language);
  return new Message(message, language, match, parts);
}

class Message implements Understanding {
  readonly address: string | undefined;
  private glossed?: string;
  private said?: Set<HandoffAnswer>;
  private bookish?: boolean;
  private words?: string[];

  constructor(
    readonly text: string,
    readonly language: Language,
    readonly match: IntentMatch,
    readonly parts: MessagePart[],
  ) {
    this.address = findAddress(text);
  }

  get gloss(): string {
    return (this.glossed ??= this.language === 'en' ? '' : englishGloss(this.text, this.language));
  }

  get answers(): Set<HandoffAnswer> {
    return (this.said ??= handoffAnswers(this.text));
  }

  get aboutBooks(): boolean {
    return (this.bookish ??= extractCategory(this.text) !== undefined || mentionsBooks(this.text));
  }

  get catalogWords(): string[] {
    return (this.words ??= catalogWords(this.text));
  }
}

class Part implements MessagePart {
  readonly probe: string;
  readonly search: string;
  readonly match: IntentMatch;
  readonly email: string | undefined;
  readonly orderId: string | undefined;
  readonly wrongLength: string | undefined;
  readonly cues: Cues;
  readonly words: number;
  private kind?: { value: ReturnCase | undefined };
  private bookCues?: BookCues;
  private vagueness?: boolean;

  constructor(
    readonly text: string,
    language: Language,
    awaitingNumber: boolean,
  ) {
    const gloss = language === 'en' ? text : englishGloss(text, language);
    this.probe = language === 'en' ? text : `${text} ${gloss}`;
    this.search = gloss;
    this.match = matchIntentIn(text, language);
    this.email = EMAIL.exec(text)?.[0];
    this.orderId = extractOrderId(text);
    this.wrongLength = extractWrongLengthOrderNumber(text, awaitingNumber) || undefined;
    this.cues = readCues(this.probe);
    this.words = text.trim().split(/\s+/).length;
  }

  get returnCase(): ReturnCase | undefined {
    return (this.kind ??= { value: returnCase(this.probe) }).value;
  }

  get books(): BookCues {
    return (this.bookCues ??= readBooks(this.probe));
  }

  get vague(): boolean {
    return (this.vagueness ??= isVague(this.text));
  }
}

function readBooks(probe: string): BookCues {
  const like = likenessTarget(probe);
  const age = childAge(probe);
  const shelfWord = askedShelfWord(probe);
  return {
    mentions: findCategoryMentions(probe),
    ...(like !== undefined && { like }),
    more: asksForMore(probe),
    forChild: isForChildren(probe),
    bestseller: asksForBestsellers(probe),
    ...(age !== undefined && { age }),
    ...(shelfWord !== undefined && { shelfWord }),
  };
}
