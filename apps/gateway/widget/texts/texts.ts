import { factValues, fillFacts, formatPrice, type StoreFacts } from '../store-facts.js';
import { de } from './de.js';
import { en } from './en.js';
import { es } from './es.js';
import { fr } from './fr.js';
import type { Lang, LanguagePack, PersonWords, WindowWords } from './words.js';

const PACKS: Record<Lang, LanguagePack> = { en, es, fr, de };

/** The widget's words in the window's current language, with the store's facts filled in. */
export class Texts {
  /** Null until GET /api/store has answered (or for good, when it cannot). */
  facts: StoreFacts | null = null;

  constructor(public language: Lang) {}

  word(key: keyof WindowWords): string {
    return this.fill(PACKS[this.language].window[key]);
  }

  person(key: keyof PersonWords): string {
    return this.fill(PACKS[this.language].person[key]);
  }

  unread(n: number): string {
    return PACKS[this.language].unread(n);
  }

  /** A book's price in the store's currency; null while the currency is unknown. */
  price(value: number): string | null {
    return this.facts ? formatPrice(value, this.facts.currency, this.language) : null;
  }

  private fill(text: string): string {
    return fillFacts(text, factValues(this.facts, this.language));
  }
}
