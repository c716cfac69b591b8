import { BrokenCircuitError, IsolatedCircuitError } from 'cockatiel';
import { LlmUnavailableError } from '../llm-unavailable.error.js';
import type { LlmMetrics } from '../llm.metrics.js';
import type { CallScope } from './call-scope.js';

/** Every error becomes an LlmUnavailableError; our own cuts win over what they caused. */
export function classifyFailure(
  err: unknown,
  scope: CallScope,
  rootUrl: string,
  queued = false,
): LlmUnavailableError {
  if (err instanceof LlmUnavailableError && err.outcome === 'busy') return err;
  switch (scope.cause) {
    case 'aborted':
      return new LlmUnavailableError('aborted', { outcome: 'aborted' });
    case 'timeout':
      return new LlmUnavailableError('timeout', { outcome: 'timeout', queued });
    case 'first_token':
      return new LlmUnavailableError('timeout before the first token', {
        outcome: 'timeout',
        queued,
      });
  }
  if (err instanceof LlmUnavailableError) return err;
  if (err instanceof BrokenCircuitError || err instanceof IsolatedCircuitError) {
    return new LlmUnavailableError('circuit open', { outcome: 'circuit_open' });
  }
  // Said plainly: the most common state of a laptop or a cluster without a model server.
  return new LlmUnavailableError(`unreachable at ${rootUrl}: ${describe(err)}`, { cause: err });
}

/** Counts the call's end. A failure classified when it happened keeps that reason. */
export function settleFailure(
  err: unknown,
  scope: CallScope,
  rootUrl: string,
  metrics: LlmMetrics,
): LlmUnavailableError {
  const failure = err instanceof LlmUnavailableError ? err : classifyFailure(err, scope, rootUrl);
  const reachedBackend = failure.outcome !== 'circuit_open' && failure.outcome !== 'busy';
  metrics.request(failure.outcome, reachedBackend ? scope.startedAt : undefined);
  return failure;
}

function describe(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const code = (err as { code?: unknown }).code;
  const inner = err.cause instanceof Error ? `: ${err.cause.message}` : '';
  return typeof code === 'string' ? `${code} (${err.message}${inner})` : err.message;
}
