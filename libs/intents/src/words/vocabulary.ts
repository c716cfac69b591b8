import { BOOK_CATEGORIES } from '../books/categories.js';
import { LEXICON, NO_TYPO_CONCEPTS, TYPO_CONCEPTS } from './lexicon.js';
import { stem } from './normalize.js';
import { PROTECTED_WORDS } from './protected-words.js';
import { INTENT_RULES } from '../matching/rules.js';
import { TypoIndex, swapsOf } from './typo.js';

/** What the matcher knows about one token: its stem (after any typo fix) and its labels. */
export interface ResolvedToken {
  readonly stem: string;
  /** `=stem`, `@concept` for each concept the stem belongs to, `#num` for numbers. */
  readonly labels: ReadonlySet<string>;
  /** Set when the typed word was read as a nearby vocabulary word. */
  readonly correctedFrom?: string;
}

const conceptsByStem = new Map<string, string[]>();
for (const [concept, list] of Object.entries(LEXICON)) {
  for (const word of list) {
    const key = stem(word);
    const concepts = conceptsByStem.get(key);
    if (!concepts) conceptsByStem.set(key, [`@${concept}`]);
    else if (!concepts.includes(`@${concept}`)) concepts.push(`@${concept}`);
  }
}

/** Words the rules and the category table spell out literally. */
function literalWords(): string[] {
  const out: string[] = [];
  for (const rule of INTENT_RULES) {
    for (const source of [...rule.patterns, ...(rule.exclude ?? []), ...(rule.ignore ?? [])]) {
      for (const part of source.split(/[\s|]+/)) {
        const word = part.replace(/[?+]$/, '');
        if (/^[a-z]+$/.test(word)) out.push(word);
      }
    }
  }
  for (const phrases of Object.values(BOOK_CATEGORIES)) {
    for (const phrase of phrases) out.push(...phrase.split(' '));
  }
  return out;
}

const vocabularyWords = [...Object.values(LEXICON).flat(), ...literalWords()];
const knownStems = new Set<string>([...conceptsByStem.keys(), ...vocabularyWords.map(stem)]);
const stopWords = new Set<string>(LEXICON.stop);
const protectedWords = new Set<string>(PROTECTED_WORDS);

/** The word and its regular inflections, so that "rebaates" is one edit from "rebates". */
function inflections(word: string): string[] {
  if (word.length < 4 || /(?:s|ing|ed)$/.test(word)) return [word];
  const base = word.endsWith('e') ? word.slice(0, -1) : word;
  return [word, `${word}s`, `${base}ing`, `${base}ed`];
}

const typoTargets = [
  ...TYPO_CONCEPTS.flatMap((concept) => LEXICON[concept] ?? []),
  ...Object.values(BOOK_CATEGORIES)
    .flat()
    .filter((phrase) => !phrase.includes(' ')),
].flatMap(inflections);

const typoIndex = new TypoIndex<string>(
  (function* () {
    for (const word of typoTargets) yield [word, stem(word)] as const;
  })(),
);

const vetoLabels = new Set(NO_TYPO_CONCEPTS.map((concept) => `@${concept}`));

function labelsFor(key: string, corrected = false): Set<string> {
  const concepts = conceptsByStem.get(key) ?? [];
  return new Set<string>([
    `=${key}`,
    ...(corrected ? concepts.filter((label) => !vetoLabels.has(label)) : concepts),
  ]);
}

function resolveUncached(word: string): ResolvedToken {
  if (/^\d+$/.test(word)) return { stem: word, labels: new Set([`=${word}`, '#num']) };
  const own = stem(word);
  if (knownStems.has(own) || stopWords.has(word) || protectedWords.has(word)) {
    return { stem: own, labels: labelsFor(own) };
  }
  // Function words are too short for edit distances ("acn" is one edit from "an", "can", "ac"),
  // but two letters typed in the wrong order is the slip fast typists make in them.
  const swapped = /^[a-z]{2,7}$/.test(word)
    ? swapsOf(word).find((candidate) => stopWords.has(candidate))
    : undefined;
  if (swapped !== undefined) {
    const key = stem(swapped);
    return { stem: key, labels: labelsFor(key, true), correctedFrom: word };
  }
  const hit = typoIndex.lookup(word);
  if (hit) return { stem: hit.value, labels: labelsFor(hit.value, true), correctedFrom: word };
  return { stem: own, labels: labelsFor(own) };
}

// Bounded so that a stream of unique junk words cannot grow memory without limit.
const CACHE_LIMIT = 20_000;
const cache = new Map<string, ResolvedToken>();

export function resolveWord(word: string): ResolvedToken {
  let resolved = cache.get(word);
  if (!resolved) {
    resolved = resolveUncached(word);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(word, resolved);
  }
  return resolved;
}

export function isKnownConcept(name: string): boolean {
  return Object.hasOwn(LEXICON, name);
}

/** Whether the English rules know the word as it is written (no typo fix): "express", "tracking". */
export function isEnglishWord(word: string): boolean {
  return knownStems.has(stem(word)) || stopWords.has(word) || protectedWords.has(word);
}

/** Whether the word is an English function word ("you", "have", "the"): it names no subject. */
export function isFunctionWord(word: string): boolean {
  return stopWords.has(word);
}
