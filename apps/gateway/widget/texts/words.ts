/** The languages the widget speaks; the first is the one it falls back to. */
export const LANGUAGES = ['en', 'es', 'fr', 'de'] as const;
export type Lang = (typeof LANGUAGES)[number];

/** The window's own words (labels, notices, errors). Store facts are `{placeholders}`. */
export interface WindowWords {
  title: string;
  subtitle: string;
  welcome: string;
  genericError: string;
  networkError: string;
  cutOff: string;
  stop: string;
  stopLabel: string;
  stopped: string;
  placeholder: string;
  privacy: string;
  feedbackGroup: string;
  feedbackUp: string;
  feedbackDown: string;
  feedbackError: string;
  retry: string;
  retryLabel: string;
  confirmNew: string;
  confirmYes: string;
  confirmNo: string;
  helpCenter: string;
  suggestionsGroup: string;
  booksGroup: string;
  linksGroup: string;
  launcher: string;
  newLabel: string;
  newTitle: string;
  newText: string;
  close: string;
  typing: string;
  conversation: string;
  send: string;
  yourMessage: string;
}

/** The words of the "Talk to a person" form. */
export interface PersonWords {
  button: string;
  title: string;
  intro: string;
  answers: string;
  email: string;
  problem: string;
  send: string;
  cancel: string;
  close: string;
  sending: string;
  done: string;
  error: string;
  missing: string;
}

export interface LanguagePack {
  window: WindowWords;
  person: PersonWords;
  /** "1 new answer", "2 new answers" */
  unread(n: number): string;
}

/** "fr-CA" -> "fr", when it is a language the widget speaks. */
export function languageOf(tag: unknown): Lang | null {
  const base = (typeof tag === 'string' ? tag : '').trim().toLowerCase().split(/[-_]/)[0];
  return (LANGUAGES as readonly string[]).includes(base) ? (base as Lang) : null;
}

/** The page's own language first, then the browser's; English when neither is one we speak. */
export function initialLanguage(pageLang: string | null, browserLangs: readonly string[]): Lang {
  return languageOf(pageLang) ?? browserLangs.map(languageOf).find((l) => l !== null) ?? 'en';
}
