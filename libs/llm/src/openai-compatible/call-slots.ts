import { LlmUnavailableError } from '../llm-unavailable.error.js';

/**
 * The LLM calls allowed in flight: `max` in all (the client's connections, so that no request
 * waits inside the HTTP agent where its wait would look like the backend's slowness), and
 * `perClient` for any one client, so that one client's burst cannot take every connection and
 * time out into the circuit breaker for everyone. A call over its client's share is refused at
 * once; a call over `max` waits its turn, first come first served, until its own signal aborts.
 */
export class CallSlots {
  private inFlight = 0;
  private readonly byClient = new Map<string, number>();
  private readonly waiting: Array<() => void> = [];

  constructor(
    private readonly max: number,
    private readonly perClient: number,
  ) {}

  /**
   * A slot for one call: resolves with its release, and whether it had to wait for it. Rejects
   * with a `busy` LlmUnavailableError when the client's share is in use, or when `signal` aborts
   * first (the caller's deadline or its own abort: the caller tells them apart).
   */
  async acquire(
    client: string | undefined,
    signal: AbortSignal,
  ): Promise<{ release: () => void; waited: boolean }> {
    if (client !== undefined && (this.byClient.get(client) ?? 0) >= this.perClient) {
      throw new LlmUnavailableError(`busy: this client already has ${this.perClient} LLM calls`, {
        outcome: 'busy',
      });
    }
    // Taken now, so that the client's later calls see it while this one waits.
    if (client !== undefined) this.byClient.set(client, (this.byClient.get(client) ?? 0) + 1);
    const waited = this.inFlight >= this.max;
    if (!waited) this.inFlight++;
    try {
      // A slot freed by a finished call is handed over as it is: inFlight stays counted.
      if (waited) await this.turn(signal);
    } catch (err) {
      this.leave(client);
      throw err;
    }
    let released = false;
    return {
      waited,
      release: () => {
        if (released) return;
        released = true;
        this.leave(client);
        const next = this.waiting.shift();
        if (next) next();
        else this.inFlight--;
      },
    };
  }

  private turn(signal: AbortSignal): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const go = () => {
        signal.removeEventListener('abort', onAbort);
        resolve();
      };
      const onAbort = () => {
        const i = this.waiting.indexOf(go);
        if (i !== -1) this.waiting.splice(i, 1);
        reject(
          new LlmUnavailableError('busy: no free LLM connection before the deadline', {
            outcome: 'busy',
          }),
        );
      };
      if (signal.aborted) return onAbort();
      signal.addEventListener('abort', onAbort, { once: true });
      this.waiting.push(go);
    });
  }

  private leave(client: string | undefined): void {
    if (client === undefined) return;
    const left = (this.byClient.get(client) ?? 1) - 1;
    if (left > 0) this.byClient.set(client, left);
    else this.byClient.delete(client);
  }
}
