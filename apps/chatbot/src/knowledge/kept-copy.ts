import { Logger } from '@nestjs/common';
import { StoreUnavailableError } from '../store-client/store-api.client.js';

/** After a failed refresh, the old copy is used this long before the store is asked again. */
const RETRY_MS = 10_000;

/**
 * A copy of something the store serves that changes rarely (the catalog, the help articles): loaded
 * once for the turns that ask together, then refreshed behind them. A turn never waits for a
 * refresh: the old copy answers while it runs, and stays when it fails (the store is asked again
 * 10 s later). Only a first load that fails fails the turn, and the next turn tries again.
 * A refresh is handed the kept value, so it can ask the store whether that is still current
 * (an ETag) and keep it as it is when so.
 */
export class KeptCopy<T> {
  private readonly logger: Logger;
  private kept?: { value: T; refreshAt: number };
  private loading?: Promise<T>;

  constructor(
    private readonly what: string,
    private readonly load: (kept?: T) => Promise<T>,
    private readonly ttlMs: number,
  ) {
    this.logger = new Logger(`KeptCopy(${what})`);
  }

  get(): Promise<T> {
    const kept = this.kept;
    if (kept && Date.now() < kept.refreshAt) return Promise.resolve(kept.value);
    this.loading ??= this.load(kept?.value).then(
      (value) => {
        this.loading = undefined;
        this.kept = { value, refreshAt: Date.now() + this.ttlMs };
        return value;
      },
      (err: unknown) => {
        this.loading = undefined;
        if (!kept) throw err;
        kept.refreshAt = Date.now() + RETRY_MS;
        this.refreshFailed(err);
        return kept.value;
      },
    );
    return kept ? Promise.resolve(kept.value) : this.loading;
  }

  private refreshFailed(err: unknown): void {
    if (err instanceof StoreUnavailableError) {
      this.logger.warn(`${this.what} refresh failed, the last copy stays: ${err.message}`);
    } else {
      this.logger.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
    }
  }
}
