import { Injectable, type BeforeApplicationShutdown } from '@nestjs/common';

/** Flips to draining when shutdown starts, so readiness turns 503 before the server stops. */
@Injectable()
export class ShutdownState implements BeforeApplicationShutdown {
  private draining = false;

  get isDraining(): boolean {
    return this.draining;
  }

  beforeApplicationShutdown(): void {
    this.draining = true;
  }
}
