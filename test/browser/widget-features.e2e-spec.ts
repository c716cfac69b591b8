/// <reference lib="dom" />
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page, Route } from 'playwright-core';
import { CANNED_RESPONSES } from '../support/content.js';
import { launchChromium, openChat, send } from '../support/browser.js';
import { json } from '../support/http.js';
import { startSystem, type RunningSystem } from '../support/system.js';

/* What a shopper reaches for in the chat window, in Chromium against the real system. */

const STARTERS = ['Track my order', 'Shipping', 'Returns', 'Recommend a book'];
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

let system: RunningSystem;
let browser: Browser;

beforeAll(async () => {
  system = await startSystem();
  browser = await launchChromium();
  mkdirSync('test-results', { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await system?.close();
});

const cspViolations: string[] = [];
afterEach(() => {
  // Everything the widget adds still runs under the page's strict Content-Security-Policy.
  expect(cspViolations.splice(0)).toEqual([]);
});

async function storePage(viewport = DESKTOP, path = '/'): Promise<Page> {
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

const lastBot = (page: Page) => page.locator('#bsc-messages .bsc-msg--bot').last();

describe('answer parts in the widget', () => {
  it('offers quick replies under the newest answer only, and a tap sends one', async () => {
    const page = await storePage();
    await openChat(page);
    await send(page, 'Hello');
    const chips = page.locator('#bsc-messages .bsc-suggestions .bsc-chip');
    expect(await chips.allTextContents()).toEqual(STARTERS);
    await chips.filter({ hasText: 'Shipping' }).click();
    await page.locator('#bsc-messages .bsc-msg--bot').nth(2).waitFor();
    await page.locator('#bsc-stop').waitFor({ state: 'hidden' });
    expect(await page.locator('#bsc-messages .bsc-msg--user').last().textContent()).toBe(
      'Shipping',
    );
    expect(await lastBot(page).textContent()).toContain(CANNED_RESPONSES.shipping);
    // The shipping answer has no quick replies, and the greeting's are gone.
    expect(await chips.count()).toBe(0);
    await page.close();
  });

  it('shows recommended books as cards whose links land on the book in the store page', async () => {
    const page = await storePage();
    await openChat(page);
    await send(page, 'recommend a fantasy book');
    const cards = lastBot(page).locator('a.bsc-card');
    const count = await cards.count();
    expect(count).toBeGreaterThan(0);
    expect(await lastBot(page).locator('.bsc-msg__text').textContent()).toBe(
      'Here are some picks from Fantasy:',
    );
    const hrefs: string[] = [];
    for (let i = 0; i < count; i++) {
      const card = cards.nth(i);
      const title = (await card.locator('.bsc-card__title').textContent()) ?? '';
      // The card says it; the text's list line for the same book is not shown twice.
      expect((await lastBot(page).textContent())!.split(title).length - 1).toBe(1);
      expect(await card.locator('.bsc-card__details').textContent()).toMatch(
        /^fantasy · \$\d+\.\d\d$/,
      );
      const href = (await card.getAttribute('href')) ?? '';
      expect(href).toMatch(new RegExp(`^${system.gatewayUrl}/#book-\\d+$`));
      expect(await card.getAttribute('target')).toBeNull();
      hrefs.push(href);
    }
    // In the page: a tap on the card scrolls the store to the book.
    await cards.first().click();
    const firstId = hrefs[0].split('#')[1];
    await page.locator(`#${firstId}`).waitFor();
    expect(await page.locator(`#${firstId} .book__title`).textContent()).toBe(
      await cards.first().locator('.bsc-card__title').textContent(),
    );
    await expect.poll(() => page.locator(`#${firstId}`).isVisible()).toBe(true);
    await page.close();
    // Opened fresh, every card's link lands on its book too.
    for (const href of hrefs) {
      const fresh = await browser.newPage({ viewport: DESKTOP });
      await fresh.goto(href);
      const id = href.split('#')[1];
      await fresh.locator(`#${id} .book__title`).waitFor();
      expect(await fresh.locator(`#${id}`).isVisible()).toBe(true);
      await fresh.close();
    }
  });

  it('on a phone, a book card shows the book: the window steps aside', async () => {
    const page = await storePage(PHONE);
    await openChat(page);
    await send(page, 'recommend a fantasy book');
    const card = lastBot(page).locator('a.bsc-card').first();
    await page.screenshot({ animations: 'disabled', path: 'test-results/widget-cards-phone.png' });
    const id = ((await card.getAttribute('href')) ?? '').split('#')[1];
    await card.click();
    await page.locator('#bsc-dialog').waitFor({ state: 'hidden' });
    await page.locator(`#${id} .book__title`).waitFor();
    await expect.poll(() => page.locator(`#${id}`).isVisible()).toBe(true);
    // The conversation is still there when the shopper comes back.
    await page.click('#bsc-launcher');
    expect(await page.locator('#bsc-messages a.bsc-card').count()).toBeGreaterThan(0);
    await page.close();
  });

  it('links the support email under the fallback answer', async () => {
    const page = await storePage();
    await openChat(page);
    await send(page, 'Do you sell garden furniture?');
    const link = lastBot(page).locator('a.bsc-link');
    expect(await link.getAttribute('href')).toBe('mailto:support@bookstore.com');
    expect(await link.textContent()).toBe('Email the support team');
    expect(await page.locator('#bsc-messages .bsc-chip').allTextContents()).toEqual(STARTERS);
    await page.close();
  });

  it('shows a time on every message', async () => {
    const page = await storePage();
    const before = Date.now();
    await openChat(page);
    await send(page, 'Hello');
    await send(page, 'Shipping');
    const entries = page.locator('#bsc-messages .bsc-entry');
    expect(await entries.count()).toBe(5); // welcome, then two exchanges
    for (let i = 0; i < 5; i++) {
      const time = entries.nth(i).locator('time.bsc-time');
      expect(await time.isVisible()).toBe(true);
      expect(await time.textContent()).toMatch(/^\d{1,2}:\d{2}( ?[AP]M)?$/i);
      const at = Date.parse((await time.getAttribute('datetime')) ?? '');
      expect(at).toBeGreaterThanOrEqual(before - 1_000);
      expect(at).toBeLessThanOrEqual(Date.now());
    }
    await page.close();
  });
});

describe('what a shopper reaches for', () => {
  it('badges the Help button when an answer arrives while the window is closed', async () => {
    const page = await storePage();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/chat/stream', async (route) => {
      await held;
      await route.continue();
    });
    await openChat(page);
    await page.fill('#bsc-input', 'How long does shipping take?');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await page.locator('#bsc-dialog').waitFor({ state: 'hidden' });
    const badge = page.locator('#bsc-launcher .bsc-launcher__badge');
    expect(await badge.isVisible()).toBe(false);
    release();
    await badge.waitFor({ state: 'visible' });
    expect(await badge.textContent()).toBe('1');
    await page.screenshot({ animations: 'disabled', path: 'test-results/widget-unread.png' });
    expect(await page.locator('#bsc-launcher').getAttribute('aria-label')).toBe(
      'Help, 1 new answer',
    );
    await page.click('#bsc-launcher');
    await badge.waitFor({ state: 'hidden' });
    expect(await page.locator('#bsc-launcher').getAttribute('aria-label')).toBeNull();
    expect(await lastBot(page).textContent()).toContain(CANNED_RESPONSES.shipping);
    // An answer read with the window open leaves no badge.
    await send(page, 'Hello');
    await page.keyboard.press('Escape');
    expect(await badge.isVisible()).toBe(false);
    await page.close();
  });

  it('keeps the typed text after a network failure and Retry sends it again', async () => {
    const page = await storePage();
    await openChat(page);
    const offline = (route: { abort(code: string): Promise<void> }) => route.abort('failed');
    await page.route('**/api/chat/stream', offline);
    await page.route('**/api/chat', offline);
    const text = 'How long does shipping take?';
    await page.fill('#bsc-input', text);
    await page.keyboard.press('Enter');
    const error = page.locator('#bsc-messages .bsc-msg--error');
    await error.waitFor();
    expect(await error.textContent()).toContain("Can't reach support right now");
    expect(await page.inputValue('#bsc-input')).toBe(text);
    const retry = page.locator('#bsc-messages .bsc-retry');
    expect(await retry.textContent()).toBe('Retry');
    await page.screenshot({ animations: 'disabled', path: 'test-results/widget-retry.png' });

    await page.unroute('**/api/chat/stream', offline);
    await page.unroute('**/api/chat', offline);
    await retry.click();
    await page.locator('#bsc-messages .bsc-msg--bot:not(.bsc-msg--welcome)').first().waitFor();
    await page.locator('#bsc-stop').waitFor({ state: 'hidden' });
    expect(await lastBot(page).textContent()).toContain(CANNED_RESPONSES.shipping);
    expect(await error.count()).toBe(0);
    expect(await page.locator('#bsc-messages .bsc-msg--user').allTextContents()).toEqual([text]);
    expect(await page.inputValue('#bsc-input')).toBe('');
    await page.close();
  });

  it('offers Retry when support is unreachable behind the gateway (503), not for bad input', async () => {
    const page = await storePage();
    await openChat(page);
    const down = (route: Route) =>
      route.fulfill({
        status: 503,
        contentType: 'application/json',
        body: JSON.stringify({
          statusCode: 503,
          error: 'Service Unavailable',
          message: 'The support assistant is unavailable. Please try again shortly.',
        }),
      });
    await page.route('**/api/chat/stream', down);
    await send(page, 'Returns');
    expect(await page.locator('#bsc-messages .bsc-msg--error').textContent()).toContain(
      'The support assistant is unavailable',
    );
    expect(await page.inputValue('#bsc-input')).toBe('Returns');
    await page.unroute('**/api/chat/stream', down);
    await page.click('#bsc-messages .bsc-retry');
    await page.locator('#bsc-messages .bsc-msg--rateable').waitFor();
    expect(await lastBot(page).textContent()).toContain(CANNED_RESPONSES.returns);

    // A 400 is about the message itself: sending it again would fail the same way.
    await page.route('**/api/chat/stream', (route) =>
      route.fulfill({
        status: 400,
        contentType: 'application/json',
        body: JSON.stringify({ statusCode: 400, error: 'Bad Request', message: 'No.' }),
      }),
    );
    await send(page, 'Returns again');
    expect(await page.locator('#bsc-messages .bsc-msg--error').last().textContent()).toBe('No.');
    expect(await page.locator('#bsc-messages .bsc-retry').count()).toBe(0);
    await page.close();
  });

  it('asks before "New conversation" erases anything', async () => {
    const page = await storePage();
    await openChat(page);
    await send(page, 'Hello');
    const sessionId = await page.evaluate(() => localStorage.getItem('bsc.session_id'));
    const confirm = page.locator('#bsc-confirm');

    await page.click('#bsc-new');
    await confirm.waitFor({ state: 'visible' });
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('bsc-confirm-no');
    await page.screenshot({ animations: 'disabled', path: 'test-results/widget-confirm-new.png' });
    await page.click('#bsc-confirm-no');
    await confirm.waitFor({ state: 'hidden' });
    expect(await page.locator('#bsc-messages .bsc-msg--user').count()).toBe(1);
    expect(await page.evaluate(() => localStorage.getItem('bsc.session_id'))).toBe(sessionId);

    await page.click('#bsc-new');
    await page.click('#bsc-confirm-yes');
    await confirm.waitFor({ state: 'hidden' });
    expect(await page.locator('#bsc-messages .bsc-msg').count()).toBe(1); // the welcome
    expect(await page.evaluate(() => localStorage.getItem('bsc.session_id'))).toBeNull();
    // The server forgot it too.
    await expect
      .poll(
        async () =>
          (await json(`${system.gatewayUrl}/api/chat/history?session_id=${sessionId}`)).body,
      )
      .toMatchObject({ turns: [] });
    await page.close();
  });

  it('opens the chat from "Questions? Ask us" on the store page', async () => {
    const page = await storePage();
    await page.getByRole('link', { name: 'Questions? Ask us' }).click();
    await page.locator('#bsc-dialog').waitFor({ state: 'visible' });
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('bsc-input');
    await page.close();
  });

  it('puts thumbs only under answers, and a rating can be changed and taken back', async () => {
    const page = await storePage();
    await openChat(page);
    await send(page, 'Hello');
    await send(page, 'Shipping');
    const rows = page.locator('#bsc-messages .bsc-feedback');
    expect(await rows.count()).toBe(2);
    for (let i = 0; i < 2; i++) {
      // Each row sits in the entry of a stored bot answer.
      expect(
        await rows
          .nth(i)
          .evaluate((row) => row.closest('.bsc-entry')!.querySelector('.bsc-msg')!.className),
      ).toMatch(/bsc-msg--bot bsc-msg--rateable/);
    }
    expect(await page.locator('#bsc-messages .bsc-entry--user .bsc-feedback').count()).toBe(0);
    expect(
      await page.locator('#bsc-messages .bsc-msg--welcome ~ .bsc-meta .bsc-rate').count(),
    ).toBe(0);
    const up = rows.last().locator('.bsc-rate--up');
    const down = rows.last().locator('.bsc-rate--down');
    await up.click();
    await expect.poll(() => up.getAttribute('aria-pressed')).toBe('true');
    await down.click();
    await expect.poll(() => down.getAttribute('aria-pressed')).toBe('true');
    expect(await up.getAttribute('aria-pressed')).toBe('false');
    const sessionId = await page.evaluate(() => localStorage.getItem('bsc.session_id'));
    const history = await json(`${system.gatewayUrl}/api/chat/history?session_id=${sessionId}`);
    expect((history.body.turns as Array<{ rating?: string }>).map((t) => t.rating)).toEqual([
      undefined,
      'down',
    ]);
    // A second tap on the chosen thumb clears the rating, here and on the server.
    await down.click();
    await expect.poll(() => down.getAttribute('aria-pressed')).toBe('false');
    expect(await up.getAttribute('aria-pressed')).toBe('false');
    const cleared = await json(`${system.gatewayUrl}/api/chat/history?session_id=${sessionId}`);
    expect((cleared.body.turns as Array<{ rating?: string }>).map((t) => t.rating)).toEqual([
      undefined,
      undefined,
    ]);
    await page.close();
  });

  it.each([
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ])('gives every control a touch target of 44 px or more (%s)', async (_name, viewport) => {
    const page = await storePage(viewport);
    await openChat(page);
    await send(page, 'Hello');
    await send(page, 'recommend a fantasy book');
    await send(page, 'Do you sell garden furniture?');
    await page.click('#bsc-new');
    await page.locator('#bsc-confirm').waitFor();
    // Measure the settled window: an entry animation still scaling a box is not its size.
    await page.waitForFunction(() =>
      document
        .getAnimations()
        .every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity),
    );
    const small = await page.evaluate(() =>
      Array.from(
        document.querySelectorAll('#bsc-root button, #bsc-root a[href], #bsc-root textarea'),
      )
        .filter((el) => el.getClientRects().length > 0)
        .map((el) => ({ el, r: el.getBoundingClientRect() }))
        .filter(({ r }) => r.width < 44 || r.height < 44)
        .map(({ el, r }) => `${el.className} ${Math.round(r.width)}x${Math.round(r.height)}`),
    );
    expect(small).toEqual([]);
    expect(await page.locator('#bsc-root button, #bsc-root a[href]').count()).toBeGreaterThan(15);
    await page.close();
  });

  it('links the help center from the window', async () => {
    const page = await storePage();
    await openChat(page);
    const link = page.locator('#bsc-dialog a#bsc-help-center');
    expect(await link.textContent()).toBe('Help center');
    expect(await link.getAttribute('href')).toBe(`${system.gatewayUrl}/#help`);
    await link.click();
    expect(page.url()).toBe(`${system.gatewayUrl}/#help`);
    await page.close();
    // On a phone the window covers the page, so it steps aside for the help center.
    const phone = await storePage(PHONE);
    await openChat(phone);
    await phone.click('#bsc-help-center');
    await phone.locator('#bsc-dialog').waitFor({ state: 'hidden' });
    expect(phone.url()).toBe(`${system.gatewayUrl}/#help`);
    await phone.close();
  });
});

