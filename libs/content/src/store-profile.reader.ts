import type { ContentProblem, StoreProfile } from './content.types.js';
import { YamlFields } from './yaml-fields.js';

export const STORE_FILE = 'store.yaml';

const LANGUAGE = /^[a-z]{2,3}(-[a-z0-9]{2,8})?$/i;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));

/** store.yaml: the store's name, support address and hours, currency and languages. */
export function readStoreProfile(
  text: string | undefined,
  problems: ContentProblem[],
): StoreProfile | undefined {
  if (text === undefined) {
    problems.push({ file: STORE_FILE, line: 1, message: 'missing file: store.yaml' });
    return undefined;
  }
  const y = new YamlFields(STORE_FILE, text, problems);
  if (!y.ok) return undefined;
  const before = problems.length;
  const name = y.string('name');
  const email = y.string('support_email');
  if (email && !EMAIL.test(email.value)) {
    y.problem(email.line, `support_email is not an email address: ${email.value}`);
  }
  const currency = y.string('currency');
  if (currency && !CURRENCIES.has(currency.value)) {
    y.problem(currency.line, `currency is not an ISO 4217 code (e.g. USD, EUR): ${currency.value}`);
  }
  const languages = readLanguages(y);
  const hours = y.texts('support_hours');
  const within = y.texts('answer_within');
  const defaultLanguage = languages?.[0];
  if (defaultLanguage) {
    // Other languages fall back to the default language's text; the default has none to fall to.
    for (const [key, texts] of [
      ['support_hours', hours],
      ['answer_within', within],
    ] as const) {
      if (texts && !(defaultLanguage in texts.value)) {
        y.problem(texts.line, `${key} has no text for the default language ${defaultLanguage}`);
      }
    }
  }
  if (problems.length > before || !name || !email || !currency || !languages) return undefined;
  if (!hours || !within || !defaultLanguage) return undefined;
  return {
    name: name.value,
    supportEmail: email.value,
    supportHours: hours.value,
    currency: currency.value,
    languages,
    defaultLanguage,
    answerWithin: within.value,
  };
}

function readLanguages(y: YamlFields): string[] | undefined {
  const list = y.strings('languages');
  if (!list) return undefined;
  if (list.value.length === 0) {
    y.problem(list.line, 'languages is empty: list the codes the bot answers in, default first');
    return undefined;
  }
  for (const code of list.value) {
    if (!LANGUAGE.test(code)) {
      y.problem(list.line, `languages: not a language code: ${code}`);
      return undefined;
    }
  }
  if (new Set(list.value).size !== list.value.length) {
    y.problem(list.line, 'languages lists a language twice');
    return undefined;
  }
  return list.value;
}
