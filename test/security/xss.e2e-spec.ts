/// <reference lib="dom" />
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/browser.js';
import { startFakeOpenAi, type FakeOpenAi, type RecordedRequest } from '../support/fake-openai.js';
import { startSystem, type RunningSystem } from '../support/system.js';

/*
 * Markup, scripts and links typed by a shopper, and the same coming back from the LLM, shown by the
 * real widget in Chromium: every one must be shown as the literal text it is, create no element,
 * run no script, open no dialog and load nothing from anywhere but the store.
 */

const NO_RATE_LIMIT = { RATE_LIMIT_PER_MINUTE: '0' };

// Where possible a payload sets window.__xss (checked after each one) rather than opening a dialog.
const PAYLOADS = [
  // Tags and event handlers
  '<script>window.__xss=1</script>',
  '<img src=x onerror="window.__xss=2">',
  '<svg onload="window.__xss=3"></svg>',
  '<svg><script>window.__xss=4</script></svg>',
  '<body onload="window.__xss=5">',
  '<div onmouseover="window.__xss=6" style="position:fixed;inset:0">hover</div>',
  '<input autofocus onfocus="window.__xss=7">',
  '<details open ontoggle="window.__xss=8">',
  '<video><source onerror="window.__xss=9"></video>',
  '<svg><animate onbegin="window.__xss=10" attributeName=x dur=1s>',
  '<xss id=x tabindex=1 onfocus="window.__xss=11"></xss>',
  '"><script>window.__xss=12</script>',
  "';window.__xss=13;//",
  '<scr<script>ipt>window.__xss=14</scr</script>ipt>',
  '<IMG SRC=JaVaScRiPt:window.__xss=15>',
  '<template><img src=x onerror="window.__xss=16"></template>',
  // Frames, objects, javascript: and data: URLs
  '<iframe src="javascript:parent.__xss=17"></iframe>',
  '<iframe srcdoc="<script>parent.__xss=18</script>"></iframe>',
  '<a href="javascript:window.__xss=19">click me</a>',
  'javascript:window.__xss=20',
  '<object data="javascript:window.__xss=21"></object>',
  '<embed src="javascript:window.__xss=22">',
  '<form action="javascript:window.__xss=23"><button>go</button></form>',
  'data:text/html,<script>window.__xss=24</script>',
  // Mutation XSS: markup that changes meaning when re-parsed
  '<math><mtext><table><mglyph><style><img src=x onerror="window.__xss=25">',
  '<noscript><p title="</noscript><img src=x onerror=window.__xss=26>">',
  // Encoded forms: HTML entities, URL encoding, escapes, full-width brackets, bidi override
  '&lt;img src=x onerror=window.__xss=27&gt;',
  '&#60;script&#62;window.__xss=28&#60;/script&#62;',
  '<img src=x onerror="&#119;indow.__xss=29">',
  '<a href="&#106;avascript:window.__xss=30">x</a>',
  '%3Cscript%3Ewindow.__xss%3D31%3C%2Fscript%3E',
  '\\u003cimg src=x onerror=window.__xss=32\\u003e',
  '＜script＞window.__xss=33＜/script＞',
  '\u202e<img src=x onerror="window.__xss=34">',
  // Markdown that a renderer would turn into images and links
  '![x](javascript:window.__xss=35)',
  '![x](https://evil.example/x.png)',
  '[click](javascript:window.__xss=37)',
  '<img src="https://evil.example/pixel.gif">',
  // CSS, meta refresh, base
  '<div style="width:expression(window.__xss=39)">css</div>',
  "<style>@import 'https://evil.example/x.css';</style>",
  '<link rel=stylesheet href="https://evil.example/y.css">',
  '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
  '<base href="https://evil.example/">',
  // Template injection
  "{{constructor.constructor('window.__xss=44')()}}",
  '${window.__xss=45}',
  '<%= window.__xss=46 %>',
];

// The only elements the widget itself puts in the conversation log.
const WIDGET_ELEMENTS = [
  'div.bsc-entry',
  'div.bsc-meta',
  'time.bsc-time',
  'button.bsc-retry',
  'div.bsc-suggestions',
  'button.bsc-chip',
  'ul.bsc-cards',
  'li.bsc-cards__item',
  'a.bsc-card',
  'div.bsc-card',
  'span.bsc-card__title',
  'span.bsc-card__author',
  'span.bsc-card__details',
  'ul.bsc-links',
  'li.bsc-links__item',
  'a.bsc-link',
  'span.bsc-link__label',
  'div.bsc-msg',
  'span.bsc-msg__text',
  'span.bsc-stopped-note',
  'div.bsc-feedback',
  'button.bsc-rate',
  'svg.bsc-rate__icon',
  'svg.bsc-rate__icon path',
  'span.bsc-rate-error',
  'div#bsc-typing',
  'div#bsc-typing span.bsc-typing__dot',
].join(', ');
const DANGEROUS = 'img, script, iframe, svg, a, meta, object, embed, link, style, base, form';

