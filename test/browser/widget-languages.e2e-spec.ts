/// <reference lib="dom" />
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openChat, send } from '../support/browser.js';
import { startSystem, type RunningSystem } from '../support/system.js';

/*
 * The widget speaks the page's language (issue #16): a French page gets a French window and a
 * French conversation; on an English page, a shopper who writes in Spanish switches it to Spanish.
 */

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

/** A page of the shop's site in `lang` that embeds the widget, served at the gateway's origin. */
async function pageIn(lang: string, locale = 'en-US'): Promise<Page> {
  const context = await browser.newContext({ locale });
  const page = await context.newPage();
  const url = `${system.gatewayUrl}/page-${lang}.html`;
  await page.route(url, (route) =>
    route.fulfill({
      contentType: 'text/html; charset=utf-8',
      body:
        `<!doctype html><html lang="${lang}"><head><title>Chapter &amp; Verse</title></head>` +
        '<body><main><h1>Chapter &amp; Verse</h1></main>' +
        `<script src="${system.gatewayUrl}/widget.js" defer></script></body></html>`,
    }),
  );
  await page.goto(url);
  return page;
}

const bots = (page: Page) => page.locator('#bsc-messages .bsc-msg--bot');

describe('the widget in the page language', () => {
  it('is in French on a French page, and answers a French conversation in French', async () => {
    const page = await pageIn('fr');
    await page.locator('.bsc-launcher__label').waitFor();
    expect(await page.textContent('.bsc-launcher__label')).toBe('Aide');
    await openChat(page);
    expect(await page.textContent('#bsc-title')).toBe('Service client');
    expect(await page.getAttribute('#bsc-input', 'placeholder')).toBe('Écrivez votre message...');
    expect(await page.textContent('#bsc-send')).toBe('Envoyer');
    expect(await page.textContent('#bsc-person')).toBe('Parler à une personne');
    expect(await bots(page).first().textContent()).toMatch(/^Bonjour ! Je suis l’assistant/);

    await send(page, 'Bonjour, je voudrais retourner un livre');
    expect(await bots(page).nth(1).textContent()).toMatch(/retourner un livre pendant 30 jours/);
    await send(page, 'Vous faites des paquets cadeaux ?');
    expect(await bots(page).nth(2).textContent()).toMatch(/Le paquet cadeau coûte 3,99/);
    expect(await page.locator('.bsc-links a').last().textContent()).toBe('Paquet cadeau');
    await send(page, 'Où en est ma commande 123456 ?');
    expect(await bots(page).nth(3).textContent()).toMatch(/Votre commande n° 123456 est expédiée/);
    await page.screenshot({ animations: 'disabled', path: 'test-results/widget-french.png' });
    await page.context().close();
  });

  it('follows the browser language when the page has none we speak', async () => {
    const page = await pageIn('it', 'de-DE');
    await openChat(page);
    expect(await page.textContent('#bsc-title')).toBe('Kundenservice');
    await page.context().close();
  });

  it('switches an English window to Spanish when the shopper writes in Spanish', async () => {
    const page = await pageIn('en');
    await openChat(page);
    expect(await page.getAttribute('#bsc-input', 'placeholder')).toBe('Type your message...');
    await send(page, '¿Cuánto tarda el envío a México?');
    expect(await bots(page).nth(1).textContent()).toMatch(/días hábiles/);
    expect(await page.getAttribute('#bsc-input', 'placeholder')).toBe('Escribe tu mensaje...');
    expect(await page.textContent('#bsc-send')).toBe('Enviar');
    expect(await page.getAttribute('#bsc-root', 'lang')).toBe('es');
    await page.context().close();
  });
});
