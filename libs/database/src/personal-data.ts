/**
 * What the desk keeps of a shopper's words is masked first: the team needs the question, not who
 * asked it. Applied in order, each on what the one before left: emails (they hold digits), card
 * numbers (13-19 digits, spaced or not), phone numbers (7+ digits with separators or a +), order
 * numbers (six digits, also "123 456" / "123-456"), then any run of five digits or more. Masking
 * too much (a date such as 2026-11-28 reads as a phone number) is the safe side to err on.
 */
const RULES: ReadonlyArray<[RegExp, string]> = [
  [/[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*/gu, '[email]'],
  // The spelled-out forms shoppers type: "jane (at) example (dot) com", "jane at example dot com".
  [
    /[\p{L}\p{N}._%+-]+\s*(?:\(at\)|\[at\]|\sat\s)\s*[\p{L}\p{N}-]+(?:\s*(?:\(dot\)|\[dot\]|\sdot\s)\s*[\p{L}\p{N}-]+)+/giu,
    '[email]',
  ],
  [/(?<!\p{N})(?:\d[ -]?){12,18}\d(?!\p{N})/gu, '[card]'],
  [/(?<![\p{N}\p{L}])(?:\+|00)?\(?\d[\d ().\-/]{5,}\d(?!\p{N})/gu, '[phone]'],
  [/(?<!\p{N})\d{3}[ -]?\d{3}(?!\p{N})/gu, '[order]'],
  [/\d{5,}/g, '[number]'],
];

/** At least this many digits make a phone number (fewer: a quantity, a price, a year). */
const PHONE_DIGITS = 7;

/** `keep`: addresses that are not personal (the store's own support email in the bot's answers). */
export function maskPersonalData(text: string, keep: readonly string[] = []): string {
  const kept = new Set(keep.map((k) => k.toLowerCase()));
  let out = text;
  for (const [pattern, mask] of RULES) {
    out = out.replace(pattern, (found) => {
      if (mask === '[phone]' && found.replace(/\D/g, '').length < PHONE_DIGITS) return found;
      if (mask === '[email]' && kept.has(found.toLowerCase())) return found;
      return mask;
    });
  }
  return out;
}

// Words that say nothing about what was asked, in the languages the bot answers in.
const STOP_WORDS = new Set(
  (
    'a an and are as at be but by can could do does did for from have how i if in is it its me my ' +
    'of on or our please should so that the their there this to was we what when where which who ' +
    'why will with would you your hi hello hey thanks thank any some get them they us am also ' +
    'el la los las un una unos unas de del que y o en es por para con mi mis su sus se me como ' +
    'cuando donde hola gracias le les lo al ' +
    'le la les un une des de du et ou en est pour avec mon ma mes vous je il elle que qui comment ' +
    'quand ou bonjour merci ce cette dans sur pas ne ' +
    'der die das ein eine einen und oder ist fur mit mein meine ich sie wie wann wo hallo danke ' +
    'zu von den dem nicht es ' +
    // The words around contact details, which the masks took out: not what was asked.
    'call ring phone tel write email mail contact reach number at or'
  ).split(' '),
);

/**
 * Questions asked alike share a key: the masked text folded (case, accents), its words without
 * the little ones and the masks, a plural "s" dropped, each once, in order. "Do you sell gift cards?" and
 * "gift card - do you sell them" meet; a reworded question with other words does not.
 */
export function likenessKey(maskedQuestion: string): string {
  const folded = maskedQuestion
    // What was masked says nothing about the question: "[email]" or not, it is the same one.
    .replace(/\[(?:email|card|phone|order|number)\]/g, ' ')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase();
  const words = new Set<string>();
  for (const raw of folded.split(/[^\p{L}\p{N}]+/u)) {
    if (raw.length < 2 || STOP_WORDS.has(raw)) continue;
    words.add(raw.length > 3 && raw.endsWith('s') && !raw.endsWith('ss') ? raw.slice(0, -1) : raw);
  }
  const key = [...words].sort().slice(0, 12).join(' ');
  return key || folded.trim().slice(0, 200);
}
