/** Why a call was cut short by us rather than by the backend. */
export type CutCause = 'timeout' | 'first_token' | 'aborted';

/**
 * The life of one call: one AbortController fed by the caller's signal, the overall deadline and,
 * for streams, the first-token deadline. Whatever fires first closes the upstream request, and the
 * cause says how to report it.
 */
export class CallScope {
  readonly startedAt = performance.now();
  private readonly controller = new AbortController();
  private readonly deadline: NodeJS.Timeout;
  private readonly firstTokenDeadline: NodeJS.Timeout | undefined;
  private cutBy: CutCause | undefined;
  private firstTokenSeen = false;

  constructor(
    timeoutMs: number,
    private readonly outer?: AbortSignal,
    firstTokenTimeoutMs?: number,
  ) {
    this.deadline = setTimeout(() => this.cut('timeout'), timeoutMs);
    // The one clamp: a first-token limit at or above the overall one would never fire.
    if (firstTokenTimeoutMs !== undefined && firstTokenTimeoutMs < timeoutMs) {
      this.firstTokenDeadline = setTimeout(() => this.cut('first_token'), firstTokenTimeoutMs);
    }
    if (outer?.aborted) this.cut('aborted');
    else outer?.addEventListener('abort', this.onOuterAbort, { once: true });
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  get cause(): CutCause | undefined {
    return this.cutBy;
  }

  /** The first token is in: from here only the overall deadline applies. True the first time. */
  firstTokenArrived(): boolean {
    if (this.firstTokenSeen) return false;
    this.firstTokenSeen = true;
    clearTimeout(this.firstTokenDeadline);
    return true;
  }

  /** The caller stopped listening: close the upstream request as for an abort. */
  cancel(): void {
    this.cut('aborted');
  }

  dispose(): void {
    clearTimeout(this.deadline);
    clearTimeout(this.firstTokenDeadline);
    this.outer?.removeEventListener('abort', this.onOuterAbort);
  }

  private readonly onOuterAbort = (): void => this.cut('aborted');

  private cut(cause: CutCause): void {
    if (this.cutBy) return;
    this.cutBy = cause;
    this.controller.abort();
  }
}

/**
 * Settles with `promise`, or rejects as soon as `signal` aborts: a bound that holds even for a
 * step that does not watch the signal itself.
 */
export function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) {
    promise.catch(() => undefined);
    return Promise.reject(signal.reason as Error);
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason as Error);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.finally(() => signal.removeEventListener('abort', onAbort)).then(resolve, reject);
  });
}
