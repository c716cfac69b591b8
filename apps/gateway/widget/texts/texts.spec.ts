import { parseStoreFacts } from '../store-facts.js';
import { de } from './de.js';
import { en } from './en.js';
import { es } from './es.js';
import { fr } from './fr.js';
import { Texts } from './texts.js';
import { initialLanguage, languageOf, type LanguagePack } from './words.js';

const PACKS: Record<string, LanguagePack> = { en, es, fr, de };
const FACTS = ['store_name', 'support_email', 'support_hours', 'answer_within', 'currency'];

describe('the widget words', () => {
  it('name only the store facts GET /api/store gives, in every language', () => {
    for (const [lang, pack] of Object.entries(PACKS)) {
      for (const text of [...Object.values(pack.window), ...Object.values(pack.person)]) {
        for (const [, key] of text.matchAll(/\{(\w+)\}/g))
          expect(FACTS, `${lang}: ${text}`).toContain(key);
      }
    }
  });

  it('fill the facts in, and read whole without them', () => {
    const texts = new Texts('en');
    expect(texts.word('welcome')).toMatch(/^Hi! I'm the support assistant\./);
    expect(texts.person('error')).toBe("Couldn't send your request. Please try again.");
    texts.facts = parseStoreFacts({
      name: 'Paper Moon Books',
      support_email: 'help@paper-moon.example',
      support_hours: { en: 'every day, 8 to 8' },
      currency: 'EUR',
      languages: ['en'],
      answer_within: { en: '2 days' },
    });
    expect(texts.word('subtitle')).toBe('Paper Moon Books');
    expect(texts.person('answers')).toBe(
      'Our support team answers every day, 8 to 8, within 2 days.',
    );
    expect(texts.person('error')).toMatch(/or email help@paper-moon\.example\.$/);
    expect(texts.price(3)).toBe('€3.00');
    texts.language = 'fr';
    expect(texts.word('welcome')).toMatch(/^Bonjour ! Je suis l’assistant de Paper Moon Books\./);
  });

  it('follow the page language, then the browser, then English', () => {
    expect(languageOf('fr-CA')).toBe('fr');
    expect(languageOf('it')).toBeNull();
    expect(initialLanguage('es', ['de-DE'])).toBe('es');
    expect(initialLanguage('it', ['it-IT', 'de-DE'])).toBe('de');
    expect(initialLanguage(null, [])).toBe('en');
  });
});
