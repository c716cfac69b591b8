import { createHmac, timingSafeEqual } from 'node:crypto';

/** The headers a help desk checks: `X-Signature: sha256=<hex>` over `<timestamp>.<body>`. */
export const SIGNATURE_HEADER = 'x-signature';
export const TIMESTAMP_HEADER = 'x-signature-timestamp';

/**
 * HMAC-SHA256 of `<unix seconds>.<raw body>` with the shared secret. The timestamp is signed too,
 * so a receiver can refuse an old delivery replayed by someone who recorded it.
 */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** What a receiver does (the tests' receiver does exactly this). */
export function verifyWebhook(
  secret: string,
  timestamp: string | undefined,
  body: string,
  signature: string | undefined,
): boolean {
  if (!timestamp || !signature || !/^\d{1,12}$/.test(timestamp)) return false;
  const expected = Buffer.from(signWebhook(secret, Number(timestamp), body));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
