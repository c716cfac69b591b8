import { resolve } from 'node:path';
import { checkStoreContent, fillStoreFacts, loadStoreContent } from './index.js';

// The repository's own content folder: the demo store, which must always pass its check.
const DEMO = resolve(import.meta.dirname, '../../../content');

describe('the demo content', () => {
  const content = loadStoreContent(DEMO);
  const { profile, articles } = content;
  const inDefault = articles.filter((a) => a.language === profile.defaultLanguage);

  it('passes the check', () => {
    expect(checkStoreContent(DEMO)).toEqual([]);
    expect(profile.languages).toEqual(['en', 'es', 'fr', 'de']);
    expect(profile.currency).toBe('USD');
    expect(content.catalog.length).toBeGreaterThanOrEqual(70);
    expect(content.orders?.length).toBeGreaterThanOrEqual(30);
  });

  it('names a book of every demo order in the catalog', () => {
    const titles = new Set(content.catalog.map((b) => b.title));
    for (const o of content.orders ?? []) {
      for (const item of o.items) expect(titles.has(item.title!), item.title).toBe(true);
    }
  });

  it('keeps the original canned sentences as the answers of the intent articles', () => {
    const intentAnswer = (intent: string) =>
      inDefault.filter((a) => a.intent === intent).map((a) => a.answer);
    expect(intentAnswer('shipping')).toEqual([
      'Standard shipping takes 5-7 business days. Express shipping is 2-3 business days.',
    ]);
    expect(intentAnswer('returns')).toEqual([
      'We accept returns within 30 days. Books must be in original condition.',
    ]);
    expect(intentAnswer('payment')).toEqual([
      'We accept Visa, Mastercard, American Express, and PayPal.',
    ]);
  });

  it('states the support hours and address of store.yaml where it names them', () => {
    const contact = inDefault.find((a) => a.slug === 'contact-support')!;
    expect(contact.answer).toContain(profile.supportHours.en);
    expect(contact.answer).toContain(profile.supportEmail);
    expect(contact.answer).toContain(profile.answerWithin.en);
  });

  it('has unique, anchor-safe slugs, in the help center order', () => {
    const slugs = inDefault.map((a) => a.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    for (const s of slugs) expect(s).toMatch(/^[a-z0-9-]{1,60}$/);
    expect(slugs.slice(0, 3)).toEqual(['shipping-times', 'shipping-cost', 'free-shipping']);
  });

  // The figures a fact is made of (days, prices, percentages), not clock times, which each
  // language writes its own way ("2 pm", "14 h", "14 Uhr").
  const figures = (text: string): string[] =>
    (text.replace(/\d+\s*(am|pm)\b/g, '').match(/\d+/g) ?? []).sort();

  it.each(inDefault.map((a) => [a.slug, a] as const))('%s is in every language', (slug, a) => {
    const others = articles.filter((t) => t.slug === slug && t.language !== 'en');
    expect(others.map((t) => t.language).sort()).toEqual(['de', 'es', 'fr']);
    for (const own of others) {
      expect(own.topic).toBe(a.topic);
      expect(own.intent).toBe(a.intent);
      // The same facts: the same figures, and the support address where the English gives it.
      expect(figures(own.answer), own.answer).toEqual(expect.arrayContaining(figures(a.answer)));
      expect(own.answer.includes(profile.supportEmail)).toBe(
        a.answer.includes(profile.supportEmail),
      );
    }
  });
});

describe('fillStoreFacts', () => {
  const { profile } = loadStoreContent(DEMO);

  it('fills the placeholders in the language asked, else the default one', () => {
    const text =
      'Write to {support_email} ({support_hours}), {store_name}, {answer_within}, {currency}.';
    expect(fillStoreFacts(text, profile, 'fr')).toBe(
      `Write to ${profile.supportEmail} (${profile.supportHours.fr}), ${profile.name}, ` +
        `${profile.answerWithin.fr}, USD.`,
    );
    expect(fillStoreFacts('{support_hours}', profile, 'it')).toBe(profile.supportHours.en);
  });

  it('leaves unknown placeholders and braces as they are', () => {
    expect(fillStoreFacts('{orderId} {nope} {}', profile, 'en')).toBe('{orderId} {nope} {}');
  });
});
