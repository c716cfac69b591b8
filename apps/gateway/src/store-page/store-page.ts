import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { INestApplication } from '@nestjs/common';
import express from 'express';

// Source and build both keep public/ two levels above this folder (nest-cli.json copies it).
export const PUBLIC_DIR = fileURLToPath(new URL('../../public', import.meta.url));

// The files a page on another origin loads with `<script src=".../widget.js">`.
const WIDGET_ASSETS = new Set(['widget.js', 'widget.css']);

export interface StorePageOptions {
  /**
   * Whether pages on other origins embed the widget (CORS_ORIGINS lists some): then its script and
   * stylesheet may be loaded cross-origin. helmet's `Cross-Origin-Resource-Policy: same-origin`
   * stays on everything else; the API itself answers only the listed origins (CORS).
   */
  embeddable: boolean;
}

/**
 * The store page and the embeddable widget (`/widget.js`, `/widget.css`) as static files. Unknown
 * paths fall through to the API routes and, failing those, to a 404 in the one error shape.
 */
export function serveStorePage(app: INestApplication, options: StorePageOptions): void {
  app.use(
    express.static(PUBLIC_DIR, {
      index: 'index.html',
      maxAge: '5m',
      fallthrough: true,
      redirect: false,
      setHeaders: (res, path) => {
        if (options.embeddable && WIDGET_ASSETS.has(basename(path))) {
          res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
        }
      },
    }),
  );
}
