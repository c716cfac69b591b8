import type { Texts } from '../texts/texts.js';
import type { Lang, PersonWords, WindowWords } from '../texts/words.js';

/* Where each word of the window shows, so a language (or the store's facts) can be swapped in. */

type Where = 'text' | 'aria-label' | 'title' | 'placeholder';

const LABELS: Array<[selector: string, where: Where, key: keyof WindowWords]> = [
  ['.bsc-launcher__label', 'text', 'launcher'],
  ['#bsc-new', 'aria-label', 'newLabel'],
  ['#bsc-new', 'title', 'newTitle'],
  ['#bsc-new .bsc-header-btn__text', 'text', 'newText'],
  ['#bsc-close', 'aria-label', 'close'],
  ['#bsc-close', 'title', 'close'],
  ['#bsc-typing', 'aria-label', 'typing'],
  ['#bsc-messages', 'aria-label', 'conversation'],
  ['#bsc-input', 'placeholder', 'placeholder'],
  ['label[for="bsc-input"]', 'text', 'yourMessage'],
  ['#bsc-send', 'text', 'send'],
  ['#bsc-stop', 'aria-label', 'stopLabel'],
  ['.bsc-stop__text', 'text', 'stop'],
  ['#bsc-confirm-yes', 'text', 'confirmYes'],
  ['#bsc-confirm-no', 'text', 'confirmNo'],
  ['#bsc-confirm-text', 'text', 'confirmNew'],
  ['#bsc-title', 'text', 'title'],
  ['.bsc-subtitle', 'text', 'subtitle'],
  ['.bsc-note', 'text', 'privacy'],
  ['#bsc-help-center', 'text', 'helpCenter'],
  ['.bsc-msg--welcome', 'text', 'welcome'],
];

const PERSON_LABELS: Array<[selector: string, where: Where, key: keyof PersonWords]> = [
  ['#bsc-person', 'text', 'button'],
  ['#bsc-person-panel h3', 'text', 'title'],
  ['.bsc-person__intro', 'text', 'intro'],
  ['label[for="bsc-person-email"]', 'text', 'email'],
  ['label[for="bsc-person-problem"]', 'text', 'problem'],
  ['.bsc-person__send', 'text', 'send'],
  ['.bsc-person__cancel', 'text', 'cancel'],
  ['.bsc-person__close', 'aria-label', 'close'],
  ['.bsc-person__close', 'title', 'close'],
];

function relabel<K extends string>(
  root: HTMLElement,
  labels: Array<[string, Where, K]>,
  word: (key: K) => string,
): void {
  for (const [selector, where, key] of labels) {
    for (const node of Array.from(root.querySelectorAll(selector))) {
      if (where === 'text') node.textContent = word(key);
      else node.setAttribute(where, word(key));
    }
  }
}

/** The widget's own words in `lang` (en, es, fr, de): the window as it is, and what comes. */
export function applyLanguage(root: HTMLElement, texts: Texts, lang: Lang): void {
  texts.language = lang;
  root.setAttribute('lang', lang);
  relabel(root, LABELS, (key) => texts.word(key));
  relabel(root, PERSON_LABELS, (key) => texts.person(key));
  // No store name (yet): no empty line under the title.
  for (const node of Array.from(root.querySelectorAll<HTMLElement>('.bsc-subtitle'))) {
    node.hidden = !node.textContent;
  }
}