let fake: FakeOpenAi;
let system: RunningSystem;
let browser: Browser;
let gatewayOrigin: string;

/** The model echoes the shopper's last message: the payload comes back as the bot's answer. */
function echo(request: RecordedRequest): string {
  const messages = request.body?.messages ?? [];
  return messages.filter((m) => m.role === 'user').at(-1)?.content ?? '';
}

beforeAll(async () => {
  fake = await startFakeOpenAi({ reply: echo });
  system = await startSystem({
    chatbot: { ...NO_RATE_LIMIT, LLM_BACKEND: 'ollama', OLLAMA_URL: fake.url },
    gateway: NO_RATE_LIMIT,
  });
  gatewayOrigin = new URL(system.gatewayUrl).origin;
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await system?.close();
  await fake?.close();
});

interface Watch {
  dialogs: string[];
  foreign: string[];
  navigations: string[];
}

/**
 * A page of the store with everything a payload could do recorded: dialogs, requests to any other
 * origin (never let out), navigations, and Content-Security-Policy violations (markup that became an
 * element and was only stopped by the CSP is a failure of the widget all the same).
 */
async function watchedPage(): Promise<{ page: Page; watch: Watch }> {
  const watch: Watch = { dialogs: [], foreign: [], navigations: [] };
  const page = await browser.newPage();
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      w.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`);
    });
  });
  page.on('dialog', (d) => {
    watch.dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss().catch(() => undefined);
  });
  // Anything not from the store is recorded and never leaves the browser.
  await page.route('**/*', async (route) => {
    const url = route.request().url();
    let origin = 'opaque';
    try {
      origin = new URL(url).origin;
    } catch {
      // an unparsable URL is foreign too
    }
    if (origin === gatewayOrigin) return route.continue();
    watch.foreign.push(url);
    return route.abort();
  });
  await page.goto(system.gatewayUrl);
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) watch.navigations.push(frame.url());
  });
  return { page, watch };
}

/** Everything that should never happen: a script ran, a dialog opened, something loaded or left. */
async function incidents(page: Page, watch: Watch): Promise<string[]> {
  const inPage = await page.evaluate(() => {
    const w = window as unknown as { __xss?: unknown; __csp?: string[] };
    return [
      ...(w.__xss === undefined ? [] : [`window.__xss = ${JSON.stringify(w.__xss)}`]),
      ...(w.__csp ?? []).map((v) => `CSP violation: ${v}`),
    ];
  });
  return [
    ...inPage,
    ...watch.dialogs.map((d) => `dialog ${d}`),
    ...watch.foreign.map((u) => `request to ${u}`),
    ...watch.navigations.map((u) => `navigated to ${u}`),
  ];
}

/** Sends one message through the widget and waits for its complete answer. */
async function send(page: Page, text: string): Promise<void> {
  const bots = page.locator('#bsc-messages .bsc-msg--bot');
  const before = await bots.count();
  await page.fill('#bsc-input', text);
  await page.keyboard.press('Enter');
  await bots.nth(before).waitFor();
  await page.locator('#bsc-stop').waitFor({ state: 'hidden' });
}

/** What the log holds that the widget did not make, and any element a payload could have made. */
async function strangers(page: Page): Promise<string[]> {
  return page.evaluate(
    ({ allowed, dangerous, origin }) => {
      const log = document.querySelector('#bsc-messages')!;
      const found = new Set<string>();
      const describe = (el: Element) =>
        `<${el.tagName.toLowerCase()}${Array.from(el.attributes)
          .map((a) => ` ${a.name}="${a.value}"`)
          .join('')}>`;
      for (const el of Array.from(log.querySelectorAll('*'))) {
        if (!el.matches(allowed)) found.add(`not the widget's: ${describe(el)}`);
      }
      // The widget's own links go only to the store or to a mailto: address.
      const ownLink = (el: Element) =>
        el.matches('a.bsc-card, a.bsc-link') &&
        (el.getAttribute('href')!.startsWith(`${origin}/`) ||
          /^mailto:[^:]+$/.test(el.getAttribute('href')!));
      for (const el of Array.from(log.querySelectorAll(dangerous))) {
        if (!el.matches('svg.bsc-rate__icon') && !ownLink(el)) {
          found.add(`dangerous: ${describe(el)}`);
        }
      }
      // Nothing anywhere on the page that a payload could have slipped in.
      for (const el of Array.from(
        document.querySelectorAll('iframe, object, embed, base, meta[http-equiv], frame'),
      )) {
        found.add(`on the page: ${describe(el)}`);
      }
      return [...found];
    },
    { allowed: WIDGET_ELEMENTS, dangerous: DANGEROUS, origin: gatewayOrigin },
  );
}

