import { HISTORY_TIMEOUT_MS } from '../config.js';
import type { Widget } from '../context.js';
import { appendBotMessage } from './answer.js';
import { readJson } from './transport.js';

async function fetchTurns(ctx: Widget, sessionId: string, signal: AbortSignal) {
  try {
    // The session id is a bearer secret: a header, never the URL (logs, history, Referer).
    const res = await fetch(ctx.origins.api('/api/chat/history'), {
      headers: { Accept: 'application/json', 'X-Session-Id': sessionId },
      signal,
    });
    if (res.status !== 200) return null;
    const body = await readJson(res);
    return body && Array.isArray(body.turns) ? (body.turns as unknown[]) : null;
  } catch {
    // No history is fine: the welcome message is already shown.
    return null;
  }
}

/** The stored conversation, shown again under the welcome (with each answer's parts). */
export async function restoreHistory(ctx: Widget): Promise<void> {
  const sessionId = ctx.session.id;
  if (!sessionId) return;
  const request = ctx.requests.start(HISTORY_TIMEOUT_MS);
  // Announce the restored conversation once, not message by message.
  ctx.log.setBusy(true);
  // Prices on the cards need the store's currency: its facts, fetched meanwhile, come first.
  const [turns] = await Promise.all([fetchTurns(ctx, sessionId, request.signal), ctx.factsReady]);
  ctx.log.setBusy(false);
  if (!ctx.requests.finish(request) || !turns) return;

  for (const turn of turns) {
    if (!turn || typeof turn !== 'object') continue;
    const t = turn as Record<string, unknown>;
    if (typeof t.user === 'string' && t.user) ctx.log.appendUser(t.user, t.timestamp);
    if (typeof t.bot === 'string' && t.bot) {
      // The stored turn carries the answer's parts: cards, links, and (the newest's) quick replies.
      appendBotMessage(ctx, t.bot, t.turn, t.rating, t, t.timestamp);
    }
  }
}
