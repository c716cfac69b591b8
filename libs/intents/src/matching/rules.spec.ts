import { INTENTS } from '../intent.types.js';
import { analyzeIntent } from './matcher.js';
import { compilePattern } from './pattern.js';
import { INTENT_RULES } from './rules.js';

describe('INTENT_RULES', () => {
  it('has unique ids', () => {
    const ids = INTENT_RULES.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('uses only known intents and compilable patterns', () => {
    for (const rule of INTENT_RULES) {
      expect(INTENTS).toContain(rule.intent);
      expect(rule.patterns.length).toBeGreaterThan(0);
      for (const pattern of rule.patterns) expect(() => compilePattern(pattern)).not.toThrow();
    }
  });

  it('covers every intent except the fallback', () => {
    const covered = new Set(INTENT_RULES.map((rule) => rule.intent));
    // The fallback is what no rule decides; gibberish and help are decided outside the table.
    const outside = new Set(['fallback', 'gibberish', 'help']);
    for (const intent of INTENTS.filter((i) => !outside.has(i))) expect(covered).toContain(intent);
  });

  it('refers only to concepts the lexicon defines (the matcher checks this on load)', () => {
    expect(() => analyzeIntent('hello')).not.toThrow();
  });
});
