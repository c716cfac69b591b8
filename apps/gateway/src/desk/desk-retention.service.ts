import {
  type BeforeApplicationShutdown,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { DeskRepository } from '@bookstore/database';
import { GatewayOptions } from '../config/gateway.options.js';

const HOUR_MS = 3_600_000;

/**
 * Deletes what the desk keeps of shoppers' words after DESK_RETENTION_DAYS, and expired
 * sessions: at start-up and every hour, on each replica (deleting twice is harmless).
 */
@Injectable()
export class DeskRetentionService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(DeskRetentionService.name);
  private readonly days: number;
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    options: GatewayOptions,
    private readonly repo: DeskRepository,
  ) {
    this.days = options.desk.retentionDays;
  }

  onApplicationBootstrap(): void {
    this.running = this.sweep();
    this.timer = setInterval(() => {
      this.running = this.sweep();
    }, HOUR_MS);
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** One pass; failures are logged and the next pass tries again. */
  async sweep(): Promise<void> {
    try {
      const { items } = await this.repo.prune(this.days);
      if (items > 0)
        this.logger.log(`desk: deleted ${items} questions older than ${this.days} days`);
    } catch (err) {
      this.logger.warn(`desk retention pass failed: ${(err as Error).message}`);
    }
  }
}
