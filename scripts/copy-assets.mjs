// Copies the gateway's static files next to its build, where the app looks for them, and the
// demo store's content to dist/content, the default STORE_CONTENT_DIR of the built apps.
import { cpSync } from 'node:fs';

cpSync('apps/gateway/public', 'dist/apps/gateway/public', { recursive: true });
cpSync('content', 'dist/content', { recursive: true });
