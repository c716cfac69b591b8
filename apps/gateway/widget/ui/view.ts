import { HELP_CENTER_PATH, MAX_MESSAGE_LENGTH } from '../config.js';
import { el } from '../dom.js';
import { linkAttrs, type Origins } from '../urls.js';
import { launcherIcon, newIcon, stopIcon } from './icons.js';

/** The window's fixed parts. Their words are set (and reset) by setLanguage, not here. */
export interface View {
  root: HTMLDivElement;
  launcher: HTMLButtonElement;
  badge: HTMLSpanElement;
  dialog: HTMLDivElement;
  subtitle: HTMLParagraphElement;
  newButton: HTMLButtonElement;
  closeButton: HTMLButtonElement;
  typing: HTMLDivElement;
  messages: HTMLDivElement;
  input: HTMLTextAreaElement;
  sendButton: HTMLButtonElement;
  stopButton: HTMLButtonElement;
  confirmBar: HTMLDivElement;
  confirmYes: HTMLButtonElement;
  confirmNo: HTMLButtonElement;
  form: HTMLFormElement;
}

/** The "Talk to a person" button and panel, made by person.ts. */
export interface HeaderParts {
  button: HTMLButtonElement;
  panel: HTMLElement;
}

type Parts = Omit<View, 'root' | 'dialog' | 'form'>;

function launcherParts(): Pick<View, 'launcher' | 'badge'> {
  // Answers that arrived while the window was closed.
  const badge = el('span', {
    className: 'bsc-launcher__badge',
    'aria-hidden': 'true',
    hidden: true,
  });
  const launcher = el(
    'button',
    {
      type: 'button',
      id: 'bsc-launcher',
      className: 'bsc-launcher',
      'aria-haspopup': 'dialog',
      'aria-expanded': 'false',
      'aria-controls': 'bsc-dialog',
    },
    [launcherIcon(), el('span', { className: 'bsc-launcher__label' }), badge],
  );
  return { launcher, badge };
}

function headerButtons(): Pick<View, 'newButton' | 'closeButton'> {
  const newButton = el(
    'button',
    { type: 'button', id: 'bsc-new', className: 'bsc-header-btn bsc-header-btn--new' },
    [newIcon(), el('span', { className: 'bsc-header-btn__text' })],
  );
  const closeButton = el(
    'button',
    { type: 'button', id: 'bsc-close', className: 'bsc-header-btn bsc-header-btn--close' },
    [el('span', { 'aria-hidden': 'true', text: '\u2715' })],
  );
  return { newButton, closeButton };
}

function conversationParts(): Pick<View, 'typing' | 'messages'> {
  const typing = el(
    'div',
    { id: 'bsc-typing', className: 'bsc-typing', role: 'img', hidden: true },
    [
      el('span', { className: 'bsc-typing__dot' }),
      el('span', { className: 'bsc-typing__dot' }),
      el('span', { className: 'bsc-typing__dot' }),
    ],
  );
  const messages = el(
    'div',
    // Focusable so keyboard users can scroll the conversation.
    {
      id: 'bsc-messages',
      className: 'bsc-messages',
      role: 'log',
      'aria-live': 'polite',
      tabindex: '0',
    },
    [typing],
  );
  return { typing, messages };
}

function composerParts(): Pick<View, 'input' | 'sendButton' | 'stopButton'> {
  const input = el('textarea', {
    id: 'bsc-input',
    className: 'bsc-input',
    rows: '1',
    maxlength: String(MAX_MESSAGE_LENGTH),
    autocomplete: 'off',
    enterkeyhint: 'send',
  });
  const sendButton = el('button', { type: 'submit', id: 'bsc-send', className: 'bsc-send' });
  // Takes the Send button's place while an answer is on its way.
  const stopButton = el(
    'button',
    { type: 'button', id: 'bsc-stop', className: 'bsc-send bsc-stop', hidden: true },
    [stopIcon(), el('span', { className: 'bsc-stop__text' })],
  );
  return { input, sendButton, stopButton };
}

// Asked before "New conversation" erases anything the shopper wrote.
function confirmParts(): Pick<View, 'confirmBar' | 'confirmYes' | 'confirmNo'> {
  const confirmYes = el('button', {
    type: 'button',
    id: 'bsc-confirm-yes',
    className: 'bsc-confirm__btn bsc-confirm__btn--yes',
  });
  const confirmNo = el('button', {
    type: 'button',
    id: 'bsc-confirm-no',
    className: 'bsc-confirm__btn',
  });
  const confirmBar = el(
    'div',
    {
      id: 'bsc-confirm',
      className: 'bsc-confirm',
      role: 'group',
      'aria-labelledby': 'bsc-confirm-text',
      hidden: true,
    },
    [
      el('p', { id: 'bsc-confirm-text', className: 'bsc-confirm__text' }),
      el('div', { className: 'bsc-confirm__actions' }, [confirmNo, confirmYes]),
    ],
  );
  return { confirmBar, confirmYes, confirmNo };
}

function header(parts: Parts, person: HeaderParts): HTMLDivElement {
  return el('div', { className: 'bsc-header' }, [
    el('div', { className: 'bsc-header__top' }, [
      el('div', { className: 'bsc-header__text' }, [
        el('h2', { id: 'bsc-title', className: 'bsc-title' }),
        parts.subtitle,
      ]),
      parts.closeButton,
    ]),
    /*
     * The close button keeps the title's row, at its end, so no label in any language can push it
     * out of the window; the other actions get the row under it (a long label wraps in its button).
     */
    el('div', { className: 'bsc-header__actions' }, [person.button, parts.newButton]),
  ]);
}

function footer(origins: Origins): HTMLDivElement {
  const help = origins.resolve(HELP_CENTER_PATH) ?? HELP_CENTER_PATH;
  return el('div', { className: 'bsc-footer' }, [
    el('p', { className: 'bsc-note' }),
    el('a', { id: 'bsc-help-center', className: 'bsc-footer__link', ...linkAttrs(help) }),
  ]);
}

/** Builds the launcher and the (hidden) dialog. */
export function buildView(origins: Origins, person: HeaderParts): View {
  const parts: Parts = {
    ...launcherParts(),
    ...headerButtons(),
    ...conversationParts(),
    ...composerParts(),
    ...confirmParts(),
    subtitle: el('p', { className: 'bsc-subtitle' }),
  };
  const form = el('form', { id: 'bsc-form', className: 'bsc-composer', novalidate: true }, [
    el('label', { className: 'bsc-sr-only', for: 'bsc-input' }),
    parts.input,
    parts.sendButton,
    parts.stopButton,
  ]);
  const dialog = el(
    'div',
    {
      id: 'bsc-dialog',
      className: 'bsc-dialog',
      role: 'dialog',
      'aria-modal': 'true',
      'aria-labelledby': 'bsc-title',
      hidden: true,
    },
    [header(parts, person), person.panel, parts.messages, parts.confirmBar, form, footer(origins)],
  );
  // Kept hidden until widget.css has loaded, so the page never shows an unstyled button.
  const root = el('div', { id: 'bsc-root', className: 'bsc-root', hidden: true }, [
    parts.launcher,
    dialog,
  ]);
  return { ...parts, root, dialog, form };
}
