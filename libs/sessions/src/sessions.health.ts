import { Injectable } from '@nestjs/common';
import { HealthIndicatorService, type HealthIndicatorResult } from '@nestjs/terminus';
import { ReadinessCheck } from '@bookstore/health';
import { SessionStore } from './session.store.js';

/** Readiness of the conversation store: a PING raced against a timeout. */
@Injectable()
export class SessionsReadiness extends ReadinessCheck {
  constructor(
    private readonly indicator: HealthIndicatorService,
    private readonly store: SessionStore,
  ) {
    super();
  }

  check(): Promise<HealthIndicatorResult> {
    const store = this.store;
    return Promise.resolve(
      this.indicator
        .check(store.kind === 'redis' ? 'redis' : 'sessions')
        .attempt(async () => {
          await store.ping();
          return { store: store.kind };
        })
        .withTimeout(1_000),
    );
  }
}
