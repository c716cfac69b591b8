import { stem } from '../words/normalize.js';

/**
 * How a question about shipping, returns or payment is worded: the topic as a whole ("Refund",
 * "How to pay"), a specific fact, or a vague follow-up ("how long?") with no topic of its own.
 */

export type FactTopic = 'shipping' | 'returns' | 'payment';

// The plan's own phrases ("Refund", "Shipping time", "How to pay") ask about the topic as a whole:
// they keep the canned sentence. Any other word makes the question specific.
const GENERIC_WORDS: Record<FactTopic, Set<string>> = {
  shipping: new Set(
    'ship shipping shipped delivery deliveries deliver time times take takes long option options info information policy'.split(
      ' ',
    ),
  ),
  returns: new Set(
    'return returns returning refund refunds policy process work works info information'.split(' '),
  ),
  payment: new Set(
    'pay paying payment payments method methods option options credit debit card cards accept accepted take info information'.split(
      ' ',
    ),
  ),
};
const FUNCTION_WORDS = new Set(
  'a an the how do does can i to what which is are your you we my me of for on about please tell it this that order orders book books item'.split(
    ' ',
  ),
);
const FOLLOW_UP_FILLER = new Set(
  'have has had should would will there any still then also and but just now yet with'.split(' '),
);
// Words that ask "how long" or "how much" of whatever was just said: no topic of their own.
const VAGUE_WORDS = new Set(
  'long much many days day time take takes cost costs soon fast quick quickly often get'.split(' '),
);
// Words for sending a book back that the articles write as "send".
const SAME_AS: Record<string, string> = { mail: 'send', post: 'send', ship: 'send' };

const wordsOf = (message: string) => message.toLowerCase().match(/[a-z]+/g) ?? [];

/** Whether the message asks about the topic as a whole (only the plan's own words). */
export function isGeneric(message: string, topic: FactTopic): boolean {
  return wordsOf(message).every((w) => FUNCTION_WORDS.has(w) || GENERIC_WORDS[topic].has(w));
}

/** "how long do I have?": nothing but "how long/much" and function words. */
export function isVague(message: string): boolean {
  return wordsOf(message).every(
    (w) => FUNCTION_WORDS.has(w) || FOLLOW_UP_FILLER.has(w) || VAGUE_WORDS.has(w),
  );
}

/** The stems of the words that carry a text's meaning. */
export function contentWords(text: string): string[] {
  return wordsOf(text)
    .filter((w) => w.length >= 3 && !FUNCTION_WORDS.has(w) && !FOLLOW_UP_FILLER.has(w))
    .map((w) => stem(SAME_AS[w] ?? w));
}

/** What measure a vague question asks: a time, an amount, or neither. */
export function askedMeasure(question: string): 'time' | 'amount' | undefined {
  if (/\b(long|days?|time|soon|fast|quick|quickly)\b/i.test(question)) return 'time';
  if (/\b(much|cost|costs)\b/i.test(question)) return 'amount';
  return undefined;
}
