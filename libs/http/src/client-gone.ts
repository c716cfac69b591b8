import type { Response } from 'express';

/**
 * A signal that aborts when the client goes away before its response is finished, so the work
 * done for it (the chatbot's turn, the LLM call) stops too.
 */
export function abortWhenClientLeaves(res: Response): AbortSignal {
  const abort = new AbortController();
  res.on('close', () => {
    if (!res.writableFinished) abort.abort();
  });
  return abort.signal;
}

/**
 * A signal that aborts when the connection closes, finished or not: a stream's work ends with
 * its connection (the shopper left, or pressed Stop).
 */
export function abortWhenClosed(res: Response): AbortSignal {
  const abort = new AbortController();
  res.on('close', () => abort.abort());
  return abort.signal;
}
