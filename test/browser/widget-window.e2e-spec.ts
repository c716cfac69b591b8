/// <reference lib="dom" />
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openChat, send } from '../support/browser.js';
import { startSystem, type RunningSystem } from '../support/system.js';

/** The confirmation's words on the team's hours, per language (never English in another). */
const HOURS: Record<string, string> = {
  en: 'Our support team answers Monday to Friday',
  es: 'Nuestro equipo de soporte responde de lunes a viernes',
  fr: 'Notre équipe d’assistance répond du lundi au vendredi',
  de: 'Unser Support-Team antwortet montags bis freitags',
};

/*
 * The chat window as a shopper sees it (issue #21, finding 8), on a desktop and two phones, in
 * each language the widget speaks: the header's controls all inside the window, the "Talk to a
 * person" panel closable by itself and never hiding the newest messages, a three-book answer read
 * from its first line, and an answer's quick replies, book cards and links back after a reload.
 */

const SIZES = [
  { size: 'desktop', viewport: { width: 1280, height: 800 } },
  { size: 'phone', viewport: { width: 390, height: 844 } },
  { size: 'small-phone', viewport: { width: 360, height: 740 } },
];

type Lang = 'en' | 'es' | 'fr' | 'de';

/** What a shopper writes, per language: each line gets the answer its name says. */
const SAYS: Record<
  Lang,
  { hello: string; shipping: string; order: string; books: string; unknown: string }
> = {
  en: {
    hello: 'Hello',
    shipping: 'How long does shipping take?',
    order: 'Where is my order 123456?',
    books: 'recommend a fantasy book',
    unknown: 'Do you sell garden furniture?',
  },
  es: {
    hello: 'Hola',
    shipping: '¿Cuánto tarda el envío?',
    order: '¿Dónde está mi pedido 123456?',
    books: 'recomiéndame un libro de fantasía',
    unknown: '¿Venden muebles de jardín?',
  },
  fr: {
    hello: 'Bonjour',
    shipping: 'Combien de temps prend la livraison ?',
    order: 'Où en est ma commande 123456 ?',
    books: 'recommandez-moi un livre de fantasy',
    unknown: 'Vous vendez des meubles de jardin ?',
  },
  de: {
    hello: 'Hallo',
    shipping: 'Wie lange dauert der Versand?',
    order: 'Wo ist meine Bestellung 123456?',
    books: 'Empfehlen Sie mir ein Fantasy-Buch',
    unknown: 'Verkaufen Sie Gartenmöbel?',
  },
};

const CASES = SIZES.flatMap((s) =>
  (Object.keys(SAYS) as Lang[]).map((lang) => ({ ...s, lang, says: SAYS[lang] })),
);

let system: RunningSystem;
let browser: Browser;

beforeAll(async () => {
  // Twelve windows each send the team a request from this one address.
  system = await startSystem({ gateway: { SUPPORT_MAX_PER_CLIENT: '100' } });
  browser = await launchChromium();
  mkdirSync('test-results', { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await system?.close();
});

/** A page of the shop's site in `lang` embedding the widget, at the gateway's origin. */
async function pageIn(lang: Lang, viewport: { width: number; height: number }): Promise<Page> {
  const page = await browser.newPage({ viewport, locale: 'en-US' });
  const url = `${system.gatewayUrl}/page-${lang}.html`;
  await page.route(url, (route) =>
    route.fulfill({
      contentType: 'text/html; charset=utf-8',
      body:
        `<!doctype html><html lang="${lang}"><head><title>Chapter &amp; Verse</title>` +
        '<meta name="viewport" content="width=device-width, initial-scale=1"></head>' +
        '<body><main><h1>Chapter &amp; Verse</h1></main>' +
        `<script src="${system.gatewayUrl}/widget.js" defer></script></body></html>`,
    }),
  );
  await page.goto(url);
  return page;
}

/** Waits until nothing in the window is still moving (entry animations, smooth scrolling). */
async function settled(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await Promise.all(
      document
        .getAnimations()
        .filter((a) => a.effect?.getComputedTiming().iterations !== Infinity)
        .map((a) => a.finished.catch(() => undefined)),
    );
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  });
}

/**
 * Controls in `scope` that are not wholly inside the window and the screen, smaller than 44 px,
 * or on top of one another, as sentences.
 */
