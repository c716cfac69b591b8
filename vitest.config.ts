import { defineConfig } from 'vitest/config';

// Unit specs need nothing but Node (`npm run test:unit`); contract specs run against the real
// Redis and PostgreSQL, and e2e specs start the apps (and Chromium): both need `npm test`'s servers.
const CONTRACTS = '**/*.contract.spec.ts';

export default defineConfig({
  resolve: { tsconfigPaths: true },
  test: {
    globals: true,
    setupFiles: ['reflect-metadata'],
    exclude: ['node_modules/**', 'dist/**'],
    testTimeout: 20_000,
    hookTimeout: 60_000,
    reporters: ['default', './test/support/summary-reporter.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['apps/**/*.spec.ts', 'libs/**/*.spec.ts'],
          exclude: ['node_modules/**', 'dist/**', CONTRACTS],
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: [CONTRACTS, '**/*.e2e-spec.ts'],
          // The gateway they start serves the widget bundle: build it once, first.
          globalSetup: ['./test/support/widget.ts'],
        },
      },
    ],
  },
});
