import type { HealthIndicatorResult } from '@nestjs/terminus';

/**
 * One dependency's readiness. Apps list their checks in `HealthModule.forRoot`; each check bounds
 * its own time so a hanging dependency cannot hang the probe.
 */
export abstract class ReadinessCheck {
  abstract check(): Promise<HealthIndicatorResult>;
}
