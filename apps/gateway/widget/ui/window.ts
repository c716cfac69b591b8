import { restoreHistory } from '../chat/history.js';
import { PHONE_QUERY } from '../config.js';
import type { Widget } from '../context.js';
import { isThisPage } from '../urls.js';
import { appendWelcome } from './new-conversation.js';
import type { PersonPanel } from './person.js';

/* Opening and closing the window: focus kept inside it, Esc, and the unread badge. */

export interface WindowControls {
  open: () => void;
  close: () => void;
  noteUnread: () => void;
}

function focusableItems(dialog: HTMLElement): HTMLElement[] {
  const candidates = dialog.querySelectorAll<HTMLElement>(
    'button, textarea, input, select, a[href], [tabindex]:not([tabindex="-1"])',
  );
  return Array.from(candidates).filter(
    (node) =>
      !(node as HTMLButtonElement).disabled &&
      !node.closest('[hidden]') &&
      node.getClientRects().length > 0,
  );
}

function trapTab(dialog: HTMLElement, event: KeyboardEvent): void {
  const items = focusableItems(dialog);
  if (items.length === 0) {
    event.preventDefault();
    return;
  }
  const first = items[0];
  const last = items[items.length - 1];
  const active = document.activeElement;
  if (!dialog.contains(active)) {
    event.preventDefault();
    (event.shiftKey ? last : first).focus();
  } else if (event.shiftKey && active === first) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && active === last) {
    event.preventDefault();
    first.focus();
  }
}

/** `hideConfirm`: the New conversation question does not outlive the window. */
export function wireWindow(
  ctx: Widget,
  person: PersonPanel,
  hideConfirm: () => void,
): WindowControls {
  const { root, dialog, launcher, badge, input } = ctx.view;
  const isOpen = () => !dialog.hidden;

  const showUnread = () => {
    const unread = ctx.state.unread;
    badge.textContent = String(unread);
    badge.hidden = unread === 0;
    if (unread === 0) launcher.removeAttribute('aria-label');
    else
      launcher.setAttribute(
        'aria-label',
        `${ctx.texts.word('launcher')}, ${ctx.texts.unread(unread)}`,
      );
  };

  const onKeydown = (event: KeyboardEvent) => {
    if (!isOpen() || event.isComposing) return;
    if (event.key === 'Escape' || event.key === 'Esc') {
      event.preventDefault();
      event.stopPropagation();
      if (!person.closeFrom(document.activeElement)) close();
    } else if (event.key === 'Tab') {
      trapTab(dialog, event);
    }
  };

  function open(): void {
    if (!root.isConnected && document.body) document.body.appendChild(root);
    root.hidden = false;
    if (ctx.state.unread) {
      ctx.state.unread = 0;
      showUnread();
    }
    if (!isOpen()) {
      dialog.hidden = false;
      launcher.setAttribute('aria-expanded', 'true');
      root.classList.add('bsc-root--open');
      document.addEventListener('keydown', onKeydown, true);
      if (!ctx.state.started) {
        ctx.state.started = true;
        appendWelcome(ctx);
        void restoreHistory(ctx);
      }
      ctx.log.scrollToEnd();
    }
    input.focus();
  }

  function close(): void {
    if (!isOpen()) return;
    hideConfirm();
    dialog.hidden = true;
    launcher.setAttribute('aria-expanded', 'false');
    root.classList.remove('bsc-root--open');
    document.removeEventListener('keydown', onKeydown, true);
    launcher.focus();
  }

  launcher.addEventListener('click', () => (isOpen() ? close() : open()));
  ctx.view.closeButton.addEventListener('click', close);
  // On a phone the window covers the page: following a link to the page (a book) shows the page.
  dialog.addEventListener('click', (event) => {
    const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
    if (
      link instanceof HTMLAnchorElement &&
      isThisPage(link.href) &&
      window.matchMedia?.(PHONE_QUERY).matches
    ) {
      close();
    }
  });

  return {
    open,
    close,
    noteUnread: () => {
      if (isOpen()) return;
      ctx.state.unread += 1;
      showUnread();
    },
  };
}
