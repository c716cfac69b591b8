import { cancelRequest } from '../chat/answer.js';
import type { Widget } from '../context.js';

/* "New conversation": erases this one, here and on the server, after asking. */

function hideConfirm(ctx: Widget, focusNew: boolean): void {
  const { confirmBar, newButton } = ctx.view;
  if (confirmBar.hidden) return;
  confirmBar.hidden = true;
  newButton.setAttribute('aria-expanded', 'false');
  if (focusNew) newButton.focus();
}

function newConversation(ctx: Widget): void {
  hideConfirm(ctx, false);
  const previous = ctx.session.id;
  cancelRequest(ctx);
  ctx.log.setBusy(false);
  if (previous) {
    fetch(ctx.origins.api('/api/chat/history'), {
      method: 'DELETE',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ session_id: previous }),
      keepalive: true,
    }).catch(() => {
      // The server forgets idle sessions anyway.
    });
  }
  ctx.session.set(null);
  ctx.log.clear();
  ctx.state.started = true;
  appendWelcome(ctx);
  ctx.view.input.focus();
}

// Erasing is asked first, once there is something of the shopper's to lose.
function askNewConversation(ctx: Widget): void {
  if (!ctx.log.hasUserMessage()) {
    newConversation(ctx);
    return;
  }
  ctx.view.confirmBar.hidden = false;
  ctx.view.newButton.setAttribute('aria-expanded', 'true');
  ctx.view.confirmNo.focus();
}

export function appendWelcome(ctx: Widget): void {
  ctx.log.append(ctx.texts.word('welcome'), 'bsc-msg--bot bsc-msg--welcome');
}

/** Wires the header's New button and the confirm bar; returns what closing the window calls. */
export function wireNewConversation(ctx: Widget): { hideConfirm: () => void } {
  ctx.view.newButton.addEventListener('click', () => askNewConversation(ctx));
  ctx.view.confirmYes.addEventListener('click', () => newConversation(ctx));
  ctx.view.confirmNo.addEventListener('click', () => hideConfirm(ctx, true));
  return { hideConfirm: () => hideConfirm(ctx, false) };
}
