import type { Reporter, SerializedError, TestModule } from 'vitest/node';

/**
 * Ends the run with one plain "N passed, N failed" line that any CI log reader understands. A test
 * that never ran because its file failed (a worker that died, a hook that threw) counts as failed,
 * and so does an error outside any test: the line never reads "0 failed" for a red run.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(
    testModules: ReadonlyArray<TestModule>,
    unhandledErrors: ReadonlyArray<SerializedError>,
  ): void {
    let passed = 0;
    let failed = unhandledErrors.length;
    let skipped = 0;
    for (const mod of testModules) {
      const broken = mod.state() === 'failed';
      for (const test of mod.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed' || broken) failed++;
        else skipped++;
      }
    }
    const tail = skipped > 0 ? `, ${skipped} skipped` : '';
    process.stdout.write(`\n${passed} passed, ${failed} failed${tail}\n`);
  }
}
