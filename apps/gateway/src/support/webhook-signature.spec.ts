import { createHmac } from 'node:crypto';
import { signWebhook, verifyWebhook } from './webhook-signature.js';

const SECRET = 'webhook-secret-0123456789';
const BODY = '{"event":"support_request.created","request":{"reference":"SR-482913"}}';

describe('webhook signature', () => {
  it('is the documented HMAC-SHA256 of "<timestamp>.<body>"', () => {
    const expected = createHmac('sha256', SECRET).update(`1764355200.${BODY}`).digest('hex');
    expect(signWebhook(SECRET, 1764355200, BODY)).toBe(`sha256=${expected}`);
  });

  it('verifies only the same secret, body and timestamp', () => {
    const signature = signWebhook(SECRET, 1764355200, BODY);
    expect(verifyWebhook(SECRET, '1764355200', BODY, signature)).toBe(true);
    expect(verifyWebhook('another-secret-0123456789', '1764355200', BODY, signature)).toBe(false);
    expect(verifyWebhook(SECRET, '1764355201', BODY, signature)).toBe(false);
    expect(verifyWebhook(SECRET, '1764355200', BODY.replace('482913', '482914'), signature)).toBe(
      false,
    );
    expect(verifyWebhook(SECRET, undefined, BODY, signature)).toBe(false);
    expect(verifyWebhook(SECRET, '1764355200', BODY, undefined)).toBe(false);
    expect(verifyWebhook(SECRET, '1764355200', BODY, 'sha256=00')).toBe(false);
  });
});
