import { detectLanguage } from './language.js';
import { matchIntentIn } from './multilingual.js';

describe('detectLanguage', () => {
  it('detects the issue examples from an English start', () => {
    expect(detectLanguage('Bonjour, je voudrais retourner un livre', 'en')).toBe('fr');
    expect(detectLanguage('Wie lange dauert der Versand nach Deutschland?', 'en')).toBe('de');
    expect(detectLanguage('¿Dónde está mi pedido 123456?', 'en')).toBe('es');
    expect(detectLanguage('Where is my order 123456?', 'fr')).toBe('en');
  });

  it.each(['ok', '123456', 'jane.doe@example.com', '👍', '?', 'OK!', '#123456'])(
    'keeps the conversation language for "%s"',
    (message) => {
      for (const current of ['en', 'es', 'fr', 'de'] as const)
        expect(detectLanguage(message, current)).toBe(current);
    },
  );

  it('switches on short words only one language says', () => {
    expect(detectLanguage('gracias', 'en')).toBe('es');
    expect(detectLanguage('merci !', 'de')).toBe('fr');
    expect(detectLanguage('Danke', 'fr')).toBe('de');
    expect(detectLanguage('Hallo!', 'en')).toBe('de');
    expect(detectLanguage('thanks', 'es')).toBe('en');
  });

  it('keeps the language for a word several languages share', () => {
    expect(detectLanguage('super', 'de')).toBe('de');
    expect(detectLanguage('PayPal', 'fr')).toBe('fr');
  });
});

describe('matchIntentIn', () => {
  it('finds order numbers the way each language writes them', () => {
    expect(matchIntentIn('pedido 123456', 'es').entities.orderId).toBe('123456');
    expect(matchIntentIn('commande n° 123456', 'fr').entities.orderId).toBe('123456');
    expect(matchIntentIn('Bestellnummer 123456', 'de').entities.orderId).toBe('123456');
    expect(matchIntentIn('Bestellnummer 123456', 'de').intent).toBe('order_status');
  });

  it('finds categories named in the language, accents written or not', () => {
    expect(matchIntentIn('una novela policíaca', 'es').entities.category).toBe('mystery');
    expect(matchIntentIn('una novela policiaca', 'es').entities.category).toBe('mystery');
    expect(matchIntentIn('un roman de science-fiction', 'fr').entities.category).toBe(
      'science fiction',
    );
    expect(matchIntentIn('einen guten Krimi', 'de').entities.category).toBe('mystery');
  });

  it('answers in the language asked', () => {
    expect(matchIntentIn('Aceptan PayPal?', 'es').response).toMatch(/^Nuestro centro de ayuda/);
    expect(matchIntentIn('Rückgabe', 'de').intent).toBe('returns');
    expect(matchIntentIn('Ruckgabe', 'de').intent).toBe('returns');
    expect(matchIntentIn('remboursement', 'fr').intent).toBe('returns');
  });
});

describe('detectLanguage: evidence before leaving the conversation language (#21)', () => {
  it.each([
    'tracking for 567890',
    'recomend me a fantsy buk',
    'tracking please',
    'express delivery?',
    'any thriller novel',
    'shiping to austrlia how long',
    'blorp snazzle gnarp vrumble',
    'can i pay with paypal',
    'mas',
    'express?',
    'tracking pls',
  ])('keeps an English conversation English for %j', (message) => {
    expect(detectLanguage(message, 'en')).toBe('en');
  });

  it('still switches on a message with words of its own language', () => {
    expect(detectLanguage('envío a México?', 'en')).toBe('es');
    expect(detectLanguage('Versand nach Österreich?', 'en')).toBe('de');
    expect(detectLanguage('le suivi de ma commande', 'en')).toBe('fr');
    expect(detectLanguage('tracking für meine Bestellung', 'en')).toBe('de');
    expect(detectLanguage('Fallen da Zollgebühren an?', 'en')).toBe('de');
  });
});
