/// <reference lib="dom" />
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/browser.js';
import { startSystem, type RunningSystem } from '../support/system.js';

const TOKEN = 'agent-token-0123456789';

let system: RunningSystem;
let browser: Browser;

beforeAll(async () => {
  system = await startSystem({ gateway: { SUPPORT_API_TOKEN: TOKEN } });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await system?.close();
});

const cspViolations: string[] = [];
afterEach(() => {
  expect(cspViolations).toEqual([]);
});

async function openWidget(): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) cspViolations.push(m.text());
  });
  await page.goto(system.gatewayUrl + '/');
  await page.locator('#bsc-launcher').click();
  await page.locator('#bsc-dialog').waitFor({ state: 'visible' });
  return page;
}

async function requests(): Promise<Array<Record<string, unknown>>> {
  const res = await fetch(`${system.gatewayUrl}/api/support/requests`, {
    headers: { authorization: `Bearer ${TOKEN}` },
  });
  return ((await res.json()) as { items: Array<Record<string, unknown>> }).items;
}

describe('"Talk to a person" in the widget header', () => {
  it('creates a support request with the conversation and shows its reference', async () => {
    const page = await openWidget();
    await page.fill('#bsc-input', 'How long does shipping take?');
    await page.keyboard.press('Enter');
    await page.locator('#bsc-messages .bsc-msg--bot').last().waitFor();
    await page.locator('#bsc-stop').waitFor({ state: 'hidden' });

    const button = page.locator('#bsc-person');
    expect(await button.textContent()).toBe('Talk to a person');
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    await button.click();
    await page.locator('#bsc-person-panel').waitFor({ state: 'visible' });
    expect(await button.getAttribute('aria-expanded')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('bsc-person-email');

    // The server's own validation message, shown as text.
    await page.fill('#bsc-person-email', 'not-an-email');
    await page.fill('#bsc-person-problem', 'My book <img src=x onerror=alert(1)> arrived torn.');
    await page.click('.bsc-person__send');
    const status = page.locator('#bsc-person-status');
    await page.waitForFunction(() =>
      /email must be an email address/.test(
        document.getElementById('bsc-person-status')?.textContent ?? '',
      ),
    );

    await page.fill('#bsc-person-email', 'reader@example.com');
    await page.click('.bsc-person__send');
    await page.waitForFunction(() =>
      /Your reference is SR-\d{6}/.test(
        document.getElementById('bsc-person-status')?.textContent ?? '',
      ),
    );
    const text = (await status.textContent())!;
    expect(text).toMatch(
      /^Thanks! Your reference is SR-\d{6}\. Our support team answers Monday to Friday, 9 am to 5 pm Eastern, within 1 business day\.$/,
    );
    expect(await page.locator('#bsc-person-panel img').count()).toBe(0);
    expect(await page.locator('.bsc-person__form').isVisible()).toBe(false);

    const reference = /SR-\d{6}/.exec(text)![0];
    const stored = (await requests()).find((r) => r.reference === reference);
    expect(stored).toMatchObject({
      email: 'reader@example.com',
      problem: 'My book <img src=x onerror=alert(1)> arrived torn.',
      reason: 'form',
    });
    expect((stored!.transcript as Array<{ user: string }>).map((t) => t.user)).toEqual([
      'How long does shipping take?',
    ]);
    await page.close();
  });

  it('works before any message, and Cancel closes it', async () => {
    const page = await openWidget();
    await page.locator('#bsc-person').click();
    await page.locator('.bsc-person__cancel').click();
    await page.locator('#bsc-person-panel').waitFor({ state: 'hidden' });
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('bsc-person');

    await page.locator('#bsc-person').click();
    await page.fill('#bsc-person-email', 'first@example.com');
    await page.fill('#bsc-person-problem', 'A question before chatting.');
    await page.click('.bsc-person__send');
    await page.waitForFunction(() =>
      /Your reference is SR-\d{6}/.test(
        document.getElementById('bsc-person-status')?.textContent ?? '',
      ),
    );
    const reference = /SR-\d{6}/.exec(
      (await page.locator('#bsc-person-status').textContent())!,
    )![0];
    expect((await requests()).find((r) => r.reference === reference)).toMatchObject({
      email: 'first@example.com',
      transcript: [],
    });
    await page.close();
  });
});
