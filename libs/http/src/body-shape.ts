/** Deeper than any body of ours; deep nesting only exists to exhaust the stack further on. */
export const MAX_JSON_DEPTH = 32;

/** The deepest nesting of arrays and objects in raw JSON, strings skipped. */
export function jsonDepth(raw: Buffer): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped byte
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) max = Math.max(max, ++depth);
    else if (c === 0x5d || c === 0x7d) depth--;
  }
  return max;
}

/**
 * A key no body of ours uses and that object mapping would silently skip (`__proto__`,
 * `constructor`, `toString`...), so that strict validation can refuse it like any unknown field.
 */
export function reservedKeyIn(value: unknown): string | undefined {
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const next = pending.pop();
    if (typeof next !== 'object' || next === null) continue;
    for (const key of Object.keys(next)) {
      if (key in Object.prototype || key === 'prototype') return key;
      pending.push((next as Record<string, unknown>)[key]);
    }
  }
  return undefined;
}
