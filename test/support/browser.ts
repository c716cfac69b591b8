import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Debian's Chromium, headless; `npm test` installs it first (scripts/test-prereqs.sh). */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `${CHROMIUM} is missing: run scripts/test-prereqs.sh (apt-get install chromium)`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
}

/* ---------- The chat widget, as a shopper drives it ---------- */

/** Opens the chat window from the Help button. */
export async function openChat(page: Page): Promise<void> {
  await page.click('#bsc-launcher');
  await page.locator('#bsc-dialog').waitFor({ state: 'visible' });
}

/** Sends one message through the widget and waits for its complete answer. */
export async function send(page: Page, text: string): Promise<void> {
  const bots = page.locator('#bsc-messages .bsc-msg--bot');
  const before = await bots.count();
  await page.fill('#bsc-input', text);
  await page.keyboard.press('Enter');
  await bots.nth(before).waitFor();
  // Answers stream in: wait until this one is complete.
  await page.locator('#bsc-stop').waitFor({ state: 'hidden' });
}

/**
 * What is wrong with the conversation's layout, as sentences (none when it is right): a message
 * whose text spills out of its box, boxes that overlap, and the newest message out of view.
 */
export function layoutFaults(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    // Measure where things come to rest, not mid-way through an entrance animation.
    await Promise.all(
      document
        .getAnimations()
        .filter((a) => a.effect?.getComputedTiming().iterations !== Infinity)
        .map((a) => a.finished.catch(() => undefined)),
    );
    const faults: string[] = [];
    const log = document.querySelector('#bsc-messages')!;
    const name = (el: Element, i: number) =>
      `#${i} ${el.className} "${(el.textContent ?? '').slice(0, 30)}"`;
    const SLACK = 1;
    const msgs = Array.from(log.querySelectorAll('.bsc-msg')).filter(
      (el) => el.getClientRects().length > 0,
    );
    msgs.forEach((el, i) => {
      const box = el.getBoundingClientRect();
      if (el.scrollHeight > el.clientHeight + SLACK || el.scrollWidth > el.clientWidth + SLACK) {
        faults.push(
          `${name(el, i)}: content ${el.scrollWidth}x${el.scrollHeight} overflows its box ${el.clientWidth}x${el.clientHeight}`,
        );
      }
      // Every piece of its text is drawn inside the box.
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (!node.textContent?.trim()) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        const r = range.getBoundingClientRect();
        if (
          r.top < box.top - SLACK ||
          r.bottom > box.bottom + SLACK ||
          r.left < box.left - SLACK ||
          r.right > box.right + SLACK
        ) {
          faults.push(
            `${name(el, i)}: text at ${Math.round(r.top)}..${Math.round(r.bottom)} outside box ${Math.round(box.top)}..${Math.round(box.bottom)}`,
          );
        }
      }
    });
    // No two blocks of the conversation overlap (a block inside another is part of it).
    const blocks = Array.from(
      log.querySelectorAll('.bsc-msg, .bsc-feedback, .bsc-meta, .bsc-suggestions, .bsc-typing'),
    ).filter((el) => el.getClientRects().length > 0);
    for (let a = 0; a < blocks.length; a++) {
      for (let b = a + 1; b < blocks.length; b++) {
        const [x, y] = [blocks[a], blocks[b]];
        if (x.contains(y) || y.contains(x)) continue;
        const p = x.getBoundingClientRect();
        const q = y.getBoundingClientRect();
        const w = Math.min(p.right, q.right) - Math.max(p.left, q.left);
        const h = Math.min(p.bottom, q.bottom) - Math.max(p.top, q.top);
        if (w > SLACK && h > SLACK) {
          faults.push(`${name(x, a)} overlaps ${name(y, b)} by ${Math.round(w)}x${Math.round(h)}`);
        }
      }
    }
    // The newest message is in view: its bottom edge inside the visible part of the log.
    const last = msgs.at(-1);
    if (last) {
      const view = log.getBoundingClientRect();
      const r = last.getBoundingClientRect();
      if (r.bottom > view.bottom + SLACK || r.bottom < view.top) {
        faults.push(
          `newest message ends at ${Math.round(r.bottom)}, the log shows ${Math.round(view.top)}..${Math.round(view.bottom)}`,
        );
      }
    }
    return faults;
  });
}
