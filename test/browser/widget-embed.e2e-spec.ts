/// <reference lib="dom" />
import type { Browser } from 'playwright-core';
import { CANNED_RESPONSES } from '../support/content.js';
import { launchChromium, openChat, send } from '../support/browser.js';
import { startServer, type TestServer } from '../support/http-server.js';
import {
  startGateway,
  startSystem,
  type RunningApp,
  type RunningSystem,
} from '../support/system.js';

/*
 * The README's promise: any page embeds the widget with one script tag. Here the page is a blog on
 * another origin (another loopback port, under the name "localhost", so another site too), and the
 * gateway lists that origin in CORS_ORIGINS.
 */

let blog: TestServer;
let blogOrigin: string;
let system: RunningSystem;
let closed: RunningApp;
let browser: Browser;
const gateways: Record<string, string> = {};

beforeAll(async () => {
  blog = await startServer((req, _body, res) => {
    const which = new URL(req.url ?? '/', 'http://blog').searchParams.get('gateway') ?? 'open';
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.end(
      '<!doctype html><html lang="en"><head><title>A reading blog</title></head><body>' +
        '<main><h1>Ten books for a long weekend</h1><p>Not the store.</p></main>' +
        `<script src="${gateways[which]}/widget.js" defer></script></body></html>`,
    );
  });
  blogOrigin = blog.url.replace('127.0.0.1', 'localhost');
  system = await startSystem({ gateway: { CORS_ORIGINS: blogOrigin } });
  // A gateway that lists no origin: the widget stays on its own site.
  closed = await startGateway();
  gateways.open = system.gatewayUrl;
  gateways.closed = closed.url;
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await closed?.app.close();
  await system?.close();
  await blog?.close();
});

describe('the widget embedded in a page of another origin', () => {
  it('loads from the gateway and chats through it, with quick replies and book cards', async () => {
    const page = await browser.newPage();
    const failed: string[] = [];
    // A refused request (CORS, CORP) fails; ERR_ABORTED is the widget closing a finished stream.
    page.on('requestfailed', (r) => {
      if (r.failure()?.errorText !== 'net::ERR_ABORTED')
        failed.push(`${r.url()} ${r.failure()?.errorText}`);
    });
    await page.goto(`${blogOrigin}/`);
    await openChat(page);
    const cssLoaded = await page.evaluate(
      (gateway) => Array.from(document.styleSheets).some((s) => s.href === `${gateway}/widget.css`),
      system.gatewayUrl,
    );
    expect(cssLoaded).toBe(true);
    // Styled: the launcher is the widget's round teal button, not a bare page button.
    expect(await page.locator('#bsc-launcher').evaluate((b) => getComputedStyle(b).position)).toBe(
      'fixed',
    );

    await send(page, 'Hello');
    expect(await page.locator('#bsc-messages .bsc-msg--bot').last().textContent()).toContain(
      CANNED_RESPONSES.greeting,
    );
    expect(await page.locator('#bsc-messages .bsc-chip').count()).toBe(4);
    await send(page, 'recommend a fantasy book');
    const card = page.locator('#bsc-messages a.bsc-card').first();
    // The book lives on the store's page, so the card opens it there, in a new tab.
    expect(await card.getAttribute('href')).toMatch(
      new RegExp(`^${system.gatewayUrl}/#book-\\d+$`),
    );
    expect(await card.getAttribute('target')).toBe('_blank');
    expect(await card.getAttribute('rel')).toBe('noopener noreferrer');
    expect(failed).toEqual([]);
    await page.close();
  });

  it('does not appear where the gateway lists no origin', async () => {
    const page = await browser.newPage();
    const blocked: string[] = [];
    page.on('requestfailed', (r) => blocked.push(r.url()));
    await page.goto(`${blogOrigin}/?gateway=closed`);
    await page.waitForLoadState('load');
    expect(blocked).toContain(`${closed.url}/widget.js`);
    expect(await page.locator('#bsc-launcher').count()).toBe(0);
    await page.close();
  });
});