describe('accessibility and looks', () => {
  it.each([
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ])(
    'has no serious or critical axe violation with a conversation open (%s)',
    async (name, viewport) => {
      const page = await storePage(viewport);
      await openChat(page);
      for (const text of [
        'Hello',
        'recommend a fantasy book',
        'where is my order',
        '123456',
        'Do you sell garden furniture?',
      ]) {
        await send(page, text);
      }
      await page.locator('#bsc-messages .bsc-rate--up').last().click();
      // Run through the DevTools protocol: the page's CSP allows no inline script.
      await page.evaluate(AXE_SOURCE);
      const violations = await page.evaluate(async () => {
        const axe = (
          window as unknown as {
            axe: {
              run(
                ctx: unknown,
                opts: unknown,
              ): Promise<{
                violations: Array<{
                  id: string;
                  impact: string;
                  nodes: Array<{ target: string[] }>;
                }>;
              }>;
            };
          }
        ).axe;
        const result = await axe.run(document, { resultTypes: ['violations'] });
        return result.violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      });
      expect(violations).toEqual([]);
      // The same run does notice a control with no name.
      const caught = await page.evaluate(async () => {
        const nameless = document.createElement('button');
        document.querySelector('#bsc-dialog .bsc-header__actions')!.appendChild(nameless);
        const axe = (
          window as unknown as {
            axe: { run(ctx: unknown): Promise<{ violations: Array<{ id: string }> }> };
          }
        ).axe;
        const ids = (await axe.run(document)).violations.map((v) => v.id);
        nameless.remove();
        return ids;
      });
      expect(caught).toContain('button-name');
      await page.screenshot({
        animations: 'disabled',
        path: `test-results/widget-rich-${name}.png`,
      });
      await page.close();
    },
    40_000,
  );
});