function controlFaults(page: Page, scope: string): Promise<string[]> {
  return page.evaluate((scope) => {
    const faults: string[] = [];
    const dialog = document.querySelector('#bsc-dialog')!.getBoundingClientRect();
    const screen = { left: 0, top: 0, right: innerWidth, bottom: innerHeight };
    const controls = Array.from(
      document.querySelectorAll(
        `${scope} button, ${scope} a[href], ${scope} input, ${scope} textarea`,
      ),
    ).filter((el) => el.getClientRects().length > 0);
    if (controls.length === 0) faults.push(`no control in ${scope}`);
    const name = (el: Element) =>
      `${el.id ? '#' + el.id : el.className} "${(el.textContent ?? '').trim().slice(0, 30)}"`;
    const boxes = controls.map((el) => ({ el, r: el.getBoundingClientRect() }));
    for (const { el, r } of boxes) {
      for (const [where, box] of [
        ['window', dialog],
        ['screen', screen],
      ] as const) {
        if (
          r.left < box.left - 0.5 ||
          r.top < box.top - 0.5 ||
          r.right > box.right + 0.5 ||
          r.bottom > box.bottom + 0.5
        ) {
          faults.push(
            `${name(el)} at ${Math.round(r.left)}..${Math.round(r.right)} x ${Math.round(r.top)}..${Math.round(r.bottom)} is outside the ${where} ${Math.round(box.left)}..${Math.round(box.right)} x ${Math.round(box.top)}..${Math.round(box.bottom)}`,
          );
        }
      }
      if (r.width < 44 || r.height < 44) {
        faults.push(`${name(el)} is ${Math.round(r.width)}x${Math.round(r.height)}`);
      }
    }
    for (let a = 0; a < boxes.length; a++) {
      for (let b = a + 1; b < boxes.length; b++) {
        const [p, q] = [boxes[a].r, boxes[b].r];
        const w = Math.min(p.right, q.right) - Math.max(p.left, q.left);
        const h = Math.min(p.bottom, q.bottom) - Math.max(p.top, q.top);
        if (w > 1 && h > 1) faults.push(`${name(boxes[a].el)} overlaps ${name(boxes[b].el)}`);
      }
    }
    return faults;
  }, scope);
}

/** Where `selector`'s last match sits against the visible part of the conversation. */
function placeInLog(
  page: Page,
  selector: string,
): Promise<{ top: number; bottom: number; viewTop: number; viewBottom: number }> {
  return page.evaluate((selector) => {
    const log = document.querySelector('#bsc-messages')!;
    const all = log.querySelectorAll(selector);
    const r = all[all.length - 1].getBoundingClientRect();
    const view = log.getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, viewTop: view.top, viewBottom: view.bottom };
  }, selector);
}

/** The newest message is wholly in view, and the conversation shows more than a sliver. */
async function expectNewestInView(page: Page, what: string): Promise<void> {
  await settled(page);
  const p = await placeInLog(page, '.bsc-msg');
  expect(p.viewBottom - p.viewTop, `${what}: visible height of the conversation`).toBeGreaterThan(
    100,
  );
  expect(p.top, `${what}: top of the newest message`).toBeGreaterThanOrEqual(p.viewTop - 1);
  expect(p.bottom, `${what}: bottom of the newest message`).toBeLessThanOrEqual(p.viewBottom + 1);
}

/** Each bot answer's parts as shown: card titles and links, link labels and links, quick replies. */
function partsShown(page: Page) {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('#bsc-messages .bsc-msg--bot:not(.bsc-msg--welcome)')).map(
      (bubble) => ({
        text: bubble.textContent,
        cards: Array.from(bubble.querySelectorAll('.bsc-card')).map((c) => [
          c.querySelector('.bsc-card__title')?.textContent,
          c.getAttribute('href'),
        ]),
        links: Array.from(bubble.querySelectorAll('a.bsc-link')).map((a) => [
          a.textContent,
          a.getAttribute('href'),
        ]),
        chips: Array.from(
          bubble.closest('.bsc-entry')?.nextElementSibling?.matches('.bsc-suggestions')
            ? bubble.closest('.bsc-entry')!.nextElementSibling!.querySelectorAll('.bsc-chip')
            : [],
        ).map((c) => c.textContent),
      }),
    ),
  );
}

/**
 * Asks for three books and checks the answer as it comes to rest: its first line in view, and all
 * of it when it fits. Returns where the answer sits against the conversation's view.
 */
async function threeBookAnswer(
  lang: Lang,
  viewport: { width: number; height: number },
  size: string,
): Promise<{ top: number; bottom: number; viewTop: number; viewBottom: number }> {
  const page = await pageIn(lang, viewport);
  await openChat(page);
  await send(page, SAYS[lang].hello);
  await send(page, SAYS[lang].books);
  expect(
    await page.locator('#bsc-messages .bsc-msg--bot').last().locator('.bsc-card').count(),
  ).toBe(3);
  await settled(page);
  const answer = await placeInLog(page, '.bsc-msg--bot');
  const first = await placeInLog(page, '.bsc-msg__text');
  await page.screenshot({
    animations: 'disabled',
    path: `test-results/widget-window-books-${size}-${lang}.png`,
  });
  await page.close();
  expect(first.top, 'the answer begins in view').toBeGreaterThanOrEqual(first.viewTop - 1);
  expect(first.top + 20, 'its first line is in view').toBeLessThanOrEqual(first.viewBottom);
  if (answer.bottom - answer.top <= answer.viewBottom - answer.viewTop) {
    expect(answer.bottom, 'it fits, and all of it is in view').toBeLessThanOrEqual(
      answer.viewBottom + 1,
    );
  }
  return answer;
}

