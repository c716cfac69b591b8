import { readFileSync } from 'node:fs';
import { detectLanguage, matchIntentIn, type Language } from '../src/index.js';

interface Line {
  lang: Language;
  text: string;
  intent: string;
}

/** The bar: each language's share of messages understood (language and intent right). */
const MIN_ACCURACY = 0.9;

const lines: Line[] = readFileSync(new URL('./fixtures/languages.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as Line);

describe('messages in English, Spanish, French and German (languages.jsonl)', () => {
  // Each message opens a conversation in English: a message in another language must switch it.
  const results = lines.map((line) => {
    const language = detectLanguage(line.text, 'en');
    const { intent } = matchIntentIn(line.text, language);
    const got = intent === 'help' ? 'fallback' : intent;
    return { ...line, language, got, right: language === line.lang && got === line.intent };
  });
  const byLanguage = (['en', 'es', 'fr', 'de'] as const).map((lang) => {
    const mine = results.filter((r) => r.lang === lang);
    const right = mine.filter((r) => r.right).length;
    return {
      lang,
      total: mine.length,
      accuracy: right / mine.length,
      misses: mine.filter((r) => !r.right),
    };
  });

  it('has at least 40 messages per language', () => {
    for (const row of byLanguage) expect(row.total, row.lang).toBeGreaterThanOrEqual(40);
  });

  it('reports the accuracy per language and the misses', () => {
    const report = byLanguage.map(
      (r) =>
        `${r.lang}: ${r.accuracy.toFixed(3)} (${r.total})` +
        r.misses
          .map((m) => `\n   "${m.text}" want ${m.lang}/${m.intent} got ${m.language}/${m.got}`)
          .join(''),
    );
    console.log(report.join('\n'));
    expect(report).toHaveLength(4);
  });

  it.each(['en', 'es', 'fr', 'de'] as const)('understands %s at 0.9 or more', (lang) => {
    const row = byLanguage.find((r) => r.lang === lang)!;
    expect(row.accuracy).toBeGreaterThanOrEqual(MIN_ACCURACY);
  });
});
