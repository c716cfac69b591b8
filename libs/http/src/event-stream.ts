import type { Response } from 'express';

/** How long an answer may take to begin before its headers go out alone. */
export const EVENT_STREAM_HEADERS_AFTER_MS = 500;

/**
 * Starts a server-sent event stream that nothing on the way may buffer or transform. The headers
 * go out with the first event, in the same write: flushed alone they cost a write on the way to
 * the first token (before the LLM was even asked). An answer that has not begun within
 * `headersAfterMs` gets them alone, so the client and the proxies on the way know it started.
 */
export function startEventStream(
  res: Response,
  headersAfterMs = EVENT_STREAM_HEADERS_AFTER_MS,
): void {
  res.status(200);
  res.setHeader('content-type', 'text/event-stream; charset=utf-8');
  res.setHeader('cache-control', 'no-cache, no-transform');
  res.setHeader('x-accel-buffering', 'no');
  const timer = setTimeout(() => {
    if (!res.headersSent && !res.destroyed) res.flushHeaders();
  }, headersAfterMs);
  res.once('close', () => clearTimeout(timer));
}

/** One event in the wire format: a name and a JSON payload. */
export function formatEvent(event: string, data: unknown): string {
  return `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}
