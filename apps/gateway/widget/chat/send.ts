import { CHAT_TIMEOUT_MS } from '../config.js';
import type { Widget } from '../context.js';
import { languageOf } from '../texts/words.js';
import type { Message } from '../ui/messages.js';
import { appendAnswerText, appendBotMessage, completeAnswer, failAnswer } from './answer.js';
import type { ChatRequest } from './requests.js';
import { readEventStream } from './sse.js';
import { canRetry, discardBody, errorText, readJson, type Body } from './transport.js';

/* Sending a message: streamed from /api/chat/stream, or whole from /api/chat. */

type Payload = { message: string; session_id?: string };

const STREAM_EVENTS = ['meta', 'token', 'done', 'error'];

/** An answer names its language: a shopper writing in another one switches the window to it. */
function followLanguage(ctx: Widget, reply: Body): void {
  const lang = languageOf(reply.language);
  if (lang && lang === reply.language && lang !== ctx.texts.language) ctx.actions.setLanguage(lang);
}

function onStreamEvent(ctx: Widget, request: ChatRequest, name: string | undefined, data: string) {
  if (!ctx.requests.isCurrent(request) || !name || !STREAM_EVENTS.includes(name)) return;
  const generic = ctx.texts.word('genericError');
  let event: unknown;
  try {
    event = JSON.parse(data);
  } catch {
    event = null;
  }
  if (!event || typeof event !== 'object') return failAnswer(ctx, request, generic);
  const e = event as Body;
  if (name === 'meta') {
    ctx.session.remember(e.session_id);
    followLanguage(ctx, e);
  } else if (name === 'token') {
    if (typeof e.text === 'string' && e.text && request.answer) {
      appendAnswerText(ctx, request.answer, e.text);
    }
  } else if (name === 'done') {
    if (typeof e.response !== 'string') failAnswer(ctx, request, generic);
    else completeAnswer(ctx, request, e.response, e.turn, e);
  } else {
    failAnswer(ctx, request, errorText(e, generic));
  }
}

// The stream endpoint answered in JSON (an error, or a server that does not stream).
async function jsonInsteadOfStream(ctx: Widget, request: ChatRequest, res: Response) {
  let body: Body | null = null;
  let failure: string | null = null;
  try {
    body = await readJson(res);
  } catch {
    failure = ctx.texts.word('networkError');
  }
  if (!ctx.requests.isCurrent(request)) return;
  if (!failure && res.ok && body && typeof body.response === 'string') {
    ctx.session.remember(body.session_id);
    completeAnswer(ctx, request, body.response, body.turn, body);
  } else {
    const text = failure ?? errorText(body, ctx.texts.word('genericError'));
    failAnswer(ctx, request, text, Boolean(failure) || canRetry(res));
  }
}

// Returns false when the server has no streaming endpoint, so the caller uses /api/chat.
async function streamAnswer(ctx: Widget, request: ChatRequest, payload: Payload): Promise<boolean> {
  let res: Response;
  try {
    res = await fetch(ctx.origins.api('/api/chat/stream'), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'text/event-stream' },
      body: JSON.stringify(payload),
      signal: request.signal,
    });
  } catch {
    failAnswer(ctx, request, ctx.texts.word('networkError'), true);
    return true;
  }
  if (!ctx.requests.isCurrent(request)) {
    discardBody(res);
    return true;
  }
  if (res.status === 404 || res.status === 405) {
    discardBody(res);
    ctx.state.streamAnswers = false;
    request.arm();
    return false;
  }
  const type = (res.headers.get('content-type') ?? '').toLowerCase();
  if (!res.ok || !res.body || type.includes('json')) {
    await jsonInsteadOfStream(ctx, request, res);
    return true;
  }
  await readEventStream(res.body, {
    onEvent: (name, data) => onStreamEvent(ctx, request, name, data),
    onChunk: () => request.arm(),
    isCurrent: () => ctx.requests.isCurrent(request),
  });
  // Still under way once the body is over: the answer never completed.
  if (ctx.requests.isCurrent(request)) failAnswer(ctx, request, ctx.texts.word('cutOff'), true);
  return true;
}

async function plainAnswer(ctx: Widget, request: ChatRequest, payload: Payload): Promise<void> {
  let reply: Body | null = null;
  let failure = '';
  let retry = false;
  try {
    const res = await fetch(ctx.origins.api('/api/chat'), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(payload),
      signal: request.signal,
    });
    const body = await readJson(res);
    if (res.ok && body && typeof body.response === 'string') {
      reply = body;
    } else {
      failure = errorText(body, ctx.texts.word('genericError'));
      retry = canRetry(res);
    }
  } catch {
    failure = ctx.texts.word('networkError');
    retry = true;
  }
  if (!ctx.requests.isCurrent(request)) return;
  if (!reply) return failAnswer(ctx, request, failure, retry);
  ctx.log.setTyping(false);
  ctx.requests.finish(request);
  ctx.session.remember(reply.session_id);
  followLanguage(ctx, reply);
  appendBotMessage(ctx, reply.response as string, reply.turn, undefined, reply);
  ctx.actions.noteUnread();
}

/** Sends the shopper's message; `userNode`: already shown (a retry), so not shown twice. */
export async function send(ctx: Widget, text: string, userNode?: Message): Promise<boolean> {
  const message = text.trim();
  if (!message || ctx.requests.inflight) return false;
  ctx.log.clearSuggestions();
  if (!userNode) {
    userNode = ctx.log.appendUser(message);
    ctx.view.input.value = '';
    ctx.actions.autosize();
  }
  const request = ctx.requests.start(CHAT_TIMEOUT_MS, true);
  request.message = message;
  request.userNode = userNode;
  ctx.log.setTyping(true);

  const payload: Payload = { message };
  if (ctx.session.id) payload.session_id = ctx.session.id;
  if (ctx.state.streamAnswers && (await streamAnswer(ctx, request, payload))) return true;
  if (!ctx.requests.isCurrent(request)) return false;
  await plainAnswer(ctx, request, payload);
  return true;
}
