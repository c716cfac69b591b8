import { ANSWER_TOP_GAP_PX, STICKY_SCROLL_PX } from '../config.js';
import { el } from '../dom.js';

/**
 * One message: an entry holding the bubble (.bsc-msg, only the message itself, so its text is
 * what was said) and under it a meta row with the time and, for stored answers, the thumbs.
 */
export interface Message {
  bubble: HTMLDivElement;
  entry: HTMLDivElement;
  meta: HTMLDivElement;
}

const timeFormat = (() => {
  try {
    return new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });
  } catch {
    return null;
  }
})();

function timeOf(value: unknown): Date {
  const date =
    typeof value === 'string' || typeof value === 'number' ? new Date(value) : new Date();
  return Number.isNaN(date.getTime()) ? new Date() : date;
}

function timeStamp(date: Date): HTMLTimeElement {
  return el('time', {
    className: 'bsc-time',
    datetime: date.toISOString(),
    text: timeFormat ? timeFormat.format(date) : date.toTimeString().slice(0, 5),
  });
}

/** The conversation's log: messages in order, the typing dots last, and where it is scrolled. */
export class Log {
  constructor(
    private readonly messages: HTMLDivElement,
    private readonly typing: HTMLDivElement,
  ) {}

  /** `when`: the stored turn's time; now when absent. */
  append(text: string | null, kind: string, when?: unknown): Message {
    const side = kind.includes('bsc-msg--user') ? 'user' : 'bot';
    const bubble = el('div', { className: 'bsc-msg ' + kind });
    if (text !== null) bubble.appendChild(document.createTextNode(String(text)));
    const meta = el('div', { className: 'bsc-meta' }, [timeStamp(timeOf(when))]);
    const entry = el('div', { className: 'bsc-entry bsc-entry--' + side }, [bubble, meta]);
    this.messages.insertBefore(entry, this.typing);
    this.scrollToEnd();
    return { bubble, entry, meta };
  }

  appendUser(text: string, when?: unknown): Message {
    return this.append(text, 'bsc-msg--user', when);
  }

  appendError(text: string): Message {
    return this.append(text, 'bsc-msg--bot bsc-msg--error');
  }

  /** Quick replies and the like: after the newest message, before the typing dots. */
  insert(node: Node): void {
    this.messages.insertBefore(node, this.typing);
  }

  hasUserMessage(): boolean {
    return this.messages.querySelector('.bsc-msg--user') !== null;
  }

  clear(): void {
    for (const node of Array.from(this.messages.querySelectorAll('.bsc-entry, .bsc-suggestions'))) {
      node.remove();
    }
  }

  clearSuggestions(): void {
    for (const node of Array.from(this.messages.querySelectorAll('.bsc-suggestions')))
      node.remove();
  }

  setTyping(on: boolean): void {
    this.typing.hidden = !on;
    if (on) this.scrollToEnd();
  }

  /** While an answer grows (or history loads), screen readers wait to announce it whole. */
  setBusy(on: boolean): void {
    if (on) this.messages.setAttribute('aria-busy', 'true');
    else this.messages.removeAttribute('aria-busy');
  }

  scrollToEnd(): void {
    this.messages.scrollTop = this.messages.scrollHeight;
  }

  get scrollTop(): number {
    return this.messages.scrollTop;
  }

  set scrollTop(value: number) {
    this.messages.scrollTop = value;
  }

  // Someone who scrolled up to reread is left there while the answer grows.
  isNearEnd(): boolean {
    const m = this.messages;
    return m.scrollHeight - m.scrollTop - m.clientHeight <= STICKY_SCROLL_PX;
  }

  /*
   * Towards the end, but never past the start of the answer: an answer taller than the
   * conversation's view (three book cards on a small screen) is read from its first line.
   */
  scrollToAnswer(message: Message): void {
    const m = this.messages;
    const start =
      message.entry.getBoundingClientRect().top -
      m.getBoundingClientRect().top +
      m.scrollTop -
      ANSWER_TOP_GAP_PX;
    m.scrollTop = Math.min(m.scrollHeight - m.clientHeight, start);
  }

  /*
   * When the conversation's view changes height (the "Talk to a person" panel opens or closes,
   * the message box grows, the window is resized), a conversation scrolled to its end stays at
   * its end, so the newest messages stay in view.
   */
  keepEndOnResize(): void {
    if (typeof window.ResizeObserver !== 'function') return;
    const m = this.messages;
    let atEnd = true;
    const note = () => {
      atEnd = this.isNearEnd();
    };
    m.addEventListener('scroll', note, { passive: true });
    new window.ResizeObserver(() => {
      if (m.clientHeight === 0) return; // hidden with the window
      if (atEnd) this.scrollToEnd();
      note();
    }).observe(m);
  }
}
