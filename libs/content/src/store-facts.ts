import type { StoreProfile } from './content.types.js';

/**
 * Fills {store_name} {support_email} {support_hours} {answer_within} {currency} for a language,
 * falling back to the default language's text. Unknown placeholders are left as they are.
 */
export function fillStoreFacts(text: string, profile: StoreProfile, language: string): string {
  const inLanguage = (texts: Record<string, string>) =>
    texts[language] ?? texts[profile.defaultLanguage] ?? '';
  const facts: Record<string, string> = {
    store_name: profile.name,
    support_email: profile.supportEmail,
    support_hours: inLanguage(profile.supportHours),
    answer_within: inLanguage(profile.answerWithin),
    currency: profile.currency,
  };
  return text.replace(/\{([a-z_]+)\}/g, (whole, key: string) => facts[key] ?? whole);
}
