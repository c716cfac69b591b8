/**
 * Which of the returns facts a message is about, by whose doing the problem is: the shopper's own
 * choice ("I ordered the wrong book", "by mistake": an exchange, through a return) or the store's or
 * the carrier's ("the cover is ripped", "you sent the wrong book": reported with a photo, replaced
 * or refunded, nothing sent back). The shopper's own mistake is read first: "I ordered the wrong
 * book" names a wrong book too.
 */
export type ReturnCase = 'mistake' | 'damaged';

const MISTAKE =
  /\b(i|we)\s+(accidentally\s+|mistakenly\s+|just\s+)?(ordered|order|bought|purchased|picked|chose|chosen|selected|clicked( on)?|added)\s+(the\s+|a\s+)?wrong\b|\b(by|a)\s+(mistake|accident)\b|\bmistakenly\b|\bmy (mistake|bad|fault|error)\b|\bchanged my mind\b|\bwrong (edition|format|version|cover ?type|size|language)\b.{0,30}\b(change|swap|exchange|switch|instead)\b|\b(change|swap|exchange|switch)\b.{0,30}\bfor (the|a) (right|correct|other|different) (one|book|edition|version)\b/i;

const DAMAGE =
  /\b(damaged?|damages|broken|torn|tore|ripped|rips?|bent|crushed|squashed|dented|stain(s|ed)?|spill(ed)?|soaked|wet|water[\s-]?damaged?|moldy|mouldy|scratch(es|ed)?|crease[sd]?|smudge[sd]?|dents?|a tear in|defective|faulty|misprint(ed|s)?|cracked|falling apart|fell apart|came apart|(fell|falling|came|coming) out|upside[\s-]down|blank pages?|pages? (are |is )?(missing|blank|loose|stuck|out of order|printed twice|torn)|missing pages?|cover (is |came |was )?(off|loose|torn|ripped|damaged|bent|scratched))\b/i;

const WRONG_SENT =
  /\b(sent|send|received|receive|got|get|delivered|shipped|came|arrived|gave)\b.{0,25}\b(wrong|incorrect|different|another)\s+(book|title|item|edition|one|order|novel)\b|\bwrong\s+(book|title|item|edition|one|novel)\s+(was\s+|were\s+)?(sent|arrived|came|delivered|shipped|in (the|my) (box|package|parcel))\b|\bnot (the|what) (book |one )?(i|we) ordered\b|\bisn'?t (the|what) (book |one )?(i|we) ordered\b/i;

export function returnCase(message: string): ReturnCase | undefined {
  if (MISTAKE.test(message)) return 'mistake';
  if (DAMAGE.test(message) || WRONG_SENT.test(message)) return 'damaged';
  return undefined;
}
