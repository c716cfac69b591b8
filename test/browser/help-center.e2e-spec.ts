/// <reference lib="dom" />
import type { Browser, Page } from 'playwright-core';
import { HELP_ARTICLES } from '../support/content.js';
import { launchChromium } from '../support/browser.js';
import { json } from '../support/http.js';
import { startSystem, type RunningSystem } from '../support/system.js';

let system: RunningSystem;
let browser: Browser;
const cspViolations: string[] = [];

beforeAll(async () => {
  // The embedded store, as `npm start` runs it.
  system = await startSystem({ gateway: { DATABASE_URL: '' } });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await system?.close();
});
afterEach(() => {
  expect(cspViolations).toEqual([]);
});

async function openPage(path = '/'): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) cspViolations.push(m.text());
  });
  await page.goto(system.gatewayUrl + path);
  await page.locator('#help-list[data-source="api"]').waitFor();
  return page;
}

const article = (slug: string) => HELP_ARTICLES.find((a) => a.slug === slug)!;

describe('the help center on the store page', () => {
  it('shows every article, each at its own anchor', async () => {
    const page = await openPage();
    expect(await page.locator('#help details.help-article').count()).toBe(HELP_ARTICLES.length);
    for (const a of HELP_ARTICLES) {
      await expect(page.locator(`#help-${a.slug} summary`).textContent()).resolves.toBe(a.title);
    }
    await page.close();
  });

  it('opens the article a link points to', async () => {
    const page = await openPage('/#help-gift-wrapping');
    await expect(page.locator('#help-gift-wrapping').getAttribute('open')).resolves.toBe('');
    await expect(page.locator('#help-price-matching').getAttribute('open')).resolves.toBeNull();
    await page.close();
  });

  it('states the facts of the help center, the same the bot gives', async () => {
    const page = await openPage();
    const perks = await page.locator('#perks').innerText();
    expect(perks).toContain(article('free-shipping').title);
    expect(perks).toContain(article('shipping-times').answer);
    expect(perks).toContain(article('gift-wrapping').answer);
    const text = await page.locator('body').innerText();
    // What the page used to say, which the store's facts contradict.
    expect(text).not.toMatch(/3\s*[-–]\s*5 business days/);
    expect(text).not.toContain('Paper Lane');

    const bot = await json(`${system.gatewayUrl}/api/chat`, 'POST', {
      message: 'can you gift wrap my order?',
    });
    expect(perks).toContain(String(bot.body.response));
    await page.close();
  });
});
