import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { analyzeIntent, matchIntent, planIntent, type PlanIntent } from '../src/index.js';

interface EvalLine {
  text: string;
  intent: PlanIntent;
  source: string;
  source_intent: string;
}

const MIN_ACCURACY = 0.95;
const MIN_MACRO_F1 = 0.93;

const lines: EvalLine[] = readFileSync(
  new URL('./fixtures/intents-dev.jsonl', import.meta.url),
  'utf8',
)
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as EvalLine);

const ratio = (a: number, b: number): number => (b === 0 ? 0 : a / b);
const pad = (value: string | number, width: number): string => String(value).padEnd(width);
const fixed = (value: number): string => value.toFixed(3);

describe('intent matching on real utterances (intents-dev.jsonl)', () => {
  // The labels are the plan's seven intents; finer ones (handoff, small talk) count as its fallback.
  const predictions = lines.map((line) => {
    const got = analyzeIntent(line.text);
    return { ...got, intent: planIntent(got.intent) };
  });
  const goldIntents = [...new Set(lines.map((line) => line.intent))];

  const correct = lines.filter((line, i) => predictions[i].intent === line.intent).length;
  const accuracy = correct / lines.length;

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
  const macroF1 = perIntent.reduce((sum, row) => sum + row.f1, 0) / perIntent.length;

  it('reports accuracy, macro-F1, per-intent scores and confusions', () => {
    const table = [
      `${pad('intent', 14)}${pad('support', 9)}${pad('precision', 11)}${pad('recall', 9)}f1`,
      ...perIntent.map(
        (r) =>
          `${pad(r.intent, 14)}${pad(r.support, 9)}${pad(fixed(r.precision), 11)}` +
          `${pad(fixed(r.recall), 9)}${fixed(r.f1)}`,
      ),
    ];
    const confusions = lines
      .map((line, i) => ({ line, got: predictions[i] }))
      .filter(({ line, got }) => got.intent !== line.intent)
      .map(
        ({ line, got }) =>
          `  ${line.intent} -> ${got.intent} (${got.ruleId ?? 'no rule'}): ${line.text}`,
      );
    console.log(
      [
        `intents-dev: ${lines.length} lines, accuracy ${fixed(accuracy)}, ` +
          `macro-F1 ${fixed(macroF1)}`,
        ...table,
        `confusions (${confusions.length}):`,
        ...confusions,
      ].join('\n'),
    );
    expect(lines.length).toBeGreaterThan(0);
  });

  it(`reaches accuracy >= ${MIN_ACCURACY}`, () => {
    expect(accuracy).toBeGreaterThanOrEqual(MIN_ACCURACY);
  });

  it(`reaches macro-F1 >= ${MIN_MACRO_F1} over the gold intents`, () => {
    expect(macroF1).toBeGreaterThanOrEqual(MIN_MACRO_F1);
  });

  // Printed only: timings depend on the machine, so they are never asserted.
  it('prints the mean cost of one match', () => {
    const repetitions = 50;
    for (const line of lines) matchIntent(line.text);
    const start = performance.now();
    for (let r = 0; r < repetitions; r++) for (const line of lines) matchIntent(line.text);
    const micros = ((performance.now() - start) * 1000) / (repetitions * lines.length);
    console.log(
      `match cost: ${micros.toFixed(2)} µs per message ` +
        `(mean over ${lines.length} lines x ${repetitions} repetitions)`,
    );
  });
});
