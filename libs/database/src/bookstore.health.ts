import { Injectable } from '@nestjs/common';
import { HealthIndicatorService, type HealthIndicatorResult } from '@nestjs/terminus';
import { ReadinessCheck } from '@bookstore/health';
import { BookstoreRepository } from './bookstore.repository.js';
import { Database } from './database.js';

/** Readiness of the store's database: a `SELECT 1` raced against a timeout. */
@Injectable()
export class DatabaseReadiness extends ReadinessCheck {
  constructor(
    private readonly indicator: HealthIndicatorService,
    private readonly repo: BookstoreRepository,
    private readonly db: Database,
  ) {
    super();
  }

  check(): Promise<HealthIndicatorResult> {
    return Promise.resolve(
      this.indicator
        .check('database')
        .attempt(async () => {
          await this.repo.ping();
          return { engine: this.db.kind };
        })
        .withTimeout(1_000),
    );
  }
}