describe.each(CASES)('the chat window, $size, $lang', ({ size, viewport, lang, says }) => {
  it('keeps every header control inside the window', async () => {
    const page = await pageIn(lang, viewport);
    await openChat(page);
    await settled(page);
    expect(await controlFaults(page, '#bsc-dialog .bsc-header')).toEqual([]);
    expect(await page.locator('#bsc-dialog .bsc-header button').count()).toBe(3);
    await page.close();
  }, 90_000);

  it('shows a three-book answer from its first line', async () => {
    const answer = await threeBookAnswer(lang, viewport, size);
    if (size === 'desktop') {
      // The window is tall enough for such an answer and the question above it.
      expect(answer.bottom - answer.top).toBeLessThan(answer.viewBottom - answer.viewTop);
    }
  }, 90_000);

  it('lets the shopper close "Talk to a person", and keeps the newest messages in view', async () => {
    const page = await pageIn(lang, viewport);
    await openChat(page);
    await send(page, says.hello);
    await send(page, says.shipping);
    await expectNewestInView(page, 'before');

    await page.click('#bsc-person');
    const panel = page.locator('#bsc-person-panel');
    await panel.waitFor({ state: 'visible' });
    const close = panel.locator('.bsc-person__close');
    expect(await close.isVisible()).toBe(true);
    await settled(page);
    await page.screenshot({
      animations: 'disabled',
      path: `test-results/widget-window-person-open-${size}-${lang}.png`,
    });
    await expectNewestInView(page, 'with the form open');
    expect(await controlFaults(page, '#bsc-person-panel')).toEqual([]);
    expect(await controlFaults(page, '#bsc-dialog .bsc-header')).toEqual([]);

    await page.fill('#bsc-person-email', 'reader@example.com');
    await page.fill('#bsc-person-problem', 'My book arrived torn.');
    await page.click('.bsc-person__send');
    await page.waitForFunction(() =>
      /SR-\d{6}/.test(document.getElementById('bsc-person-status')?.textContent ?? ''),
    );
    // After sending: the reference and the team's hours in the window's language, and still a
    // way to close the panel.
    expect(await page.locator('#bsc-person-status').textContent()).toContain(HOURS[lang]);
    expect(await close.isVisible()).toBe(true);
    expect(await controlFaults(page, '#bsc-person-panel')).toEqual([]);
    await expectNewestInView(page, 'after sending');
    await page.screenshot({
      animations: 'disabled',
      path: `test-results/widget-window-person-sent-${size}-${lang}.png`,
    });

    await close.click();
    await panel.waitFor({ state: 'hidden' });
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('bsc-person');
    await expectNewestInView(page, 'after closing');

    // Esc inside the panel closes the panel, not the window.
    await page.click('#bsc-person');
    await panel.waitFor({ state: 'visible' });
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'hidden' });
    expect(await page.locator('#bsc-dialog').isVisible()).toBe(true);
    await page.close();
  }, 90_000);

  it('brings back quick replies, book cards and links after a reload', async () => {
    const page = await pageIn(lang, viewport);
    await openChat(page);
    for (const text of [says.hello, says.shipping, says.order, says.books, says.unknown]) {
      await send(page, text);
    }
    const before = await partsShown(page);
    expect(before.flatMap((a) => a.cards)).toHaveLength(3);
    expect(before.at(-1)!.links.length).toBeGreaterThan(0);
    expect(before.at(-1)!.chips.length).toBeGreaterThan(0);

    await page.reload();
    await openChat(page);
    await page.locator('#bsc-messages .bsc-msg--user').nth(4).waitFor();
    await page.waitForFunction(
      () => !document.querySelector('#bsc-messages')!.hasAttribute('aria-busy'),
    );
    expect(await partsShown(page)).toEqual(before);
    // Only the newest answer offers quick replies, as before the reload.
    expect(await page.locator('#bsc-messages .bsc-suggestions').count()).toBe(1);
    await expectNewestInView(page, 'after the reload');
    await page.screenshot({
      animations: 'disabled',
      path: `test-results/widget-window-reloaded-${size}-${lang}.png`,
    });
    // The start of the restored conversation too, for a person to look at.
    await page.locator('#bsc-messages').evaluate((log) => {
      log.scrollTop = 0;
    });
    await page.screenshot({
      animations: 'disabled',
      path: `test-results/widget-window-reloaded-start-${size}-${lang}.png`,
    });
    await page.close();
  }, 120_000);
});

// A laptop screen less the browser's bars: the window is shorter than such an answer.
describe.each(Object.keys(SAYS) as Lang[])('the chat window on a short screen, %s', (lang) => {
  it('scrolls an answer taller than the view to its first line, not its end', async () => {
    const answer = await threeBookAnswer(lang, { width: 1280, height: 600 }, 'short-desktop');
    expect(answer.bottom - answer.top).toBeGreaterThan(answer.viewBottom - answer.viewTop);
  }, 90_000);
});
