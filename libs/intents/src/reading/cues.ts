/**
 * What a message asks beyond its intent, read by its words: the order it is about, tracking,
 * cancelling, a parcel gone astray. Each reads the message's English probe (the message and, in
 * another language, its English gloss).
 */

/** An email address as a shopper types it beside an order question. */
export const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/;
const WANTS_TRACKING =
  /\b(track(ing)?\s*(number|no|code|details?|info|link|it)?|carrier|courier|who (delivered|is delivering|shipped)|where exactly|when will it (arrive|come|get here)|estimated delivery|delivery date)\b/i;
const WANTS_DETAILS = /\b(where|track\w*|carrier|courier|deliver\w*|arriv\w*|when will|eta)\b/i;
const WANTS_CANCEL = /\b(cancel+(ation|ing|ed)?|call off|don'?t want (it|the order) any ?more)\b/i;
const BY_EMAIL =
  /\b(by|with|using|via|through|from|under)\s+(my\s+|the\s+|an?\s+)?(e-?mail|address)\b|\b(look|find|search|check)\w*\b[^.?!]{0,40}@/i;
const ORDER = /\border/i;
const IN_STOCK = /\b(in stock|available|carry|have|sell|stock|got)\b/i;
const LATE =
  /\b(late|lost|missing|delayed|stolen|never (arrived|came|showed up|got (it|them|here))|still (not|hasn'?t|has not) (arrived|come))\b|\b(says|said|shows|showing|marked|marks it|listed)( as)? delivered\b|\bdelivered\b.{0,30}\b(nothing|not here|no package|never|didn'?t|did not|can'?t find)\b|\bnothing (at|on|by|outside) (my|the) (door|doorstep|porch|mailbox)\b|\b(didn'?t|did not|never) (get|receive|got) (it|them|my (order|package|parcel|books?))\b/i;
const NUMBER_HELP =
  /\b(find|where|lost|forgot|forgotten|don'?t (have|know)|can'?t find|what is|look like)\b.{0,30}\border (number|no|id)\b/i;
const BOOKS_ABOUT = /\b(books?|novels?|reads|titles?)\s+(about|on|regarding|featuring)\b/i;
const ORDER_WORDS =
  /\b(orders?|packages?|parcels?|shipments?|purchases?|deliver(y|ies)|items?|stuff|where|track(ing)?|status|know|find|check|my|is|it)\b/gi;
const ABOUT_BOOKS =
  /\b(books?|novels?|authors?|read(ing)?|titles?|series|stories|genre|writer|poetry|kids?)\b/i;
const ASKED_SHELF = /\b(manga|anime|graphic novels?|comics?|poetry|poems|cookbooks?|horror)\b/i;

export interface Cues {
  /** Tracking details, the carrier, when it arrives. */
  readonly tracking: boolean;
  /** Anything an order's details answer (where, when, the carrier). */
  readonly details: boolean;
  readonly cancel: boolean;
  /** "look it up by my email": orders are found by number only. */
  readonly byEmail: boolean;
  /** The word "order" at all. */
  readonly order: boolean;
  /** A parcel late, lost or "delivered" but not there. */
  readonly late: boolean;
  /** "Where do I find my order number?" */
  readonly numberHelp: boolean;
  /** "do you have / is it in stock". */
  readonly inStock: boolean;
  /** "books about the ocean": a subject named outright. */
  readonly booksAbout: boolean;
}

/** The cues of a probe, each read when first asked (most answers ask two or three). */
export function readCues(probe: string): Cues {
  return new ProbeCues(probe);
}

class ProbeCues implements Cues {
  private readonly seen = new Map<RegExp, boolean>();

  constructor(private readonly probe: string) {}

  private test(pattern: RegExp): boolean {
    let found = this.seen.get(pattern);
    if (found === undefined) this.seen.set(pattern, (found = pattern.test(this.probe)));
    return found;
  }

  get tracking() {
    return this.test(WANTS_TRACKING);
  }
  get details() {
    return this.test(WANTS_DETAILS);
  }
  get cancel() {
    return this.test(WANTS_CANCEL);
  }
  get byEmail() {
    return this.test(BY_EMAIL);
  }
  get order() {
    return this.test(ORDER);
  }
  get late() {
    return this.test(LATE);
  }
  get numberHelp() {
    return this.test(NUMBER_HELP);
  }
  get inStock() {
    return this.test(IN_STOCK);
  }
  get booksAbout() {
    return this.test(BOOKS_ABOUT);
  }
}

/** The words of an order question that are not about the order itself ("gift wrap my order"). */
export function withoutOrderWords(message: string): string {
  return message.replace(ORDER_WORDS, ' ').trim();
}

const CATALOG_STOP_WORDS = new Set(
  'about after again also been before being could does doing from have having into just like more most much other over some such than that their them then there these they this those through very what when where which while with would your yours book books read reading novel novels recommend something anything good best'.split(
    ' ',
  ),
);

/** Any word about books, authors or reading: what grounds an LLM answer in the catalog. */
export function mentionsBooks(message: string): boolean {
  return ABOUT_BOOKS.test(message);
}

/** The words worth searching the catalog for (up to six). */
export function catalogWords(message: string): string[] {
  return (message.toLowerCase().match(/[a-z]{4,}/g) ?? [])
    .filter((w) => !CATALOG_STOP_WORDS.has(w))
    .slice(0, 6);
}

/** "manga" rather than the category it is filed under ("comics"), when the shopper said it. */
export function askedShelfWord(message: string): string | undefined {
  return ASKED_SHELF.exec(message)?.[1].toLowerCase();
}
