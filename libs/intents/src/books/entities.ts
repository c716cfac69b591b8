import { BOOK_CATEGORIES, CATEGORY_BLOCK_AFTER, CATEGORY_BLOCK_BEFORE } from './categories.js';
import { normalize, stem, tokenize } from '../words/normalize.js';
import { resolveWord } from '../words/vocabulary.js';

// Digit groups joined by single separators: phone and card numbers, dates, amounts.
const NUMBER_RUN = /\d+(?:[ .,\-/]\d+)*/g;
const ORDER_ID = /^\d{6}$/;

// Words just before a number that say it is something other than an order number.
const NOT_ORDER_BEFORE = new Set(
  `phone tel telephone mobile cell call fax whatsapp sms text card visa mastercard amex cvv cvc
  pin iban account acct routing sort zip postcode postal promo coupon voucher discount ending isbn
  extension ext room flight`
    .split(/\s+/)
    .map(stem),
);
const ORDER_CUES = new Set(['order', 'purchase', 'parcel', 'package', 'shipment'].map(stem));
// Words just after it that make it an amount or a measure.
const NOT_ORDER_AFTER = new Set(
  `dollars dollar usd eur euro euros pounds gbp bucks cents percent km miles kg lbs years steps`
    .split(/\s+/)
    .map(stem),
);

interface NumberAt {
  readonly value: string;
  readonly index: number;
}

function splitRun(run: string, index: number): NumberAt[] {
  // Space-separated groups of six or more digits are separate numbers ("123456 654321").
  const parts = run.split(' ');
  if (parts.length > 1 && /^[\d ]+$/.test(run) && parts.every((p) => p.length >= 6)) {
    let at = index;
    return parts.map((value) => {
      const found = { value, index: at };
      at += value.length + 1;
      return found;
    });
  }
  return [{ value: run, index }];
}

function isOrderId(message: string, { value, index }: NumberAt): boolean {
  if (!ORDER_ID.test(value)) return false;
  const before = message.slice(0, index);
  const after = message.slice(index + value.length);
  if (/[\p{L}\p{N}]$/u.test(before) || /^[\p{L}\p{N}]/u.test(after)) return false;
  if (/[+$€£¥]\s*$/u.test(before) || /^\s*[%$€£]/u.test(after)) return false;
  // The nearest cue in the last few words decides: "phone number is 123456" is not an order.
  for (const word of tokenize(before.slice(-80)).slice(-4).reverse().map(stem)) {
    if (ORDER_CUES.has(word)) break;
    if (NOT_ORDER_BEFORE.has(word)) return false;
  }
  const next = tokenize(after.slice(0, 30))[0];
  return next === undefined || !NOT_ORDER_AFTER.has(stem(next));
}

// Words that introduce an order number written in two groups ("order 123 456", "track 123-456").
const GROUPED_CUES = new Set(
  [
    'order',
    'no',
    'nr',
    'number',
    'num',
    'track',
    'tracking',
    'status',
    'check',
    'parcel',
    'package',
    'shipment',
    'purchase',
    'id',
    'ref',
    'reference',
  ].map(stem),
);
const GROUPED = /^(\d{3})[ -](\d{3})$/;

