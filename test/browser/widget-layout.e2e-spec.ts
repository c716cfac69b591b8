/// <reference lib="dom" />
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { startSystem, type RunningSystem } from '../support/system.js';
import { launchChromium, layoutFaults, openChat, send } from '../support/browser.js';

/*
 * The conversation stays readable at any length: every message box holds all of its text, no box
 * overlaps its neighbours, and the newest message is in view. Checked on a desktop and a phone
 * after the exchange that used to pile messages on top of each other, then with twelve messages of
 * very different shapes.
 */

const PARAGRAPH =
  'I ordered three books for my book club last month and only two of them arrived, the third one ' +
  'was listed as shipped but the tracking page has not changed in a week. Could you tell me what ' +
  'happened, whether it can still be delivered before our next meeting, and if not how a refund ' +
  'would work for a gift order that was paid partly with a voucher and partly with a card?';

const VARIED = [
  'Hi',
  [PARAGRAPH, PARAGRAPH, PARAGRAPH].join('\n\n'),
  'https://www.example.com/some/really/long/path/that/never/breaks/naturally/' + 'x'.repeat(180),
  '📚📚📚 🎉✨🙏 Thanks!! 😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀',
  'My list:\n- Dune\n- The Hobbit\n- Circe\n- The Name of the Wind\n- Piranesi',
  'recommend a fantasy book',
  'where is my order',
  '123456',
  'Supercalifragilisticexpialidocious'.repeat(6),
  'ok',
  'What payment methods do you accept?',
  'Do you ship to Canada? '.repeat(12),
];

const SIZES = [
  { name: 'desktop', viewport: { width: 1280, height: 800 } },
  { name: 'phone', viewport: { width: 390, height: 844 } },
];

let system: RunningSystem;
let browser: Browser;

beforeAll(async () => {
  system = await startSystem({ gateway: { DATABASE_URL: '' } });
  browser = await launchChromium();
  mkdirSync('test-results', { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await system?.close();
});

async function newPage(viewport: { width: number; height: number }): Promise<Page> {
  const page = await browser.newPage({ viewport });
  await page.goto(system.gatewayUrl);
  return page;
}

describe.each(SIZES)('widget layout at $name size', ({ name, viewport }) => {
  it('keeps the reported exchange readable (Help, hello, order, 123456, fantasy)', async () => {
    const page = await newPage(viewport);
    await openChat(page);
    for (const text of ['hello', 'where is my order', '123456', 'recommend a fantasy book']) {
      await send(page, text);
    }
    expect(await layoutFaults(page)).toEqual([]);
    await page.close();
  });

  it('holds twelve messages of every shape, newest in view', async () => {
    const page = await newPage(viewport);
    await openChat(page);
    for (const text of VARIED) {
      await send(page, text);
      expect(await layoutFaults(page), text.slice(0, 40)).toEqual([]);
    }
    expect(await page.locator('#bsc-messages .bsc-msg--user').count()).toBe(VARIED.length);
    await page.screenshot({
      animations: 'disabled',
      path: `test-results/widget-layout-${name}.png`,
    });
    // The earlier messages too, for a person to look at: a third and two thirds of the way down.
    for (const part of [1, 2]) {
      await page.locator('#bsc-messages').evaluate((log, f) => {
        log.scrollTop = (log.scrollHeight * f) / 3;
      }, part);
      await page.screenshot({
        animations: 'disabled',
        path: `test-results/widget-layout-${name}-${part}of3.png`,
      });
    }
    await page.close();
  }, 60_000);
});
