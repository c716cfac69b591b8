// Bundles the chat widget (apps/gateway/widget, TypeScript) into the one file a page embeds,
// apps/gateway/public/widget.js, which the gateway serves as /widget.js. `npm run build` runs it,
// and so does the test suite before it starts the gateway from source (test/support/widget.ts).
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));

export const WIDGET_OUTFILE = 'apps/gateway/public/widget.js';

export async function buildWidget() {
  await build({
    absWorkingDir: root,
    entryPoints: ['apps/gateway/widget/main.ts'],
    outfile: WIDGET_OUTFILE,
    bundle: true,
    // One classic script: no module loader on the host page, nothing leaks into its globals.
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    minify: true,
    sourcemap: 'linked',
    legalComments: 'none',
    banner: { js: '/* Customer-support chat widget; source: apps/gateway/widget. */' },
    logLevel: 'warning',
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildWidget();
