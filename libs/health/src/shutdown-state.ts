import { Inject, Injectable, Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import { SHUTDOWN_GRACE_MS } from './health.tokens.js';

/**
 * On SIGTERM: readiness turns 503 at once, then the app keeps serving for the grace period so the
 * load balancer stops sending traffic before the server closes and in-flight requests finish.
 */
@Injectable()
export class ShutdownState implements BeforeApplicationShutdown {
  private readonly logger = new Logger('Shutdown');
  private draining = false;

  constructor(@Inject(SHUTDOWN_GRACE_MS) private readonly graceMs: number) {}

  get isDraining(): boolean {
    return this.draining;
  }

  async beforeApplicationShutdown(signal?: string): Promise<void> {
    this.draining = true;
    if (this.graceMs <= 0) return;
    this.logger.log(`${signal ?? 'shutdown'}: draining for ${this.graceMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, this.graceMs));
  }
}
