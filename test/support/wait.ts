/**
 * Polls until `check` holds: it returns anything but `false` without throwing. Background work
 * (deliveries, mail, recovery after a fault) is awaited this way; the time it took is returned.
 */
export async function eventually(
  check: () => unknown,
  timeoutMs = 10_000,
  everyMs = 100,
): Promise<number> {
  const started = Date.now();
  for (;;) {
    try {
      if ((await check()) !== false) return Date.now() - started;
      if (Date.now() - started > timeoutMs) throw new Error('condition not met in time');
    } catch (err) {
      if (Date.now() - started > timeoutMs) throw err;
    }
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
