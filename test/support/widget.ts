import { execFileSync } from 'node:child_process';

/**
 * Vitest global setup: the gateway started from source serves apps/gateway/public, whose widget.js
 * is built from apps/gateway/widget (not kept in git). esbuild takes well under a second.
 */
export default function buildWidget(): void {
  execFileSync(process.execPath, ['scripts/build-widget.mjs'], { stdio: 'inherit' });
}
