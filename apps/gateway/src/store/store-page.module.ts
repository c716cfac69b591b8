import { fileURLToPath } from 'node:url';
import { Module } from '@nestjs/common';
import { ServeStaticModule } from '@nestjs/serve-static';

// Source and build keep public/ two levels above this folder (nest-cli.json copies it).
const PUBLIC_DIR = fileURLToPath(new URL('../../public', import.meta.url));

/** The store page and the embeddable widget (`/widget.js`, `/widget.css`). */
@Module({
  imports: [
    ServeStaticModule.forRoot({
      rootPath: PUBLIC_DIR,
      exclude: ['/api/{*path}', '/health{*path}', '/metrics', '/docs{*path}'],
      serveStaticOptions: { index: 'index.html', maxAge: '5m', fallthrough: true },
    }),
  ],
})
export class StorePageModule {}
