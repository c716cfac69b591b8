// Copies the gateway's static files next to its build, where the app looks for them.
import { cpSync } from 'node:fs';

cpSync('apps/gateway/public', 'dist/apps/gateway/public', { recursive: true });
