import { Injectable } from '@nestjs/common';
import { HealthIndicatorService, type HealthIndicatorResult } from '@nestjs/terminus';
import { ReadinessCheck } from '@bookstore/health';
import { RateLimitState } from './rate-limit.module.js';

/**
 * Where the rate limits are counted. Never down: with their Redis gone the limits hold per
 * process, and readiness says `per-process` so the operator knows they are looser.
 */
@Injectable()
export class RateLimitReadiness extends ReadinessCheck {
  constructor(
    private readonly indicator: HealthIndicatorService,
    private readonly state: RateLimitState,
  ) {
    super();
  }

  check(): Promise<HealthIndicatorResult> {
    return Promise.resolve(this.indicator.check('ratelimit').up({ counted: this.state.mode }));
  }
}