describe('XSS payloads in the chat widget (Chromium)', () => {
  it(`shows ${PAYLOADS.length} payloads as text, typed by the shopper and echoed by the LLM`, async () => {
    expect(PAYLOADS.length).toBeGreaterThanOrEqual(30);
    const { page, watch } = await watchedPage();
    const scriptsBefore = await page.locator('script').count();
    await page.click('#bsc-launcher');
    const echoed: string[] = [];
    const byRules: string[] = [];

    for (const payload of PAYLOADS) {
      const asked = fake.requests.length;
      await send(page, payload);

      const user = page.locator('#bsc-messages .bsc-msg--user').last();
      expect(await user.textContent(), payload).toBe(payload);
      const bot = page.locator('#bsc-messages .bsc-msg--bot').last();
      const botText = (await bot.textContent()) ?? '';
      const reachedLlm = fake.requests.slice(asked).some((r) => echo(r) === payload);
      if (reachedLlm) {
        echoed.push(payload);
        expect(botText, payload).toContain(payload);
        expect(await bot.locator('.bsc-msg__text').textContent(), payload).toBe(payload);
      } else {
        byRules.push(payload);
        expect(botText.length, payload).toBeGreaterThan(0);
      }
      expect(await strangers(page), payload).toEqual([]);
      expect(await incidents(page, watch), payload).toEqual([]);
    }

    // Give late handlers (onerror, onload, meta refresh, animations) time to fire.
    await page.mouse.move(300, 300);
    await page.waitForTimeout(1_200);
    expect(await strangers(page)).toEqual([]);
    expect(await incidents(page, watch)).toEqual([]);
    expect(await page.locator('script').count()).toBe(scriptsBefore);
    expect(page.url()).toBe(`${system.gatewayUrl}/`);
    console.log(
      `xss: ${PAYLOADS.length} payloads, ${echoed.length} echoed by the LLM, ${byRules.length} answered by the rules`,
    );
    // Most payloads went all the way to the model and came back as its answer.
    expect(
      echoed.length,
      `answered by the rules instead: ${JSON.stringify(byRules)}`,
    ).toBeGreaterThanOrEqual(PAYLOADS.length - 5);

    // The conversation restored from the server after a reload takes another path into the page.
    await page.reload();
    watch.navigations.length = 0; // our own
    await page.click('#bsc-launcher');
    const restored = page.locator('#bsc-messages .bsc-msg--user');
    await restored.nth(PAYLOADS.length - 1).waitFor();
    expect(await restored.allTextContents()).toEqual(PAYLOADS);
    const restoredBots = await page
      .locator('#bsc-messages .bsc-msg--bot:not(.bsc-msg--welcome)')
      .allTextContents();
    for (const payload of echoed) expect(restoredBots).toContain(payload);
    await page.waitForTimeout(800);
    expect(await strangers(page)).toEqual([]);
    expect(await incidents(page, watch)).toEqual([]);
    await page.close();
  }, 120_000);

  it('the checks notice markup rendered as HTML, and what it tries to run or load', async () => {
    // The same checks on a bubble filled through innerHTML on purpose: they must report it.
    const { page, watch } = await watchedPage();
    await page.click('#bsc-launcher');
    expect(await incidents(page, watch)).toEqual([]);
    await page.evaluate((html) => {
      const div = document.createElement('div');
      div.className = 'bsc-msg bsc-msg--bot';
      div.innerHTML = html;
      document.querySelector('#bsc-messages')!.appendChild(div);
    }, '<img src="https://evil.example/pixel.gif" onerror="window.__xss=1">');
    await expect.poll(async () => (await incidents(page, watch)).length).toBeGreaterThan(0);
    expect(await strangers(page)).toEqual([
      expect.stringMatching(/^not the widget's: <img/),
      expect.stringMatching(/^dangerous: <img/),
    ]);
    await page.close();
  });
});
