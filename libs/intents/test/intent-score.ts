import { readFileSync } from 'node:fs';
import { analyzeIntent, planIntent, type IntentAnalysis, type PlanIntent } from '../src/index.js';

export interface EvalLine {
  text: string;
  intent: PlanIntent;
}

export interface IntentRow {
  intent: PlanIntent;
  support: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface IntentScore<L extends EvalLine> {
  lines: readonly L[];
  predictions: readonly IntentAnalysis[];
  accuracy: number;
  macroF1: number;
  perIntent: readonly IntentRow[];
  /** One printable line per miss: gold -> got (rule): text. */
  confusions: readonly string[];
  /** The report the eval specs print: totals, the per-intent table and the misses. */
  report: (title: string) => string;
}

export function readJsonl<L>(url: URL): L[] {
  return readFileSync(url, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as L);
}

const ratio = (a: number, b: number): number => (b === 0 ? 0 : a / b);
const pad = (value: string | number, width: number): string => String(value).padEnd(width);
const fixed = (value: number): string => value.toFixed(3);

/**
 * Scores the matcher on labelled lines: the labels are the plan's seven intents, so finer ones
 * (handoff, small talk) count as its fallback. Macro-F1 averages over the gold intents.
 */
export function scoreIntents<L extends EvalLine>(lines: readonly L[]): IntentScore<L> {
  const predictions = lines.map((line) => {
    const got = analyzeIntent(line.text);
    return { ...got, intent: planIntent(got.intent) };
  });
  const goldIntents = [...new Set(lines.map((line) => line.intent))];
  const correct = lines.filter((line, i) => predictions[i].intent === line.intent).length;
  const accuracy = ratio(correct, lines.length);

  const perIntent = goldIntents.map((intent) => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    lines.forEach((line, i) => {
      const predicted = predictions[i].intent;
      if (predicted === intent && line.intent === intent) tp++;
      else if (predicted === intent) fp++;
      else if (line.intent === intent) fn++;
    });
    const precision = ratio(tp, tp + fp);
    const recall = ratio(tp, tp + fn);
    const f1 = ratio(2 * precision * recall, precision + recall);
    return { intent, support: tp + fn, precision, recall, f1 };
  });
  const macroF1 = ratio(
    perIntent.reduce((sum, row) => sum + row.f1, 0),
    perIntent.length,
  );
  const confusions = lines
    .map((line, i) => ({ line, got: predictions[i] }))
    .filter(({ line, got }) => got.intent !== line.intent)
    .map(
      ({ line, got }) =>
        `  ${line.intent} -> ${got.intent} (${got.ruleId ?? 'no rule'}): ${line.text}`,
    );

  const report = (title: string): string =>
    [
      `${title}: ${lines.length} lines, accuracy ${fixed(accuracy)}, macro-F1 ${fixed(macroF1)}`,
      `${pad('intent', 16)}${pad('support', 9)}${pad('precision', 11)}${pad('recall', 9)}f1`,
      ...perIntent.map(
        (r) =>
          `${pad(r.intent, 16)}${pad(r.support, 9)}${pad(fixed(r.precision), 11)}` +
          `${pad(fixed(r.recall), 9)}${fixed(r.f1)}`,
      ),
      `confusions (${confusions.length}):`,
      ...confusions,
    ].join('\n');

  return { lines, predictions, accuracy, macroF1, perIntent, confusions, report };
}
