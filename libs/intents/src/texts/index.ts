import { CHAT_LANGUAGES, type ChatLanguage as Language } from '@bookstore/contracts';
import { DE } from './de.js';
import { EN, type TextKey } from './en.js';
import { ES } from './es.js';
import { FR } from './fr.js';

export type { TextKey };

// The languages are the wire contract's: one list, one type.
export { CHAT_LANGUAGES as LANGUAGES, type ChatLanguage as Language } from '@bookstore/contracts';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (CHAT_LANGUAGES as readonly string[]).includes(value);
}

/** Every shopper-facing text of the rules, per language, under the same keys. */
export const TEXTS: Readonly<Record<Language, Readonly<Record<TextKey, string>>>> = Object.freeze({
  en: EN,
  es: ES,
  fr: FR,
  de: DE,
});

/** The text of `key` in `language`, its {placeholders} filled from `vars`. */
export function text(
  language: Language,
  key: TextKey,
  vars: Readonly<Record<string, string | number>> = {},
): string {
  const template = TEXTS[language][key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in vars ? String(vars[name]) : whole,
  );
}

/** The {placeholders} a template expects. */
export function placeholders(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
}
