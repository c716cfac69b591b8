import { FEEDBACK_ERROR_MS, FEEDBACK_TIMEOUT_MS } from '../config.js';
import type { Widget } from '../context.js';
import { el } from '../dom.js';
import { thumbIcon } from './icons.js';
import type { Message } from './messages.js';

/* Thumbs up / down under one stored answer. */

type Rating = 'up' | 'down';
const RATINGS: Rating[] = ['up', 'down'];

interface Row {
  node: HTMLDivElement;
  sessionId: string;
  turn: number;
  pending: boolean;
  errorTimer?: ReturnType<typeof setTimeout>;
}

function isTurnNumber(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) > 0;
}

function rateButton(ctx: Widget, rating: Rating): HTMLButtonElement {
  return el(
    'button',
    {
      type: 'button',
      className: 'bsc-rate bsc-rate--' + rating,
      'aria-label': ctx.texts.word(rating === 'up' ? 'feedbackUp' : 'feedbackDown'),
      'aria-pressed': 'false',
      'data-rating': rating,
    },
    [thumbIcon(rating)],
  );
}

function showRating(row: HTMLElement, rating: string): void {
  for (const button of Array.from(row.querySelectorAll('.bsc-rate'))) {
    const chosen = button.getAttribute('data-rating') === rating;
    button.setAttribute('aria-pressed', chosen ? 'true' : 'false');
    button.classList.toggle('bsc-rate--chosen', chosen);
  }
}

function showFeedbackError(ctx: Widget, row: Row): void {
  let note = row.node.querySelector('.bsc-rate-error');
  if (!note) {
    note = el('span', { className: 'bsc-rate-error', 'aria-live': 'polite' });
    row.node.appendChild(note);
  }
  note.textContent = ctx.texts.word('feedbackError');
  clearTimeout(row.errorTimer);
  const shown = note;
  row.errorTimer = setTimeout(() => shown.remove(), FEEDBACK_ERROR_MS);
}

function clearFeedbackError(row: Row): void {
  clearTimeout(row.errorTimer);
  row.node.querySelector('.bsc-rate-error')?.remove();
}

async function saveRating(ctx: Widget, row: Row, rating: string): Promise<boolean> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), FEEDBACK_TIMEOUT_MS);
  try {
    const res = await fetch(ctx.origins.api('/api/chat/feedback'), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ session_id: row.sessionId, turn: row.turn, rating }),
      signal: controller.signal,
    });
    return res.ok;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

// One request at a time per answer, so replies can't arrive out of order.
// A second tap on the chosen thumb takes the rating back ("none").
async function sendFeedback(ctx: Widget, row: Row, value: Rating): Promise<void> {
  if (row.pending) return;
  const rating = row.node.getAttribute('data-rating') === value ? 'none' : value;
  row.pending = true;
  row.node.setAttribute('aria-busy', 'true');
  const saved = await saveRating(ctx, row, rating);
  row.pending = false;
  row.node.removeAttribute('aria-busy');
  if (saved) {
    if (rating === 'none') row.node.removeAttribute('data-rating');
    else row.node.setAttribute('data-rating', rating);
    showRating(row.node, rating);
    clearFeedbackError(row);
  } else {
    showFeedbackError(ctx, row);
  }
}

function feedbackRow(ctx: Widget, sessionId: string, turn: number, rating: unknown): HTMLElement {
  const node = el('div', {
    className: 'bsc-feedback',
    role: 'group',
    'aria-label': ctx.texts.word('feedbackGroup'),
  });
  const row: Row = { node, sessionId, turn, pending: false };
  for (const value of RATINGS) {
    const button = rateButton(ctx, value);
    button.addEventListener('click', () => void sendFeedback(ctx, row, value));
    node.appendChild(button);
  }
  if (rating === 'up' || rating === 'down') {
    node.setAttribute('data-rating', rating);
    showRating(node, rating);
  }
  return node;
}

/** With a stored turn number, the answer gets thumbs up / down (and `rating` preselected). */
export function attachFeedback(
  ctx: Widget,
  message: Message,
  turn: unknown,
  rating: unknown,
): void {
  const sessionId = ctx.session.id;
  if (!isTurnNumber(turn) || !sessionId) return;
  message.bubble.setAttribute('data-turn', String(turn));
  message.bubble.classList.add('bsc-msg--rateable');
  message.meta.appendChild(feedbackRow(ctx, sessionId, turn, rating));
}
