// Apostrophe contractions, expanded before punctuation is stripped.
const APOSTROPHE_RULES: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bcan't\b/g, 'can not'],
  [/\bwon't\b/g, 'will not'],
  [/\bshan't\b/g, 'shall not'],
  [/\bain't\b/g, 'is not'],
  [/n't\b/g, ' not'],
  [/'re\b/g, ' are'],
  [/'ve\b/g, ' have'],
  [/'ll\b/g, ' will'],
  [/'d\b/g, ' would'],
  [/'m\b/g, ' am'],
  [/\blet's\b/g, 'let us'],
  [/\b(it|that|this|what|where|how|who|when|why|there|here|he|she)'s\b/g, '$1 is'],
  [/\b(everything|nothing|something)'s\b/g, '$1 is'],
  // Anything else ending in 's is a possessive: "children's" -> "children".
  [/'s\b/g, ''],
  [/'/g, ''],
];

// Chat spellings and contractions typed without the apostrophe.
const SHORTHAND: Readonly<Record<string, string>> = {
  cant: 'can not',
  wont: 'will not',
  dont: 'do not',
  doesnt: 'does not',
  didnt: 'did not',
  isnt: 'is not',
  arent: 'are not',
  wasnt: 'was not',
  werent: 'were not',
  havent: 'have not',
  hasnt: 'has not',
  hadnt: 'had not',
  couldnt: 'could not',
  shouldnt: 'should not',
  wouldnt: 'would not',
  im: 'i am',
  ive: 'i have',
  youre: 'you are',
  whats: 'what is',
  wheres: 'where is',
  hows: 'how is',
  thats: 'that is',
  theres: 'there is',
  wanna: 'want to',
  gonna: 'going to',
  gotta: 'got to',
  u: 'you',
  ur: 'your',
  pls: 'please',
  plz: 'please',
  thx: 'thanks',
  doin: 'doing',
  goin: 'going',
};

/** Lowercase, strip accents, expand contractions, drop punctuation and collapse whitespace. */
export function normalize(text: string): string {
  // The Unicode-aware steps are skipped for plain ASCII, which is most messages.
  const ascii = !/[^\t-~]/.test(text);
  let s = ascii
    ? text.toLowerCase()
    : text
        .normalize('NFKD')
        .replace(/\p{M}+/gu, '')
        .toLowerCase();
  if (!ascii) s = s.replace(/[\u2018\u2019\u02bc`\u00b4]/g, "'");
  if (s.includes("'")) {
    for (const [pattern, replacement] of APOSTROPHE_RULES) s = s.replace(pattern, replacement);
  }
  s = (ascii ? s.replace(/[^a-z0-9]+/g, ' ') : s.replace(/[^\p{L}\p{N}]+/gu, ' '))
    // Stretched letters ("hiiii", "heyyy") become one.
    .replace(/([a-z])\1{2,}|(\p{L})\2{2,}/gu, '$1$2')
    .trim();
  if (s === '') return '';
  const words = s.split(' ');
  for (let i = 0; i < words.length; i++) words[i] = SHORTHAND[words[i]] ?? words[i];
  return words.join(' ');
}

export function tokenize(text: string): string[] {
  const normalized = normalize(text);
  return normalized === '' ? [] : normalized.split(' ');
}

// Words whose suffix looks inflectional but is not.
const STEM_EXCEPTIONS: Readonly<Record<string, string>> = {
  payment: 'payment',
  payments: 'payment',
  installment: 'installment',
  installments: 'installment',
  news: 'news',
  during: 'during',
  morning: 'morning',
  evening: 'evening',
  something: 'something',
  nothing: 'nothing',
  anything: 'anything',
  everything: 'everything',
};

const VOWEL = /[aeiouy]/;

/** A light suffix stripper: inflections of one word share a stem; it need not be a real word. */
export function stem(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  const exception = STEM_EXCEPTIONS[word];
  if (exception !== undefined) return exception;

  let w = word;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) w = w.slice(0, -1);

  let stripped = false;
  const strip = (suffix: string, minRest: number, needVowel = false): boolean => {
    if (!w.endsWith(suffix)) return false;
    const rest = w.slice(0, -suffix.length);
    if (rest.length < minRest || (needVowel && !VOWEL.test(rest))) return false;
    w = rest;
    stripped = true;
    return true;
  };
  if (!strip('ment', 3) && !strip('ing', 3, true) && !strip('ed', 3, true) && !strip('able', 4)) {
    if (/[ts]ion$/.test(w) && w.length - 3 >= 4) w = w.slice(0, -3);
    else strip('al', 5);
  }
  // "shipp" (from shipping/shipped) -> "ship"; keep ll/ss/zz as in "call", "pass".
  if (stripped && /([b-df-hj-kmnp-rtv-xz])\1$/.test(w)) w = w.slice(0, -1);
  if (w.length > 4 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}
