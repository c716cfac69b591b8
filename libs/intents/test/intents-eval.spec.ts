import { performance } from 'node:perf_hooks';
import { matchIntent } from '../src/index.js';
import { readJsonl, scoreIntents, type EvalLine } from './intent-score.js';

interface DevLine extends EvalLine {
  source: string;
  source_intent: string;
}

const MIN_ACCURACY = 0.95;
const MIN_MACRO_F1 = 0.93;

const lines = readJsonl<DevLine>(new URL('./fixtures/intents-dev.jsonl', import.meta.url));

describe('intent matching on real utterances (intents-dev.jsonl)', () => {
  const score = scoreIntents(lines);

  it('reports accuracy, macro-F1, per-intent scores and confusions', () => {
    console.log(score.report('intents-dev'));
    expect(lines.length).toBeGreaterThan(0);
  });

  it(`reaches accuracy >= ${MIN_ACCURACY}`, () => {
    expect(score.accuracy).toBeGreaterThanOrEqual(MIN_ACCURACY);
  });

  it(`reaches macro-F1 >= ${MIN_MACRO_F1} over the gold intents`, () => {
    expect(score.macroF1).toBeGreaterThanOrEqual(MIN_MACRO_F1);
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
