/**
 * Shoppers' words for what the articles call otherwise: each word found adds its synonyms to the
 * search (comma-separated, each one a phrase), so "delivery" also looks for "shipping". Whole words
 * only; the database stems the rest.
 */
const SYNONYMS: Readonly<Record<string, string>> = {
  delivery: 'shipping',
  deliver: 'ship',
  delivered: 'shipping',
  postage: 'shipping',
  post: 'ship',
  courier: 'carrier',
  send: 'ship',
  arrive: 'shipping',
  swap: 'exchange',
  switch: 'exchange',
  trade: 'exchange',
  reimburse: 'refund',
  reimbursement: 'refund',
  money: 'refund',
  present: 'gift',
  presents: 'gift',
  wrap: 'wrapping',
  wrapped: 'wrapping',
  kindle: 'ebook',
  digital: 'ebook',
  audio: 'audiobook',
  login: 'password',
  log: 'password',
  signin: 'password',
  twice: 'double',
  duplicate: 'double',
  abroad: 'international',
  overseas: 'international',
  worldwide: 'international',
  uk: 'kingdom, international, countries',
  britain: 'kingdom, international, countries',
  england: 'kingdom, international, countries',
  scotland: 'kingdom, international, countries',
  europe: 'european, international, countries',
  eu: 'european, international, countries',
  germany: 'european, international, countries',
  france: 'european, international, countries',
  spain: 'european, international, countries',
  italy: 'european, international, countries',
  ireland: 'european, international, countries',
  netherlands: 'european, international, countries',
  brazil: 'countries, international',
  mexico: 'countries, international',
  india: 'countries, international',
  japan: 'countries, international',
  china: 'countries, international',
  nigeria: 'countries, international',
  russia: 'countries, international',
  country: 'countries',
  australia: 'australia, international, countries',
  canada: 'canada, international, countries',
  shop: 'physical',
  visit: 'physical',
  located: 'physical',
  based: 'physical',
  headquarters: 'physical',
  extra: 'cost',
  location: 'physical',
  address: 'address',
  hours: 'hours',
  open: 'hours',
  preorder: 'pre-order',
  preorders: 'pre-order',
  reserve: 'pre-order',
  carriers: 'carrier',
  couriers: 'carrier',
  coupon: 'discount',
  promo: 'discount',
  voucher: 'gift card',
  amazon: 'price match',
  beat: 'price match',
  lower: 'price match',
  competitor: 'price match',
  listen: 'audiobook',
  listening: 'audiobook',
  audible: 'audiobook',
  walk: 'physical',
  brick: 'physical',
  person: 'physical',
  missing: 'lost',
  disappeared: 'lost',
  stolen: 'lost',
  late: 'late',
  cheaper: 'price match',
  apple: 'apple pay',
  google: 'google pay',
  bitcoin: 'cryptocurrency',
  crypto: 'cryptocurrency',
  cod: 'cash delivery',
  broken: 'damaged',
  torn: 'damaged',
  ripped: 'damaged',
  defective: 'damaged',
  receipt: 'receipt',
  redirect: 'address',
  statement: 'charge',
  charged: 'charge',
  times: 'double',
  faster: 'express',
  quicker: 'express',
  quickly: 'express',
  sooner: 'express',
  window: 'days',
  ebook: 'ebooks',
  ebooks: 'ebook',
  billed: 'charge',
  bill: 'charge',
  debited: 'charge',
};

const MAX_WORDS = 40;

// In a bookstore nearly every question has these words: they would rank every article, so they
// are left out (the database drops ordinary English stop words itself).
const NOISE = new Set(
  `book books novel novels like want need help please thanks thank get got hi hello hey guys folks
  anyone wait oh ok okay well actually really wondering wonder curious question quick ask asking
  available possible able way know tell let maybe guess btw lol one`.split(/\s+/),
);

/** The question as an OR-search for websearch_to_tsquery, or null when it has no words. */
export function helpQueryText(question: string): string | null {
  // "I've", "don't": the contraction's tail is no word of the question.
  const plain = question
    .toLowerCase()
    .normalize('NFKD')
    .replace(/['\u2019](?:ve|m|re|ll|d|s|t)\b/g, '');
  const words = (plain.match(/[a-z0-9]+/g) ?? []).slice(0, MAX_WORDS);
  const terms: string[] = [];
  for (const word of words) {
    // "or" is websearch syntax; a shopper's own "or" adds nothing to an OR-search.
    if (word === 'or' || NOISE.has(word)) continue;
    terms.push(word);
    const synonym = SYNONYMS[word];
    if (synonym && synonym !== word) {
      for (const alternative of synonym.split(',')) terms.push(`"${alternative.trim()}"`);
    }
  }
  return terms.length === 0 ? null : terms.join(' or ');
}
