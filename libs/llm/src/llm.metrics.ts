import { Counter, Gauge, Histogram, register, type Registry } from 'prom-client';
import type { LlmOutcome } from './llm-unavailable.error.js';
import type { CircuitStateName, LlmBackend, LlmUsage } from './llm.types.js';

export const LLM_REQUESTS = 'llm_requests_total';
export const LLM_REQUEST_SECONDS = 'llm_request_seconds';
export const LLM_TIME_TO_FIRST_TOKEN_SECONDS = 'llm_time_to_first_token_seconds';
export const LLM_TOKENS = 'llm_tokens_total';
export const LLM_CIRCUIT_STATE = 'llm_circuit_state';
export const LLM_COST_USD = 'llm_cost_usd_total';
export const LLM_PROMPT_TRUNCATED = 'llm_prompt_truncated_total';

const CIRCUIT_GAUGE: Record<CircuitStateName, number> = {
  closed: 0,
  half_open: 1,
  open: 2,
  isolated: 3,
};

const SECONDS_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2, 4, 8, 15, 30, 60];

/**
 * The `llm_*` series. Registered once per registry and reused, so several clients in one process
 * (or one test file) share them; labels stay bounded (backend and fixed enums only).
 */
export class LlmMetrics {
  private readonly requests: Counter<'backend' | 'outcome'>;
  private readonly seconds: Histogram<'backend'>;
  private readonly firstToken: Histogram<'backend'>;
  private readonly tokens: Counter<'backend' | 'direction'>;
  private readonly circuit: Gauge<'backend'>;
  private readonly cost: Counter<'backend'>;
  private readonly truncated: Counter<'backend'>;

  constructor(
    private readonly backend: LlmBackend,
    registry: Registry = register,
    private readonly price: { inputPer1k: number; outputPer1k: number } = {
      inputPer1k: 0,
      outputPer1k: 0,
    },
  ) {
    const registers = [registry];
    this.requests = reuse(
      registry,
      LLM_REQUESTS,
      () =>
        new Counter({
          name: LLM_REQUESTS,
          help: 'LLM calls by backend and outcome (ok, error, timeout, circuit_open, aborted).',
          labelNames: ['backend', 'outcome'],
          registers,
        }),
    );
    this.seconds = reuse(
      registry,
      LLM_REQUEST_SECONDS,
      () =>
        new Histogram({
          name: LLM_REQUEST_SECONDS,
          help: 'Duration of LLM calls that reached the backend, in seconds.',
          labelNames: ['backend'],
          buckets: SECONDS_BUCKETS,
          registers,
        }),
    );
    this.firstToken = reuse(
      registry,
      LLM_TIME_TO_FIRST_TOKEN_SECONDS,
      () =>
        new Histogram({
          name: LLM_TIME_TO_FIRST_TOKEN_SECONDS,
          help: 'Time from a streamed call to its first text delta, in seconds.',
          labelNames: ['backend'],
          buckets: SECONDS_BUCKETS,
          registers,
        }),
    );
    this.tokens = reuse(
      registry,
      LLM_TOKENS,
      () =>
        new Counter({
          name: LLM_TOKENS,
          help: 'Tokens reported by the backend, by direction (prompt, completion).',
          labelNames: ['backend', 'direction'],
          registers,
        }),
    );
    this.circuit = reuse(
      registry,
      LLM_CIRCUIT_STATE,
      () =>
        new Gauge({
          name: LLM_CIRCUIT_STATE,
          help: 'Circuit breaker state: 0 closed, 1 half-open, 2 open, 3 isolated.',
          labelNames: ['backend'],
          registers,
        }),
    );
    this.cost = reuse(
      registry,
      LLM_COST_USD,
      () =>
        new Counter({
          name: LLM_COST_USD,
          help: 'What the reported tokens cost, in USD, at the configured prices per 1,000 tokens.',
          labelNames: ['backend'],
          registers,
        }),
    );
    this.truncated = reuse(
      registry,
      LLM_PROMPT_TRUNCATED,
      () =>
        new Counter({
          name: LLM_PROMPT_TRUNCATED,
          help: 'Calls whose reported prompt tokens show the server cut the prompt to its context.',
          labelNames: ['backend'],
          registers,
        }),
    );
    // Present at zero from the start, so dashboards and alerts see the series before any event.
    this.cost.inc({ backend }, 0);
    this.truncated.inc({ backend }, 0);
  }

  /** One finished call; `startedAt` from `performance.now()`, absent when no request was made. */
  request(outcome: LlmOutcome, startedAt?: number): void {
    this.requests.inc({ backend: this.backend, outcome });
    if (startedAt !== undefined) {
      this.seconds.observe({ backend: this.backend }, (performance.now() - startedAt) / 1000);
    }
  }

  firstTokenAfter(startedAt: number): void {
    this.firstToken.observe({ backend: this.backend }, (performance.now() - startedAt) / 1000);
  }

  usage(usage: LlmUsage | undefined): void {
    if (!usage) return;
    this.tokens.inc({ backend: this.backend, direction: 'prompt' }, usage.promptTokens);
    this.tokens.inc({ backend: this.backend, direction: 'completion' }, usage.completionTokens);
    const usd =
      (usage.promptTokens / 1000) * this.price.inputPer1k +
      (usage.completionTokens / 1000) * this.price.outputPer1k;
    if (usd > 0) this.cost.inc({ backend: this.backend }, usd);
  }

  promptTruncated(): void {
    this.truncated.inc({ backend: this.backend });
  }

  circuitState(state: CircuitStateName): void {
    this.circuit.set({ backend: this.backend }, CIRCUIT_GAUGE[state]);
  }
}

function reuse<T>(registry: Registry, name: string, create: () => T): T {
  return (registry.getSingleMetric(name) as T | undefined) ?? create();
}
