/// <reference lib="dom" />
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import pg from 'pg';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openChat, send } from '../support/browser.js';
import { addTestAgent, eventually } from '../support/desk.js';
import { createSchema } from '../support/postgres.js';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp.js';
import { startSystem, type RunningSystem } from '../support/system.js';

/* The support team's desk in Chromium: a shopper's chat ends in a request, an agent answers it. */

const PASSWORD = 'correct horse battery';
const DESKTOP = { width: 1360, height: 900 };
const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);
const FALLBACK_QUESTION =
  'Do you sell garden furniture? Write to kim.lee@example.net or call +1 415 555 0134';

let system: RunningSystem;
let browser: Browser;
let smtp: TestSmtpServer;
let schema: { url: string; drop(): Promise<void> };

beforeAll(async () => {
  smtp = await startSmtpServer();
  schema = await createSchema();
  system = await startSystem({
    gateway: {
      DATABASE_URL: schema.url,
      DATABASE_POOL_SIZE: '3',
      SMTP_URL: smtp.url,
      SUPPORT_EMAIL: 'help@chapter-verse.example',
      SUPPORT_RETRY_INTERVAL_MS: '200',
    },
  });
  await addTestAgent(schema.url, 'ana@bookstore.example', 'Ana Lima', PASSWORD);
  browser = await launchChromium();
  mkdirSync('test-results', { recursive: true });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await system?.close();
  await schema?.drop();
  await smtp?.close();
});

const cspViolations: string[] = [];
afterEach(() => {
  // The desk runs under the store page's strict Content-Security-Policy.
  expect(cspViolations.splice(0)).toEqual([]);
});

async function open(path: string): Promise<Page> {
  const page = await browser.newPage({ viewport: DESKTOP });
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) cspViolations.push(m.text());
  });
  await page.goto(system.gatewayUrl + path);
  return page;
}

async function seriousViolations(page: Page): Promise<string[]> {
  // Run through the DevTools protocol: the page's CSP allows no inline script.
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run(
            ctx: unknown,
            opts: unknown,
          ): Promise<{
            violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }>;
          }>;
        };
      }
    ).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

async function signIn(page: Page): Promise<void> {
  await page.getByLabel('Email').fill('ana@bookstore.example');
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Open requests' }).waitFor();
}

describe('the desk in Chromium', () => {
  it('signs in, reads the transcript of a chat that asked for a person, replies by mail and closes it', async () => {
    // A shopper asks for a person in the widget and leaves a request.
    const shopper = await open('/');
    await openChat(shopper);
    for (const text of [
      'How long does shipping take?',
      'Can I talk to a human please',
      'Contact the support team',
      'sam@example.com',
      'My parcel arrived soaked',
    ]) {
      await send(shopper, text);
    }
    const confirmation = await shopper.locator('#bsc-messages .bsc-msg--bot').last().innerText();
    const reference = /SR-\d{6}/.exec(confirmation)![0];
    await shopper.close();

    const page = await open('/desk');
    await page.getByRole('heading', { name: 'Sign in to the support desk' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: 'test-results/desk-sign-in.png' });

    // A wrong password is told, and lets nobody in.
    await page.getByLabel('Email').fill('ana@bookstore.example');
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'Wrong email or password.' }).waitFor();

    await signIn(page);
    const row = page.locator('#requests-body tr').first();
    expect(await row.locator('th').innerText()).toBe(reference);
    expect(await row.locator('td').allInnerTexts()).toEqual([
      'sam@example.com',
      'My parcel arrived soaked',
      '—',
      'English',
      'just now',
    ]);

    await page.getByRole('button', { name: `Open request ${reference}` }).click();
    await page.getByRole('heading', { name: `${reference}: sam@example.com` }).waitFor();
    const shopperLines = await page
      .locator('#request-transcript .line--shopper .line__text')
      .allInnerTexts();
    expect(shopperLines).toEqual([
      'How long does shipping take?',
      'Can I talk to a human please',
      'Contact the support team',
      'sam@example.com',
    ]);
    expect(
      await page.locator('#request-transcript .line--bot .line__text').first().innerText(),
    ).toBe('Standard shipping takes 5-7 business days. Express shipping is 2-3 business days.');
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: 'test-results/desk-request.png', fullPage: true });

    const mails = smtp.received.length;
    await page.getByLabel('Reply').fill('Sorry about that, Sam. A new copy ships today.');
    await page.getByRole('button', { name: 'Send reply' }).click();
    await page.getByRole('status').filter({ hasText: 'Reply sent to the shopper.' }).waitFor();
    await eventually(() =>
      smtp.received.slice(mails).some((m) => m.to.includes('sam@example.com')),
    );
    const mail = smtp.received.slice(mails).find((m) => m.to.includes('sam@example.com'))!;
    expect(mail.from).toBe('help@chapter-verse.example');
    expect(mail.text).toContain('Sorry about that, Sam. A new copy ships today.');
    expect(mail.text).toContain(`Re: Support request ${reference}`);
    await page.locator('#request-replies li').first().waitFor();

    await page.getByRole('button', { name: 'Close request' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Request ${reference} closed.` })
      .waitFor();
    expect(await page.locator('#requests-body').innerText()).not.toContain(reference);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    const after = await page.evaluate(async () => (await fetch('/api/desk/requests')).status);
    expect(after).toBe(401);
  }, 120_000);

  it('shows a fallback question with its email and phone number masked, and keeps no unmasked copy', async () => {
    const shopper = await open('/');
    await openChat(shopper);
    await send(shopper, FALLBACK_QUESTION);
    await shopper.close();

    const page = await open('/desk');
    await signIn(page);
    await page.getByRole('button', { name: /Not answered/ }).click();
    const group = page.locator('#unanswered-list .group').filter({ hasText: 'garden furniture' });
    await eventually(async () => {
      await page.getByRole('button', { name: /Not answered/ }).click();
      return (await group.count()) === 1;
    });
    expect(await group.locator('.group__question').innerText()).toBe(
      'Do you sell garden furniture? Write to [email] or call [phone]',
    );
    expect(await page.locator('main').innerText()).not.toContain('kim.lee');
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: 'test-results/desk-unanswered.png', fullPage: true });

    const db = new pg.Client({ connectionString: schema.url });
    await db.connect();
    try {
      const rows = (await db.query('SELECT * FROM desk_items')).rows;
      expect(rows.length).toBeGreaterThan(0);
      expect(JSON.stringify(rows)).not.toMatch(/kim\.lee|555 0134/);
    } finally {
      await db.end();
    }

    await group.getByRole('button', { name: /Mark done/ }).click();
    await page.getByRole('status').filter({ hasText: 'Group marked done.' }).waitFor();
    expect(await group.count()).toBe(0);
  }, 60_000);

  it('lays out on a phone too, with no serious axe violation', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${system.gatewayUrl}/desk`);
    await signIn(page);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: 'test-results/desk-phone.png', fullPage: true });
  }, 60_000);
});
