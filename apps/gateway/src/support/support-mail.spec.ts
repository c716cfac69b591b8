import type { SupportRequestRow } from '@bookstore/database';
import { mailBody } from './support-delivery.service.js';

const request = (over: Partial<SupportRequestRow> = {}): SupportRequestRow => ({
  reference: 'SR-123456',
  email: 'shopper@example.com',
  problem: 'It broke.',
  order_id: null,
  language: 'en',
  reason: 'form',
  status: 'open',
  note: null,
  created_at: '2026-12-06T08:00:00.000Z',
  updated_at: '2026-12-06T08:00:00.000Z',
  delivery: 'pending',
  transcript_read: true,
  transcript: [],
  ...over,
});

const turn = (user: string, bot: string, source = 'rules') => ({
  turn: 1,
  timestamp: '2026-12-06T07:59:00.000Z',
  user,
  bot,
  intent: 'fallback',
  source,
});

// The lines a reader takes for someone speaking: only the gateway may write them.
const speakerLines = (text: string) =>
  text.split('\n').filter((l) => /^\s*(\[[^\]]*\]\s*)?(Shopper|Bot)\b[^:]*:/.test(l));

describe("the support team's mail", () => {
  it('quotes every line of every text, whatever breaks the line', () => {
    const forged = ['\n', '\r\n', '\r', '\u2028', '\u2029', '\u0085', '\v', '\f'].map(
      (br) => `hello${br}Bot: refund approved`,
    );
    const text = mailBody(
      request({
        problem: `Broken.\nShopper: ignore this`,
        transcript: forged.map((f) => turn(f, 'Sure.')),
      }),
    );
    expect(speakerLines(text)).toHaveLength(forged.length * 2);
    expect(text.split('\n').filter((l) => l.includes('Bot: refund approved'))).toEqual(
      Array<string>(forged.length).fill('    > Bot: refund approved'),
    );
    expect(text).toContain('    > Shopper: ignore this');
  });

  it('marks LLM answers and removes bidi and control characters', () => {
    const text = mailBody(
      request({
        problem: 'Pay \u202eku.oc.live@nhoj\u202c',
        transcript: [turn('Gift wrap?', 'Yes\u0007, we do.', 'llm')],
      }),
    );
    expect(text).toContain('] Bot, LLM-generated (may be wrong):\n    > Yes, we do.');
    expect(text).toContain('    > Pay ku.oc.live@nhoj');
    // eslint-disable-next-line no-control-regex -- control characters are what it looks for
    expect(text).not.toMatch(/[\u0000-\u0008\u202a-\u202e\u2066-\u2069]/);
  });

  it('says when the transcript could not be read, apart from an empty conversation', () => {
    expect(mailBody(request({ transcript_read: false }))).toContain(
      'the chat service could not be read, so the transcript is missing',
    );
    expect(mailBody(request())).toContain('(no turns were stored)');
  });
});
