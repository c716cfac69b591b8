/// <reference lib="dom" />
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { CANNED_RESPONSES } from '../support/content.js';
import { launchChromium } from '../support/browser.js';
import { startFakeOpenAi, type FakeOpenAi } from '../support/fake-openai.js';
import { startSystem, type RunningSystem } from '../support/system.js';

let system: RunningSystem;
let browser: Browser;

beforeAll(async () => {
  // The embedded store, as `npm start` runs it.
  system = await startSystem({ gateway: { DATABASE_URL: '' } });
  browser = await launchChromium();
  mkdirSync('test-results', { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await system?.close();
});

const cspViolations: string[] = [];

afterEach(() => {
  // The page and widget run under the strict Content-Security-Policy without tripping it.
  expect(cspViolations).toEqual([]);
});

async function openPage(path = '/', viewport = { width: 1280, height: 900 }): Promise<Page> {
  const page = await browser.newPage({ viewport });
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) cspViolations.push(m.text());
  });
  page.on('dialog', (d) => {
    throw new Error(`a script opened a ${d.type()} dialog: ${d.message()}`);
  });
  await page.goto(system.gatewayUrl + path);
  return page;
}

async function send(page: Page, text: string): Promise<void> {
  const before = await page.locator('#bsc-messages .bsc-msg--bot').count();
  await page.fill('#bsc-input', text);
  await page.keyboard.press('Enter');
  await page.locator('#bsc-messages .bsc-msg--bot').nth(before).waitFor();
  // Answers stream in: wait until this one is complete.
  await page.locator('#bsc-stop').waitFor({ state: 'hidden' });
}

describe('chat widget in Chromium', () => {
  it('opens from Help, answers Hello with the greeting, and closes with Esc', async () => {
    const page = await openPage();
    // The store page lists the catalog from the store API.
    await page.locator('#featured-list[data-source="api"]').waitFor();
    expect(await page.locator('#featured-list > li').count()).toBe(8);
    const launcher = page.locator('#bsc-launcher');
    await expect(launcher.getAttribute('aria-expanded')).resolves.toBe('false');
    await launcher.click();
    const dialog = page.locator('#bsc-dialog');
    await dialog.waitFor({ state: 'visible' });
    expect(await dialog.getAttribute('role')).toBe('dialog');
    expect(await dialog.getAttribute('aria-modal')).toBe('true');
    expect(await page.locator('#bsc-messages').getAttribute('aria-live')).toBe('polite');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('bsc-input');
    expect(await page.locator('#bsc-title').textContent()).toBe('Customer Support');

    await send(page, 'Hello');
    const bot = page.locator('#bsc-messages .bsc-msg--bot').last();
    expect(await bot.textContent()).toContain(CANNED_RESPONSES.greeting);
    expect(await page.locator('#bsc-messages .bsc-msg--user').last().textContent()).toBe('Hello');
    const sessionId = await page.evaluate(() => localStorage.getItem('bsc.session_id'));
    expect(sessionId).toMatch(/^[A-Za-z0-9_-]{8,64}$/);

    await send(page, 'What payment methods do you accept?');
    expect(await page.locator('#bsc-messages .bsc-msg--bot').last().textContent()).toContain(
      CANNED_RESPONSES.payment,
    );
    await page.screenshot({ animations: 'disabled', path: 'test-results/widget-desktop.png' });

    // A reload restores the conversation from the server.
    await page.reload();
    await page.click('#bsc-launcher');
    const restored = page.locator('#bsc-messages .bsc-msg--user');
    await restored.nth(1).waitFor();
    expect(await restored.allTextContents()).toEqual([
      'Hello',
      'What payment methods do you accept?',
    ]);
    expect(await page.locator('#bsc-messages .bsc-msg--bot').last().textContent()).toContain(
      CANNED_RESPONSES.payment,
    );

    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('bsc-launcher');
    expect(await launcher.getAttribute('aria-expanded')).toBe('false');
    await page.close();
  });

  it('shows markup typed by the shopper as text and runs none of it', async () => {
    const page = await openPage('/', { width: 390, height: 844 });
    await page.click('#bsc-launcher');
    const payloads = [
      '<img src=x onerror=alert(1)>',
      '<img src=x onerror="window.__xss=1">',
      '<script>window.__xss=2</script>',
    ];
    for (const payload of payloads) {
      await send(page, payload);
      expect(await page.locator('#bsc-messages .bsc-msg--user').last().textContent()).toBe(payload);
    }
    expect(await page.locator('#bsc-messages img, #bsc-messages script').count()).toBe(0);
    expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
    await page.screenshot({ animations: 'disabled', path: 'test-results/widget-phone.png' });
    await page.close();
  });

  it('works on any page embedded by one script tag', async () => {
    const page = await browser.newPage();
    await page.route(`${system.gatewayUrl}/embedded-elsewhere`, (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: '<!doctype html><html><head><title>Blog</title></head><body><p>A page that is not the store.</p><script src="/widget.js" defer></script></body></html>',
      }),
    );
    await page.goto(`${system.gatewayUrl}/embedded-elsewhere`);
    await page.click('#bsc-launcher');
    await send(page, 'How long does shipping take?');
    expect(await page.locator('#bsc-messages .bsc-msg--bot').last().textContent()).toContain(
      CANNED_RESPONSES.shipping,
    );
    const cssLoaded = await page.evaluate(() =>
      Array.from(document.styleSheets).some((s) => s.href?.endsWith('/widget.css')),
    );
    expect(cssLoaded).toBe(true);
    await page.close();
  });
});

describe('streamed LLM answers in Chromium', () => {
  let llmSystem: RunningSystem;
  let fake: FakeOpenAi;

  beforeAll(async () => {
    fake = await startFakeOpenAi();
    llmSystem = await startSystem({ chatbot: { LLM_BACKEND: 'ollama', OLLAMA_URL: fake.url } });
  });
  afterAll(async () => {
    await llmSystem?.close();
    await fake?.close();
  });

  it('shows tokens as they arrive and keeps the partial answer on Stop', async () => {
    fake.set({
      reply: 'We <b>gift-wrap</b> every order in recycled paper, free of charge, on request.',
      chunkDelayMs: 120,
    });
    const page = await browser.newPage();
    await page.goto(llmSystem.gatewayUrl);
    await page.click('#bsc-launcher');
    await page.fill('#bsc-input', 'Do you offer gift wrapping?');
    await page.keyboard.press('Enter');
    const answer = page.locator('#bsc-messages .bsc-msg--bot .bsc-msg__text').last();
    await answer.waitFor();
    const early = (await answer.textContent()) ?? '';
    await expect
      .poll(async () => ((await answer.textContent()) ?? '').length)
      .toBeGreaterThan(early.length);
    await page.click('#bsc-stop');
    await page.locator('#bsc-stop').waitFor({ state: 'hidden' });
    const partial = (await answer.textContent()) ?? '';
    expect(partial.length).toBeGreaterThan(0);
    expect(
      'We <b>gift-wrap</b> every order in recycled paper, free of charge, on request.',
    ).toContain(partial);
    expect(partial.length).toBeLessThan(78);
    expect(await page.locator('#bsc-messages b').count()).toBe(0);
    await expect
      .poll(() => fake.requests.some((r) => r.clientClosed), { timeout: 3_000 })
      .toBe(true);
    await page.close();
  });
});
