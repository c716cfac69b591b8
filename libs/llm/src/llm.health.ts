import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { HealthIndicatorService, type HealthIndicatorResult } from '@nestjs/terminus';
import { ReadinessCheck } from '@bookstore/health';
import { LlmClient } from './llm.client.js';
import { LLM_MODULE_OPTIONS } from './llm.tokens.js';
import type { LlmModuleOptions } from './llm.types.js';

/** Probes may come every few seconds from several kubelets; the LLM is asked at most this often. */
const HEALTH_CACHE_MS = 5_000;
const HEALTH_TIMEOUT_MS = 2_000;

/**
 * Readiness of the LLM. The bot still answers by rules without it, so by default an unhealthy
 * LLM (or an open circuit) leaves the pod ready but `degraded`; `requiredForReadiness` makes it
 * `down` instead.
 */
@Injectable()
export class LlmReadiness extends ReadinessCheck implements OnApplicationBootstrap {
  private readonly logger = new Logger('LlmReadiness');

  constructor(
    private readonly indicator: HealthIndicatorService,
    private readonly client: LlmClient,
    @Inject(LLM_MODULE_OPTIONS) private readonly options: LlmModuleOptions,
  ) {
    super();
  }

  /**
   * One line at start-up that says whether the configured LLM can answer (the probe is then kept
   * for readiness): without a model server, shoppers get the rules' and help center's answers.
   */
  onApplicationBootstrap(): void {
    const { backend, model } = this.client;
    if (backend === 'none') return;
    void this.client.health().then(({ ok, detail }) => {
      const what = `LLM ${backend} (model ${model})`;
      if (ok) this.logger.log(`${what} is ready: ${detail}`);
      else
        this.logger.warn(
          `${what} is not usable: ${detail}. Until it is, shoppers get the rules' and the help ` +
            "center's answers, and the LLM failure text for the rest.",
        );
    });
  }

  async check(): Promise<HealthIndicatorResult> {
    const session = this.indicator.check('llm');
    const { client } = this;
    if (client.backend === 'none') return session.up({ backend: 'none' });
    const about = { backend: client.backend, model: client.model };

    const open = client.circuitState();
    if (open === 'open' || open === 'isolated') {
      // Said with the failure that opened it: "unreachable at http://…" is the common one.
      const why = client.openedBecause();
      const message = why ? `circuit open after: ${why}` : 'circuit open';
      return this.unhealthy({ ...about, circuit: open, message });
    }
    const result = await session
      .attempt(async ({ signal }) => {
        const health = await client.health(signal);
        if (!health.ok) throw new Error(health.detail);
        return { ...about, detail: health.detail };
      })
      .withTimeout(HEALTH_TIMEOUT_MS)
      .cacheFor(HEALTH_CACHE_MS);
    const { status, ...data } = result.llm;
    // The circuit moves faster than the cache: report it as it is now.
    const now = { ...about, ...data, circuit: client.circuitState() };
    return status === 'up' ? session.up(now) : this.unhealthy(now);
  }

  private unhealthy(data: Record<string, unknown>): HealthIndicatorResult {
    const session = this.indicator.check('llm');
    return this.options.requiredForReadiness ? session.down(data) : session.degraded(data);
  }
}
