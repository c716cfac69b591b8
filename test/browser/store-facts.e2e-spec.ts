/// <reference lib="dom" />
import type { Browser, Page, Route } from 'playwright-core';
import { launchChromium, openChat, send } from '../support/browser.js';
import { json } from '../support/http.js';
import { startSystem, type RunningSystem } from '../support/system.js';

/*
 * The store page and the widget name the store only from GET /api/store, and list its books only
 * from the catalog API: another store's facts (served here in the browser's place) show instead.
 */

const OTHER_STORE = {
  name: 'Paper Moon & Sons',
  support_email: 'hello@paper-moon.example',
  support_hours: { en: 'every day, 8 am to 8 pm CET', fr: 'tous les jours, de 8 h à 20 h' },
  currency: 'EUR',
  languages: ['en', 'fr'],
  answer_within: { en: '2 hours', fr: '2 heures' },
};

let system: RunningSystem;
let browser: Browser;

beforeAll(async () => {
  system = await startSystem();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await system?.close();
});

const fulfil = (body: unknown) => (route: Route) =>
  route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(body) });

async function storePage(store?: unknown, products?: unknown): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  if (store) await page.route('**/api/store', fulfil(store));
  if (products) await page.route('**/api/products?limit=8', fulfil(products));
  await page.goto(system.gatewayUrl + '/');
  return page;
}

describe('the store facts on the page and in the widget', () => {
  it('names the store, and lists the catalog with its prices, from the API', async () => {
    const store = (await json(`${system.gatewayUrl}/api/store`)).body as typeof OTHER_STORE;
    const catalog = (await json(`${system.gatewayUrl}/api/products?limit=8`)).body as {
      items: Array<{ title: string; price: number }>;
    };
    const page = await storePage();
    await page.locator('#featured-list[data-source="api"]').waitFor();
    expect(await page.title()).toBe(store.name);
    expect(await page.locator('.site-footer__brand').textContent()).toBe(store.name);
    expect(await page.locator('.logo__text').textContent()).toBe(store.name);
    expect(await page.locator('#featured-list .book__title').allTextContents()).toEqual(
      catalog.items.map((b) => b.title),
    );
    const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: store.currency });
    expect(await page.locator('#featured-list .book__price').first().textContent()).toBe(
      money.format(catalog.items[0].price),
    );
    expect(await page.locator('#featured-status').isVisible()).toBe(false);
    await openChat(page);
    await expect.poll(() => page.locator('.bsc-subtitle').textContent()).toBe(store.name);
    await page.close();
  });

  it('shows another store as it is, in its currency, in the page and the widget', async () => {
    const page = await storePage(OTHER_STORE);
    await page.locator('#featured-list[data-source="api"]').waitFor();
    expect(await page.title()).toBe(OTHER_STORE.name);
    // The logo draws the "&" as it always has.
    expect(await page.locator('.logo__text .logo__amp').textContent()).toBe('&');
    expect(await page.locator('#featured-list .book__price').first().textContent()).toMatch(
      /^€\d+\.\d\d$/,
    );
    await openChat(page);
    // The widget asks the API for itself: its words fill in as soon as the answer is there.
    await expect.poll(() => page.locator('.bsc-subtitle').textContent()).toBe(OTHER_STORE.name);
    expect(await page.locator('.bsc-msg--welcome').textContent()).toContain(OTHER_STORE.name);
    await send(page, 'recommend a fantasy book');
    expect(await page.locator('.bsc-card__details').first().textContent()).toMatch(
      /^fantasy · €\d+\.\d\d$/,
    );
    await page.click('#bsc-person');
    expect(await page.locator('.bsc-person__intro').textContent()).toBe(
      'Our support team answers every day, 8 am to 8 pm CET, within 2 hours. They will see this conversation.',
    );
    await page.close();
  });

  it('says so when there are no books to feature, and reads whole without the store facts', async () => {
    const page = await browser.newPage();
    await page.route('**/api/store', (route) => route.fulfill({ status: 404, body: '' }));
    await page.route('**/api/products?limit=8', fulfil({ items: [] }));
    await page.goto(system.gatewayUrl + '/');
    await expect
      .poll(() => page.locator('#featured-status').textContent())
      .toBe('No books to show just now. Our chat assistant can recommend one.');
    expect(await page.locator('#featured-list > li').count()).toBe(0);
    await openChat(page);
    expect(await page.locator('.bsc-subtitle').isVisible()).toBe(false);
    expect(await page.locator('.bsc-msg--welcome').textContent()).toMatch(
      /^Hi! I'm the support assistant\. Ask me about/,
    );
    await page.click('#bsc-person');
    expect(await page.locator('.bsc-person__intro').textContent()).toBe(
      'Our support team will see this conversation.',
    );
    await page.close();
  });
});
