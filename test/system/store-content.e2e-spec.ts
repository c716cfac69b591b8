import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_CONTENT_DIR } from '@bookstore/content';
import { DEMO } from '../support/content.js';
import { json } from '../support/http.js';
import { startGateway, type RunningApp } from '../support/system.js';

/** A copy of the demo folder, changed by `change`. */
function contentCopy(change: (dir: string) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'store-content-'));
  cpSync(DEFAULT_CONTENT_DIR, dir, { recursive: true });
  change(dir);
  return dir;
}

const edit = (dir: string, file: string, f: (text: string) => string) =>
  writeFileSync(join(dir, file), f(readFileSync(join(dir, file), 'utf8')));

describe('GET /api/store', () => {
  let gateway: RunningApp;
  beforeAll(async () => {
    gateway = await startGateway();
  });
  afterAll(() => gateway.app.close());

  it("gives the store's own facts from store.yaml, cacheable", async () => {
    const raw = await fetch(`${gateway.url}/api/store`);
    expect(raw.headers.get('cache-control')).toBe('public, max-age=300');
    const res = await json(`${gateway.url}/api/store`);
    expect(res.status).toBe(200);
    const p = DEMO.profile;
    expect(res.body).toEqual({
      name: p.name,
      support_email: p.supportEmail,
      support_hours: p.supportHours,
      currency: 'USD',
      languages: ['en', 'es', 'fr', 'de'],
      answer_within: p.answerWithin,
    });
  });

  it('is documented in the OpenAPI document', async () => {
    const doc = await json(`${gateway.url}/docs-json`);
    const body = doc.body as {
      paths: Record<string, { get?: unknown }>;
      components: { schemas: Record<string, unknown> };
    };
    expect(body.paths['/api/store'].get).toBeDefined();
    expect(body.components.schemas.StoreProfileResponse).toBeDefined();
  });
});

describe('another store, from its own content folder', () => {
  let dir: string;
  let gateway: RunningApp;
  beforeAll(async () => {
    dir = contentCopy((d) => {
      edit(d, 'store.yaml', (t) =>
        t
          .replace(/^name: .*$/m, 'name: Tinte & Papier')
          .replace(/^support_email: .*$/m, 'support_email: hilfe@example.de')
          .replace(/^currency: .*$/m, 'currency: EUR'),
      );
      edit(d, 'help/en/gift-wrapping.md', (t) =>
        t.replace(/^answer: .*$/m, 'answer: Gift wrapping is free.'),
      );
      rmSync(join(d, 'help/en/price-matching.md'));
      for (const lang of ['es', 'fr', 'de']) rmSync(join(d, `help/${lang}/price-matching.md`));
      edit(
        d,
        'catalog.csv',
        (t) => `${t}Das Buch,Anna Autorin,Graphic Novels,12.50,Bilder.,,false,,\n`,
      );
    });
    gateway = await startGateway({ STORE_CONTENT_DIR: dir });
  });
  afterAll(async () => {
    await gateway?.app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('states its name, address and currency', async () => {
    const res = await json(`${gateway.url}/api/store`);
    expect(res.body).toMatchObject({
      name: 'Tinte & Papier',
      support_email: 'hilfe@example.de',
      currency: 'EUR',
    });
  });

  it('answers with its own articles: changed, and without the removed one', async () => {
    const items = (await json(`${gateway.url}/api/help`)).body.items as Array<{
      slug: string;
      answer: string;
    }>;
    expect(items.find((a) => a.slug === 'gift-wrapping')?.answer).toBe('Gift wrapping is free.');
    expect(items.map((a) => a.slug)).not.toContain('price-matching');
  });

  it('sells its own books, on its own shelves', async () => {
    const shelves = (await json(`${gateway.url}/api/categories`)).body;
    expect(JSON.stringify(shelves)).toContain('Graphic Novels');
    const found = await json(`${gateway.url}/api/products?q=${encodeURIComponent('Das Buch')}`);
    expect((found.body.items as unknown[])[0]).toMatchObject({
      title: 'Das Buch',
      author: 'Anna Autorin',
    });
  });
});

describe('an app started on a broken content folder', () => {
  let dir: string;
  beforeAll(() => {
    dir = contentCopy((d) =>
      edit(d, 'help/en/shipping-cost.md', (t) => t.replace('topic: shipping', 'topic: postage')),
    );
  });
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  // As main.ts does: NestFactory.create on the app module, whose config validates the folder.
  it.each([
    ['gateway', '../../apps/gateway/src/gateway.module.js', 'GatewayModule'],
    ['chatbot', '../../apps/chatbot/src/chatbot.module.js', 'ChatbotModule'],
  ])('%s refuses to start, naming the problem with its file and line', async (_app, path, name) => {
    vi.stubEnv('STORE_CONTENT_DIR', dir);
    vi.resetModules();
    const { NestFactory } = await import('@nestjs/core');
    const module = ((await import(path)) as Record<string, object>)[name];
    await expect(
      NestFactory.create(module, { logger: false, abortOnError: false }),
    ).rejects.toThrow(`${dir}/help/en/shipping-cost.md:3: unknown topic "postage"`);
  });

  it('is refused by the test harness too, as by the apps', async () => {
    await expect(startGateway({ STORE_CONTENT_DIR: dir })).rejects.toThrow(
      `${dir}/help/en/shipping-cost.md:3: unknown topic "postage"`,
    );
  });
});
