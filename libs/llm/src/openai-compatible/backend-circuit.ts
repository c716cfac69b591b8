import type { Logger } from '@nestjs/common';
import {
  CircuitState,
  ConsecutiveBreaker,
  circuitBreaker,
  handleWhen,
  type CircuitBreakerPolicy,
} from 'cockatiel';
import type { LlmMetrics } from '../llm.metrics.js';
import type { CircuitStateName, LlmModuleOptions } from '../llm.types.js';
import { isBackendFailure } from './upstream-error.js';

/**
 * The circuit breaker around one backend: opens after consecutive backend failures, logs why,
 * and keeps the circuit-state gauge true to what the next call will find.
 */
export class BackendCircuit {
  private readonly policy: CircuitBreakerPolicy;
  private openedAt = 0;
  private breakReason: string | undefined;
  private halfOpenTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly backend: string,
    private readonly circuit: LlmModuleOptions['circuit'],
    metrics: LlmMetrics,
    logger: Logger,
  ) {
    this.policy = circuitBreaker(handleWhen(isBackendFailure), {
      halfOpenAfter: circuit.halfOpenAfterMs,
      breaker: new ConsecutiveBreaker(circuit.failureThreshold),
    });
    this.policy.onBreak((reason) => {
      this.openedAt = Date.now();
      const why = 'error' in reason && reason.error instanceof Error ? reason.error.message : '';
      this.breakReason = why || undefined;
      logger.warn(`${this.backend} circuit opened${why ? ` after: ${why}` : ''}`);
      // The gauge should show half-open once calls may try again, even before one does.
      clearTimeout(this.halfOpenTimer);
      this.halfOpenTimer = setTimeout(
        () => metrics.circuitState(this.state()),
        circuit.halfOpenAfterMs,
      ).unref();
    });
    this.policy.onReset(() => logger.log(`${this.backend} circuit closed`));
    this.policy.onStateChange(() => metrics.circuitState(this.state()));
    metrics.circuitState('closed');
  }

  /** While the one half-open trial is out, other calls fail fast rather than queue behind it. */
  get trialOut(): boolean {
    return this.policy.state === CircuitState.HalfOpen;
  }

  execute<T>(fn: () => Promise<T>): Promise<T> {
    return this.policy.execute(fn);
  }

  state(): CircuitStateName {
    switch (this.policy.state) {
      case CircuitState.Closed:
        return 'closed';
      case CircuitState.HalfOpen:
        return 'half_open';
      case CircuitState.Isolated:
        return 'isolated';
      case CircuitState.Open:
        // cockatiel only moves to half-open when a call arrives; report what that call will find.
        return Date.now() - this.openedAt >= this.circuit.halfOpenAfterMs ? 'half_open' : 'open';
    }
  }

  openedBecause(): string | undefined {
    return this.breakReason;
  }

  close(): void {
    clearTimeout(this.halfOpenTimer);
  }
}
