/** How a call ended, as counted in `llm_requests_total`. */
export type LlmOutcome = 'ok' | 'error' | 'timeout' | 'circuit_open' | 'aborted';

export interface LlmUnavailableDetails {
  outcome?: Exclude<LlmOutcome, 'ok'>;
  /** The upstream HTTP status, when there was one. */
  status?: number;
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

  constructor(reason: string, details: LlmUnavailableDetails = {}) {
    super(reason, details.cause === undefined ? undefined : { cause: details.cause });
    this.outcome = details.outcome ?? 'error';
    this.status = details.status;
  }
}
