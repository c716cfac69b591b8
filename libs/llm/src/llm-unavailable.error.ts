/**
 * How a call ended, as counted in `llm_requests_total`: `refused` is a request the server turned
 * down as this request's own problem (too long for its context, 400/413/422), `busy` one that
 * never reached the server (its client's share of LLM calls in use, or no free connection before
 * its deadline). Neither says the backend is unwell.
 */
export type LlmOutcome =
  'ok' | 'error' | 'timeout' | 'circuit_open' | 'aborted' | 'refused' | 'busy';

/** What a server said about a prompt longer than its context, when it said it. */
export interface ContextOverflow {
  /** The prompt's size in the server's own tokens (llama.cpp's `n_prompt_tokens`). */
  promptTokens?: number;
  /** The server's context (llama.cpp's `n_ctx`). */
  contextTokens?: number;
}

export interface LlmUnavailableDetails {
  outcome?: Exclude<LlmOutcome, 'ok'>;
  /** The upstream HTTP status (or a stream error's `code`), when there was one. */
  status?: number;
  /** Set when the server refused the prompt as longer than its context. */
  context?: ContextOverflow;
  /** The call waited for a connection before it was sent: a timeout is then not all the backend's. */
  queued?: boolean;
  cause?: unknown;
}

/**
 * Every failure a caller of `LlmClient` sees: the message is a short reason (`timeout`,
 * `circuit open`, `HTTP 500: model exploded`, `stream cut`) and the caller falls back.
 */
export class LlmUnavailableError extends Error {
  override readonly name = 'LlmUnavailableError';
  readonly outcome: Exclude<LlmOutcome, 'ok'>;
  readonly status?: number;
  readonly context?: ContextOverflow;
  readonly queued: boolean;

  constructor(reason: string, details: LlmUnavailableDetails = {}) {
    super(reason, details.cause === undefined ? undefined : { cause: details.cause });
    this.outcome = details.outcome ?? 'error';
    this.status = details.status;
    this.context = details.context;
    this.queued = details.queued ?? false;
  }
}
