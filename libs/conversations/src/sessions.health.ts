import { Injectable } from '@nestjs/common';
import { HealthIndicatorService, type HealthIndicatorResult } from '@nestjs/terminus';
import { ReadinessCheck } from '@bookstore/health';
import { Conversations } from './conversations.js';

/** Readiness of the conversation store: a tiny write raced against a timeout; `full` apart. */
@Injectable()
export class SessionsReadiness extends ReadinessCheck {
  constructor(
    private readonly indicator: HealthIndicatorService,
    private readonly store: Conversations,
  ) {
    super();
  }

  async check(): Promise<HealthIndicatorResult> {
    const store = this.store;
    const key = store.kind === 'redis' ? 'redis' : 'sessions';
    const result = await this.indicator
      .check(key)
      .attempt(async () => {
        await store.ping();
        return { store: store.kind };
      })
      .withTimeout(1_000);
    // Up for PING yet useless: every turn is answered without its memory. Said as such.
    if (store.full) {
      return this.indicator.check(key).down({
        state: 'full',
        message: 'maxmemory reached, writes refused: conversations are not saved',
      });
    }
    return result;
  }
}