// "#123 456" or an order cue among the last three words before the number.
function hasOrderCue(before: string): boolean {
  if (/#\s*$/.test(before)) return true;
  return tokenize(before.slice(-60))
    .slice(-3)
    .some((word) => GROUPED_CUES.has(stem(word)));
}

function groupedOrderId(message: string, { value, index }: NumberAt): string | undefined {
  const groups = GROUPED.exec(value);
  if (!groups) return undefined;
  const before = message.slice(0, index);
  if (/[\p{L}\p{N}]$/u.test(before) || /^[\p{L}\p{N}]/u.test(message.slice(index + value.length)))
    return undefined;
  return hasOrderCue(before) ? groups[1] + groups[2] : undefined;
}

/**
 * The order number in a message: six digits standing alone ("#123456", "order no. 123456"), or in
 * two groups of three after "#" or an order word ("order 123 456", "track #123-456"). Longer or
 * shorter numbers, other digit groups (phone and card numbers, dates, amounts) and numbers
 * introduced as a phone, card or postal code are not order numbers.
 */
export function extractOrderId(message: string): string | undefined {
  for (const match of message.matchAll(NUMBER_RUN)) {
    const run = { value: match[0], index: match.index };
    const grouped = groupedOrderId(message, run);
    if (grouped) return grouped;
    const found = splitRun(match[0], match.index).find((n) => isOrderId(message, n));
    if (found) return found.value;
  }
  return undefined;
}

/**
 * A number meant as an order number but of the wrong length ("order 12345", "#1234567"): digits
 * alone after "#" or an order word, or the whole message when an order number was asked for.
 */
export function extractWrongLengthOrderNumber(
  message: string,
  orderNumberAsked = false,
): string | undefined {
  if (extractOrderId(message) !== undefined) return undefined;
  const bare = /^\s*(?:#\s*)?(\d{3,5}|\d{7,10})\s*[.!]?\s*$/.exec(message);
  if (bare && orderNumberAsked) return bare[1];
  for (const match of message.matchAll(/\d+/g)) {
    const digits = match[0];
    if (digits.length < 3 || digits.length > 10 || digits.length === 6) continue;
    const before = message.slice(0, match.index);
    const after = message.slice(match.index + digits.length);
    if (/[\p{L}\d.,/$€£-]$/u.test(before) || /^[\p{L}.,/\d%-]/u.test(after)) continue;
    if (/^\s*(?:dollars?|usd|bucks|days?|weeks?|years?|books?)\b/i.test(after)) continue;
    const cue =
      /#\s*$/.test(before) ||
      /\b(?:order|tracking)\s*(?:number|no\.?|nr\.?|#|id)?\s*(?:is|was|:)?\s*$/i.test(before);
    if (cue) return digits;
  }
  return undefined;
}

interface CategoryPhrase {
  readonly category: string;
  readonly stems: readonly string[];
}

export interface CategorySpan {
  readonly category: string;
  readonly start: number;
  /** Exclusive. */
  readonly end: number;
}

const phrasesByFirstStem = new Map<string, CategoryPhrase[]>();
for (const [category, phrases] of Object.entries(BOOK_CATEGORIES)) {
  for (const phrase of phrases) {
    const stems = phrase.split(' ').map(stem);
    const list = phrasesByFirstStem.get(stems[0]) ?? [];
    list.push({ category, stems });
    phrasesByFirstStem.set(stems[0], list);
  }
}
for (const list of phrasesByFirstStem.values())
  list.sort((a, b) => b.stems.length - a.stems.length);
const blockBefore = new Set(CATEGORY_BLOCK_BEFORE.map(stem));
const blockAfter = new Set(CATEGORY_BLOCK_AFTER.map(stem));

/** Book-category mentions in a stemmed token sequence, longest phrase first, left to right. */
export function findCategorySpans(stems: readonly string[]): CategorySpan[] {
  const spans: CategorySpan[] = [];
  let i = 0;
  while (i < stems.length) {
    const found = phrasesByFirstStem
      .get(stems[i])
      ?.find((p) => p.stems.every((s, k) => stems[i + k] === s));
    if (!found) {
      i++;
      continue;
    }
    const end = i + found.stems.length;
    const prev = stems[i - 1];
    const following = stems[end];
    const blocked =
      (prev !== undefined && blockBefore.has(prev)) ||
      (following !== undefined && blockAfter.has(following));
    if (!blocked) spans.push({ category: found.category, start: i, end });
    i = end;
  }
  return spans;
}

export function stemsOf(message: string): string[] {
  const normalized = normalize(message);
  return normalized === '' ? [] : normalized.split(' ').map((word) => resolveWord(word).stem);
}

/** The first book category named in the message, canonical ("sci-fi" -> "science fiction"). */
export function extractCategory(message: string): string | undefined {
  return findCategorySpans(stemsOf(message))[0]?.category;
}
