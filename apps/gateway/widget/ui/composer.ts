import { INPUT_MAX_HEIGHT_PX } from '../config.js';
import type { View } from './view.js';

/* The message box and its Send / Stop button. */

/** The box grows with its text up to a limit, then scrolls. */
export function autosize(input: HTMLTextAreaElement): void {
  input.style.height = 'auto';
  const borders = input.offsetHeight - input.clientHeight;
  const height = Math.min(input.scrollHeight + borders, INPUT_MAX_HEIGHT_PX);
  input.style.height = height + 'px';
  input.classList.toggle('bsc-input--scroll', input.scrollHeight + borders > INPUT_MAX_HEIGHT_PX);
}

// While an answer is on its way, Stop stands where Send was (Send stays disabled).
export function setBusy(view: View, on: boolean, answering: boolean): void {
  const showStop = on && answering;
  const active = document.activeElement;
  if ((on && active === view.sendButton) || (!showStop && active === view.stopButton)) {
    view.input.focus();
  }
  view.sendButton.disabled = on;
  view.sendButton.hidden = showStop;
  view.stopButton.hidden = !showStop;
  view.root.classList.toggle('bsc-root--busy', on);
  view.root.classList.toggle('bsc-root--answering', showStop);
}

/** Enter sends (Shift+Enter is a new line, and an IME's Enter composes). */
export function wireComposer(view: View, send: (text: string) => void, stop: () => void): void {
  view.form.addEventListener('submit', (event) => {
    event.preventDefault();
    send(view.input.value);
  });
  view.input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing && event.keyCode !== 229) {
      event.preventDefault();
      send(view.input.value);
    }
  });
  view.input.addEventListener('input', () => autosize(view.input));
  view.stopButton.addEventListener('click', stop);
}
