import { fileURLToPath } from 'node:url';
import type { INestApplication } from '@nestjs/common';
import express from 'express';

// Source and build both keep public/ two levels above this folder (nest-cli.json copies it).
export const PUBLIC_DIR = fileURLToPath(new URL('../../public', import.meta.url));

/**
 * The store page and the embeddable widget (`/widget.js`, `/widget.css`) as static files. Unknown
 * paths fall through to the API routes and, failing those, to a 404 in the one error shape.
 */
export function serveStorePage(app: INestApplication): void {
  app.use(
    express.static(PUBLIC_DIR, {
      index: 'index.html',
      maxAge: '5m',
      fallthrough: true,
      redirect: false,
    }),
  );
}
