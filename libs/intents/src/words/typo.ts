/** Optimal-string-alignment Damerau-Levenshtein distance, or max + 1 once it exceeds max. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a === b) return 0;
  const n = b.length;
  let prevPrev = new Array<number>(n + 1).fill(0);
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  let cur = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d = Math.min(d, prevPrev[j - 2] + 1);
      }
      cur[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    [prevPrev, prev, cur] = [prev, cur, prevPrev];
  }
  return Math.min(prev[n], max + 1);
}

/**
 * Edits allowed between a typed word and a vocabulary word: 1 from five letters, 2 from nine;
 * four-letter words only tolerate a swap of two neighbouring letters ("shpi"). The first letter
 * must be right or swapped with the second ("hwat"): slips there are rare, and without this many
 * real words would pass for rule words ("honey" for "money").
 */
export function allowedEdits(typed: string, known: string): number {
  const shorter = Math.min(typed.length, known.length);
  if (typed.length < 4) return 0;
  if (typed[0] !== known[0] && typed[1] !== known[0]) return 0;
  if (known.length >= 9 && typed.length >= 8) return 2;
  if (known.length >= 5 && shorter >= 4) return 1;
  if (typed.length === 4 && known.length === 4) return 1;
  return 0;
}

/** Every word one swap of neighbouring letters away: "acn" gives "can", "hwo" gives "how". */
export function swapsOf(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < word.length; i++) {
    if (word[i] === word[i + 1]) continue;
    out.push(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2));
  }
  return out;
}

function isSwap(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return (
    i < a.length - 1 && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2)
  );
}

function deletes(word: string, depth: number, out: Set<string>): void {
  if (depth === 0 || word.length <= 2) return;
  for (let i = 0; i < word.length; i++) {
    const shorter = word.slice(0, i) + word.slice(i + 1);
    if (!out.has(shorter)) {
      out.add(shorter);
      deletes(shorter, depth - 1, out);
    }
  }
}

/**
 * Symmetric-delete index (as in SymSpell): every vocabulary word is stored under its own deletions,
 * so a lookup only generates the typed word's deletions instead of scanning the vocabulary.
 */
export class TypoIndex<T> {
  private readonly byDeletion = new Map<string, string[]>();
  private readonly values = new Map<string, T>();
  /** The longest vocabulary word: a typed word two letters longer matches none. */
  private longest = 0;

  constructor(entries: Iterable<readonly [string, T]>) {
    for (const [word, value] of entries) {
      if (word.length < 4 || this.values.has(word)) continue;
      this.values.set(word, value);
      this.longest = Math.max(this.longest, word.length);
      const keys = new Set<string>([word]);
      deletes(word, word.length >= 8 ? 2 : 1, keys);
      for (const key of keys) {
        const bucket = this.byDeletion.get(key);
        if (bucket) bucket.push(word);
        else this.byDeletion.set(key, [word]);
      }
    }
  }

  /** The closest vocabulary word within the allowed edits (ties: the longer word), if any. */
  lookup(typed: string): { word: string; value: T; distance: number } | undefined {
    // Deletions grow with the square of the length: a long "word" would cost gigabytes for nothing.
    if (typed.length < 4 || typed.length > this.longest + 2) return undefined;
    const keys = new Set<string>([typed]);
    deletes(typed, typed.length >= 7 ? 2 : 1, keys);
    let best: { word: string; value: T; distance: number } | undefined;
    for (const key of keys) {
      const bucket = this.byDeletion.get(key);
      if (!bucket) continue;
      for (const word of bucket) {
        const max = allowedEdits(typed, word);
        if (max === 0) continue;
        if (word.length === 4 && !isSwap(typed, word)) continue;
        const distance = editDistance(typed, word, max);
        if (distance > max) continue;
        if (
          !best ||
          distance < best.distance ||
          (distance === best.distance && word.length > best.word.length)
        ) {
          best = { word, value: this.values.get(word)!, distance };
        }
      }
    }
    return best;
  }
}
