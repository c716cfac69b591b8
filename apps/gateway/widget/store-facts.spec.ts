import { factValues, fillFacts, formatPrice, parseStoreFacts } from './store-facts.js';

const BODY = {
  name: 'Paper Moon Books',
  support_email: 'help@paper-moon.example',
  support_hours: { en: 'every day, 8 to 8', fr: 'tous les jours, de 8 h à 20 h' },
  currency: 'eur',
  languages: ['fr', 'en'],
  answer_within: { en: '2 days', fr: '2 jours' },
};

describe('the store facts the widget names', () => {
  it('reads GET /api/store and rejects what is not that answer', () => {
    expect(parseStoreFacts(BODY)).toMatchObject({ name: 'Paper Moon Books', currency: 'EUR' });
    expect(parseStoreFacts({ support_email: 'x@y.z' })).toBeNull();
    expect(parseStoreFacts('Paper Moon')).toBeNull();
    expect(parseStoreFacts(null)).toBeNull();
  });

  it('gives each fact in the language asked, else in the store default language', () => {
    const facts = parseStoreFacts(BODY);
    expect(factValues(facts, 'en').support_hours).toBe('every day, 8 to 8');
    expect(factValues(facts, 'de').support_hours).toBe('tous les jours, de 8 h à 20 h');
    expect(factValues(null, 'en')).toEqual({});
  });

  it('fills placeholders, and drops a bracketed part whose facts are unknown', () => {
    const values = factValues(parseStoreFacts(BODY), 'en');
    const text = "Hi! I'm the[ {store_name}] assistant.";
    expect(fillFacts(text, values)).toBe("Hi! I'm the Paper Moon Books assistant.");
    expect(fillFacts(text, {})).toBe("Hi! I'm the assistant.");
    const either = '[We answer {support_hours}.|We answer soon.]';
    expect(fillFacts(either, values)).toBe('We answer every day, 8 to 8.');
    expect(fillFacts(either, { store_name: 'x' })).toBe('We answer soon.');
    // An unknown placeholder outside brackets is left as it is.
    expect(fillFacts('Write to {nobody}.', values)).toBe('Write to {nobody}.');
  });

  it('writes prices in the store currency as the window language does', () => {
    expect(formatPrice(16.99, 'USD', 'en')).toBe('$16.99');
    expect(formatPrice(16.99, 'EUR', 'fr')).toMatch(/^16,99\s€$/);
    expect(formatPrice(16.99, '', 'en')).toBeNull();
    expect(formatPrice(16.99, 'NOT-A-CURRENCY', 'en')).toBeNull();
  });
});
