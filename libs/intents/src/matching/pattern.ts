import { stem } from '../words/normalize.js';

/**
 * A tiny pattern language over tokens, written as space-separated slots:
 *   word        the word or any of its inflections (typos already corrected)
 *   @concept    any word of a lexicon concept
 *   #orderid    the order number, #num any number, #category a book-category word,
 *               #name an unknown word right after a greeting (the assistant's name)
 *   a|@b|c      any of the alternatives
 *   x?  x+      optional slot / one or more consecutive tokens
 *   *N          up to N other tokens may come between its neighbours (* alone: 3)
 *   ^  $        anchored at the start / end of the message
 * Neighbouring slots must otherwise be adjacent.
 */
export interface PatternSlot {
  readonly labels: readonly string[];
  readonly optional: boolean;
  readonly repeat: boolean;
  /** Tokens that may be skipped before this slot. */
  readonly gap: number;
}

export interface CompiledPattern {
  readonly source: string;
  readonly slots: readonly PatternSlot[];
  readonly atStart: boolean;
  readonly atEnd: boolean;
  /** Labels of the first required slot: a message without any of them cannot match. */
  readonly anchor: readonly string[];
}

export type TokenLabels = ReadonlySet<string>;

const DEFAULT_GAP = 3;

export function labelOf(alternative: string): string {
  if (alternative.startsWith('@') || alternative.startsWith('#')) return alternative;
  return `=${stem(alternative)}`;
}

export function compilePattern(source: string): CompiledPattern {
  const parts = source.trim().split(/\s+/);
  const slots: PatternSlot[] = [];
  let atStart = false;
  let atEnd = false;
  let gap = 0;
  parts.forEach((part, index) => {
    if (part === '^' && index === 0) atStart = true;
    else if (part === '$' && index === parts.length - 1) atEnd = true;
    else if (/^\*\d*$/.test(part)) {
      if (slots.length === 0) throw new Error(`Pattern "${source}" starts with a gap`);
      gap = part.length > 1 ? Number(part.slice(1)) : DEFAULT_GAP;
    } else {
      const optional = part.endsWith('?');
      const repeat = part.endsWith('+');
      const body = optional || repeat ? part.slice(0, -1) : part;
      const alternatives = body.split('|');
      if (body === '' || alternatives.some((a) => a === '' || /[\^$*?+]/.test(a))) {
        throw new Error(`Pattern "${source}" has a malformed slot "${part}"`);
      }
      slots.push({ labels: alternatives.map(labelOf), optional, repeat, gap });
      gap = 0;
    }
  });
  if (gap !== 0) throw new Error(`Pattern "${source}" ends with a gap`);
  if (!slots.some((slot) => !slot.optional)) {
    throw new Error(`Pattern "${source}" needs at least one required slot`);
  }
  const anchor = slots.find((slot) => !slot.optional)!.labels;
  return { source, slots, atStart, atEnd, anchor };
}

export function hasAnyLabel(labels: TokenLabels, wanted: readonly string[]): boolean {
  for (const label of wanted) if (labels.has(label)) return true;
  return false;
}

/**
 * Leftmost match of the pattern; on success returns the positions of the tokens the slots took
 * (gaps excluded), otherwise undefined.
 */
export function matchPattern(
  pattern: CompiledPattern,
  tokens: readonly TokenLabels[],
): number[] | undefined {
  const { slots, atEnd } = pattern;
  const n = tokens.length;
  const path: number[] = [];

  const next = (si: number, from: number): boolean => {
    const following = slots[si + 1];
    return step(si + 1, from, from + (following ? following.gap : 0));
  };

  const step = (si: number, lo: number, hi: number): boolean => {
    if (si === slots.length) return !atEnd || path[path.length - 1] === n - 1;
    const slot = slots[si];
    const last = Math.min(hi, n - 1);
    for (let pos = lo; pos <= last; pos++) {
      if (!hasAnyLabel(tokens[pos], slot.labels)) continue;
      let end = pos;
      if (slot.repeat) while (end + 1 < n && hasAnyLabel(tokens[end + 1], slot.labels)) end++;
      for (let stop = end; stop >= pos; stop--) {
        for (let p = pos; p <= stop; p++) path.push(p);
        if (next(si, stop + 1)) return true;
        path.length -= stop - pos + 1;
      }
    }
    if (slot.optional) {
      const following = slots[si + 1];
      return step(si + 1, lo, hi + (following ? following.gap : 0));
    }
    return false;
  };

  const ok = step(0, 0, pattern.atStart ? 0 : n - 1);
  return ok ? path : undefined;
}
