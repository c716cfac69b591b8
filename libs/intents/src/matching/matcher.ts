import { extractOrderId, findCategorySpans } from '../books/entities.js';
import type { Intent, IntentEntities, IntentMatch } from '../intent.types.js';
import { normalize, stem } from '../words/normalize.js';
import {
  compilePattern,
  hasAnyLabel,
  labelOf,
  matchPattern,
  type CompiledPattern,
  type TokenLabels,
} from './pattern.js';
import { isGibberish, emojiIntent } from './small-talk.js';
import { responseFor } from './responses.js';
import { INTENT_RULES, type IntentRule } from './rules.js';
import { isKnownConcept, resolveWord, type ResolvedToken } from '../words/vocabulary.js';

/** Longer messages are classified on their first words only, which bounds the cost. */
export const MAX_MATCHED_WORDS = 256;

interface CompiledRule {
  readonly rule: IntentRule;
  readonly patterns: readonly CompiledPattern[];
  readonly exclude: readonly string[];
  readonly ignore: readonly string[];
}

const SPECIAL_LABELS = new Set(['#orderid', '#num', '#category', '#name']);

// A misspelt concept or marker would silently never match: refuse to start instead.
function checked(labels: readonly string[], ruleId: string): readonly string[] {
  for (const label of labels) {
    const known = label.startsWith('@')
      ? isKnownConcept(label.slice(1))
      : !label.startsWith('#') || SPECIAL_LABELS.has(label);
    if (!known) throw new Error(`Intent rule ${ruleId} refers to unknown ${label}`);
  }
  return labels;
}

function compileRule(rule: IntentRule): CompiledRule {
  const patterns = rule.patterns.map(compilePattern);
  for (const pattern of patterns) for (const slot of pattern.slots) checked(slot.labels, rule.id);
  return {
    rule,
    patterns,
    exclude: checked((rule.exclude ?? []).map(labelOf), rule.id),
    ignore: ['@stop', '#num', ...checked((rule.ignore ?? []).map(labelOf), rule.id)],
  };
}

// Highest priority first; the sort is stable, so equal priorities keep table order.
const COMPILED_RULES: readonly CompiledRule[] = INTENT_RULES.map(compileRule).sort(
  (a, b) => b.rule.priority - a.rule.priority,
);

export interface IntentAnalysis extends IntentMatch {
  /** The rule that decided, absent for the fallback when nothing matched. */
  readonly ruleId?: string;
  /** The message's words after normalisation and typo correction (stems). */
  readonly words: readonly string[];
}

function ruleMatches(compiled: CompiledRule, tokens: readonly TokenLabels[], all: TokenLabels) {
  if (hasAnyLabel(all, compiled.exclude)) return false;
  const { maxExtraWords } = compiled.rule;
  const covered = new Set<number>();
  let matched = false;
  for (const pattern of compiled.patterns) {
    if (pattern.anchor.length > 0 && !hasAnyLabel(all, pattern.anchor)) continue;
    const positions = matchPattern(pattern, tokens);
    if (!positions) continue;
    if (maxExtraWords === undefined) return true;
    matched = true;
    for (const p of positions) covered.add(p);
  }
  if (!matched || maxExtraWords === undefined) return false;
  let extra = 0;
  tokens.forEach((labels, i) => {
    if (!covered.has(i) && !hasAnyLabel(labels, compiled.ignore)) extra++;
  });
  return extra <= maxExtraWords;
}

const THERE = stem('there');

const isGreetingWord = (token: ResolvedToken | undefined): boolean =>
  token !== undefined && (token.labels.has('@greet') || token.labels.has('@daytime'));

/**
 * A word nobody's vocabulary knows beside a greeting ("hey Ava", "hi there Leo", "Ava, hello"):
 * the name the shopper gives the assistant, which a greeting may carry without becoming something
 * else.
 */
function isAddressedName(resolved: readonly ResolvedToken[], i: number): boolean {
  const own = resolved[i];
  if (own.labels.size !== 1 || own.correctedFrom !== undefined || /\d/.test(own.stem)) {
    return false;
  }
  const before = resolved[i - 1];
  return (
    isGreetingWord(before) ||
    (before?.stem === THERE && isGreetingWord(resolved[i - 2])) ||
    (i === 0 && isGreetingWord(resolved[1]))
  );
}

function withMarks(labels: TokenLabels, marks: readonly string[]): TokenLabels {
  return marks.length === 0 ? labels : new Set([...labels, ...marks]);
}

/** "recipe books", "music books": a word that is no book on its own, naming the kind of book. */
function modifiesBook(resolved: readonly ResolvedToken[], i: number): boolean {
  return resolved[i].labels.has('@notBook') && (resolved[i + 1]?.labels.has('@book') ?? false);
}

function withoutNotBook(labels: TokenLabels): TokenLabels {
  return new Set([...labels].filter((label) => label !== '@notBook'));
}

/** matchIntent plus the deciding rule and the words it saw: for tests, logs and tuning. */
export function analyzeIntent(message: string): IntentAnalysis {
  const text = typeof message === 'string' ? message : '';
  const normalized = normalize(text);
  const words = normalized === '' ? [] : normalized.split(' ').slice(0, MAX_MATCHED_WORDS);
  const resolved = words.map(resolveWord);
  const stems = resolved.map((r) => r.stem);

  const entities: IntentEntities = {};
  const orderId = extractOrderId(text);
  if (orderId !== undefined) entities.orderId = orderId;
  const categories = findCategorySpans(stems);
  if (categories.length > 0) entities.category = categories[0].category;

  const inCategory = new Set<number>();
  for (const span of categories) for (let i = span.start; i < span.end; i++) inCategory.add(i);
  const tokens = resolved.map((r, i) => {
    const marks: string[] = [];
    if (orderId !== undefined && words[i] === orderId) marks.push('#orderid');
    if (inCategory.has(i)) marks.push('#category');
    if (isAddressedName(resolved, i)) marks.push('#name');
    return withMarks(modifiesBook(resolved, i) ? withoutNotBook(r.labels) : r.labels, marks);
  });
  const all = new Set<string>();
  for (const labels of tokens) for (const label of labels) all.add(label);

  const decided = COMPILED_RULES.find((compiled) => ruleMatches(compiled, tokens, all));
  const intent: Intent = decided
    ? decided.rule.intent
    : words.length === 0
      ? (emojiIntent(text) ?? 'fallback')
      : isGibberish(words)
        ? 'gibberish'
        : 'fallback';
  return {
    intent,
    response: responseFor(intent),
    entities,
    ...(decided ? { ruleId: decided.rule.id } : {}),
    words: stems,
  };
}

/** The intent of a customer's message, its canned reply and any order number or book category. */
export function matchIntent(message: string): IntentMatch {
  const { intent, response, entities } = analyzeIntent(message);
  return { intent, response, entities };
}
