/** What GET /api/store says about the store: the facts the widget's words name. */
export interface StoreFacts {
  name: string;
  support_email: string;
  support_hours: Record<string, string>;
  currency: string;
  languages: string[];
  answer_within: Record<string, string>;
}

function isText(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

function perLanguage(value: unknown): Record<string, string> {
  const texts: Record<string, string> = {};
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [lang, text] of Object.entries(value as Record<string, unknown>)) {
      if (isText(text)) texts[lang] = text.trim();
    }
  }
  return texts;
}

/** The facts from the endpoint's body, or null when it is not that answer. */
export function parseStoreFacts(body: unknown): StoreFacts | null {
  if (!body || typeof body !== 'object') return null;
  const b = body as Record<string, unknown>;
  if (!isText(b.name)) return null;
  return {
    name: b.name.trim(),
    support_email: isText(b.support_email) ? b.support_email.trim() : '',
    support_hours: perLanguage(b.support_hours),
    currency: isText(b.currency) ? b.currency.trim().toUpperCase() : '',
    languages: Array.isArray(b.languages) ? b.languages.filter(isText) : [],
    answer_within: perLanguage(b.answer_within),
  };
}

/** The store's facts, or null when the gateway does not tell them (a failure only loses them). */
export async function loadStoreFacts(url: string, timeoutMs: number): Promise<StoreFacts | null> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const res = await fetch(url, {
      headers: { Accept: 'application/json' },
      signal: controller.signal,
    });
    return res.status === 200 ? parseStoreFacts(await res.json()) : null;
  } catch {
    return null;
  } finally {
    clearTimeout(timer);
  }
}

// A text per language: the one asked for, else the store's default language's, else any.
function inLanguage(texts: Record<string, string>, lang: string, facts: StoreFacts): string {
  return texts[lang] ?? texts[facts.languages[0] ?? ''] ?? Object.values(texts)[0] ?? '';
}

/** The values of the {placeholders} in `lang`; a fact the store did not give is absent. */
export function factValues(facts: StoreFacts | null, lang: string): Record<string, string> {
  if (!facts) return {};
  const values: Record<string, string> = {
    store_name: facts.name,
    support_email: facts.support_email,
    support_hours: inLanguage(facts.support_hours, lang, facts),
    answer_within: inLanguage(facts.answer_within, lang, facts),
    currency: facts.currency,
  };
  for (const key of Object.keys(values)) if (!values[key]) delete values[key];
  return values;
}

const PLACEHOLDER = /\{(\w+)\}/g;

function known(text: string, values: Record<string, string>): boolean {
  return Array.from(text.matchAll(PLACEHOLDER)).every((m) => m[1] in values);
}

function replace(text: string, values: Record<string, string>): string {
  return text.replace(PLACEHOLDER, (whole, key: string) => values[key] ?? whole);
}

/**
 * Fills {store_name}, {support_email}, {support_hours}, {answer_within}, {currency}. A part in
 * brackets, `[with facts|without]`, is its first half when every fact in it is known, else its
 * second half (or nothing), so a store that gives no hours never shows a sentence with a hole.
 */
export function fillFacts(text: string, values: Record<string, string>): string {
  return replace(
    text.replace(/\[([^\]|]*)(?:\|([^\]]*))?\]/g, (_whole, withFacts: string, without?: string) =>
      known(withFacts, values) ? withFacts : (without ?? ''),
    ),
    values,
  );
}

/** A price in the store's currency, written as `lang` writes it ("24,99 $US" in French). */
export function formatPrice(value: number, currency: string, lang: string): string | null {
  if (!currency || !Number.isFinite(value)) return null;
  try {
    const locale = lang === 'en' ? 'en-US' : lang;
    return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(value);
  } catch {
    return null;
  }
}
