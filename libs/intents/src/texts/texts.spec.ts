import { CANNED_RESPONSES, CONVERSATION_RESPONSES } from '../matching/responses.js';
import { LANGUAGES, TEXTS, placeholders, text } from './index.js';

describe('texts per language', () => {
  const keys = Object.keys(TEXTS.en);

  it.each(LANGUAGES.filter((l) => l !== 'en'))('%s has every key and no other', (language) => {
    expect(Object.keys(TEXTS[language]).sort()).toEqual([...keys].sort());
  });

  it.each(LANGUAGES.filter((l) => l !== 'en'))(
    '%s has the same placeholders and no empty text',
    (language) => {
      for (const key of keys) {
        const own = TEXTS[language][key as keyof typeof TEXTS.en];
        expect(own.trim(), key).not.toBe('');
        expect(placeholders(own), key).toEqual(
          placeholders(TEXTS.en[key as keyof typeof TEXTS.en]),
        );
      }
    },
  );

  it('keeps the plan English canned sentences word for word', () => {
    for (const [intent, sentence] of Object.entries({
      ...CANNED_RESPONSES,
      ...CONVERSATION_RESPONSES,
    }))
      expect(TEXTS.en[intent as keyof typeof TEXTS.en]).toBe(sentence);
    expect(TEXTS.en.fallback).toBe(
      "I'm not sure about that. Please contact {support_email} for assistance.",
    );
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(text('fr', 'order.not_found', { orderId: '123456' })).toContain('n° 123456');
    expect(text('de', 'order.status', { orderId: '1' })).toContain('{status}');
  });
});
