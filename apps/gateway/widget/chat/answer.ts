import type { Widget } from '../context.js';
import { el } from '../dom.js';
import { attachFeedback } from '../ui/feedback.js';
import type { Message } from '../ui/messages.js';
import { renderParts } from '../ui/parts.js';
import type { Answer, ChatRequest } from './requests.js';

/** An answer as it is shown, piece by piece (streamed) or whole. */

interface Shown {
  message: Message;
  text: Text;
}

/*
 * A streamed answer's bubble, made on its first piece of text. The text lives in its own
 * .bsc-msg__text span so notes such as "(stopped)" stay outside it. While it grows, the bubble
 * and the log are aria-busy, so screen readers announce the finished answer once, not each piece.
 */
function answerBubble(ctx: Widget, answer: Answer): Shown {
  if (answer.message && answer.text) return { message: answer.message, text: answer.text };
  const follow = ctx.log.isNearEnd();
  const text = document.createTextNode('');
  ctx.log.setTyping(false);
  const top = ctx.log.scrollTop;
  const message = ctx.log.append(null, 'bsc-msg--bot bsc-msg--streaming');
  message.bubble.setAttribute('aria-busy', 'true');
  message.bubble.appendChild(el('span', { className: 'bsc-msg__text' }, [text]));
  ctx.log.setBusy(true);
  if (!follow) ctx.log.scrollTop = top;
  answer.message = message;
  answer.text = text;
  return { message, text };
}

export function appendAnswerText(ctx: Widget, answer: Answer, piece: string): void {
  const follow = ctx.log.isNearEnd();
  const { message, text } = answerBubble(ctx, answer);
  text.appendData(piece);
  if (follow) ctx.log.scrollToAnswer(message);
}

function settleAnswer(ctx: Widget, answer: Answer | null): void {
  if (answer?.message) {
    answer.message.bubble.classList.remove('bsc-msg--streaming');
    answer.message.bubble.setAttribute('aria-busy', 'false');
  }
  ctx.log.setBusy(false);
}

/** A whole answer: its text, then its parts (cards, links, quick replies) and, stored, thumbs. */
export function appendBotMessage(
  ctx: Widget,
  text: string,
  turn: unknown,
  rating: unknown,
  parts: unknown,
  when?: unknown,
): Message {
  const message = ctx.log.append(text, 'bsc-msg--bot', when);
  renderParts(ctx, message, parts);
  attachFeedback(ctx, message, turn, rating);
  ctx.log.scrollToAnswer(message);
  return message;
}

/** New conversation: the request under way is dropped, and what it showed settles. */
export function cancelRequest(ctx: Widget): void {
  const request = ctx.requests.takeOver();
  if (!request) return;
  settleAnswer(ctx, request.answer);
  ctx.log.setTyping(false);
  ctx.requests.idle();
}

// Stop: end the answer here. What has arrived stays, marked as stopped.
export function stopAnswer(ctx: Widget): void {
  const answer = ctx.requests.inflight?.answer;
  if (!answer) return;
  ctx.requests.takeOver();
  const follow = ctx.log.isNearEnd();
  const { message } = answerBubble(ctx, answer);
  message.bubble.classList.add('bsc-msg--stopped');
  message.bubble.appendChild(
    el('span', { className: 'bsc-stopped-note', text: ctx.texts.word('stopped') }),
  );
  settleAnswer(ctx, answer);
  ctx.log.setTyping(false);
  ctx.requests.idle();
  if (follow) ctx.log.scrollToAnswer(message);
}

// The whole answer: its final text replaces the pieces, and it can be rated.
export function completeAnswer(
  ctx: Widget,
  request: ChatRequest,
  response: string,
  turn: unknown,
  parts: unknown,
): void {
  const answer = request.answer;
  if (!ctx.requests.isCurrent(request) || !answer) return;
  const follow = ctx.log.isNearEnd();
  const { message, text } = answerBubble(ctx, answer);
  text.data = response;
  renderParts(ctx, message, parts);
  attachFeedback(ctx, message, turn, undefined);
  ctx.actions.noteUnread();
  settleAnswer(ctx, answer);
  ctx.log.setTyping(false);
  ctx.requests.finish(request);
  if (follow) ctx.log.scrollToAnswer(message);
}

/*
 * A message that never got its answer (the network, not the server, said no): its text goes back
 * into the box unless the shopper typed something else, and Retry sends it again.
 */
function offerRetry(ctx: Widget, error: Message, text: string, userNode: Message | null): void {
  const input = ctx.view.input;
  if (!input.value.trim()) {
    input.value = text;
    ctx.actions.autosize();
  }
  const button = el('button', {
    type: 'button',
    className: 'bsc-retry',
    'aria-label': ctx.texts.word('retryLabel'),
    text: ctx.texts.word('retry'),
  });
  button.addEventListener('click', () => {
    if (ctx.requests.inflight) return;
    error.entry.remove();
    if (input.value === text) {
      input.value = '';
      ctx.actions.autosize();
    }
    void ctx.actions.send(text, userNode ?? undefined);
  });
  error.meta.appendChild(button);
  button.focus();
}

// An error notice after whatever part of the answer was already shown.
// `retry`: the message may never have arrived, so the shopper can send it again.
export function failAnswer(ctx: Widget, request: ChatRequest, text: string, retry = false): void {
  if (!ctx.requests.isCurrent(request)) return;
  settleAnswer(ctx, request.answer);
  ctx.log.setTyping(false);
  ctx.requests.finish(request);
  const error = ctx.log.appendError(text);
  if (retry && request.message) offerRetry(ctx, error, request.message, request.userNode);
  ctx.actions.noteUnread();
}
