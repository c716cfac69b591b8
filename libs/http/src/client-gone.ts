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
