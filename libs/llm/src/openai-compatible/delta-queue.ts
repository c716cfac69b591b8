/**
 * Hands text deltas from the producer (the upstream read, run under the circuit breaker) to the
 * consumer (the caller's `for await`), so the breaker sees a stream's whole outcome while the
 * caller gets each delta as it comes.
 */
export class DeltaQueue {
  private readonly items: string[] = [];
  private ended = false;
  private failure: { error: unknown } | undefined;
  private wake: (() => void) | undefined;

  push(text: string): void {
    if (this.failure || this.ended) return;
    this.items.push(text);
    this.notify();
  }

  end(): void {
    this.ended = true;
    this.notify();
  }

  /** The consumer gets the deltas queued before the failure, then the failure. */
  fail(error: unknown): void {
    this.failure = { error };
    this.notify();
  }

  /** The next delta; undefined at the end. */
  async next(): Promise<string | undefined> {
    for (;;) {
      const item = this.items.shift();
      if (item !== undefined) return item;
      if (this.failure) throw this.failure.error;
      if (this.ended) return undefined;
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }
}
