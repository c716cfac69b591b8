import type { Response } from 'express';

/**
 * Starts a server-sent event stream that nothing on the way may buffer or transform. The headers
 * go out with an event written in the same turn of the event loop (a canned answer), or else
 * alone on the next turn: after whatever this turn started has been sent (the request to the LLM,
 * or to the chatbot), not in a write of their own ahead of it, and long before a first token, so
 * the client and the proxies on the way know the answer has begun.
 */
export function startEventStream(res: Response): void {
  res.status(200);
  res.setHeader('content-type', 'text/event-stream; charset=utf-8');
  res.setHeader('cache-control', 'no-cache, no-transform');
  res.setHeader('x-accel-buffering', 'no');
  setImmediate(() => {
    if (!res.headersSent && !res.destroyed) res.flushHeaders();
  });
}

/** One event in the wire format: a name and a JSON payload. */
export function formatEvent(event: string, data: unknown): string {
  return `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}
