// The work every reference does per request, kept equal across them: read the JSON body, pick a
// canned answer, store the turn with one pipelined Redis write, answer JSON.
import { Redis } from 'ioredis';

const PAYMENT = 'We accept Visa, Mastercard, American Express, and PayPal.';
const FALLBACK = "I'm not sure about that. Please contact support@bookstore.com for assistance.";
const SESSION_ID = /^[A-Za-z0-9_-]{8,64}$/;

export const config = {
  port: Number(process.env.PORT ?? 5201),
  host: process.env.HOST ?? '127.0.0.1',
  prefix: process.env.SESSION_KEY_PREFIX ?? 'bench:ref:',
  maxTurns: 100,
  ttlSeconds: 86_400,
};

export const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379/0');

/** Returns [status, body] for a parsed request body. */
export async function chatTurn(body) {
  const message = typeof body?.message === 'string' ? body.message.trim() : '';
  const sessionId = body?.session_id ?? 'anonymous';
  if (!message || message.length > 2000 || !SESSION_ID.test(sessionId)) {
    return [400, { statusCode: 400, error: 'Bad Request', message: 'invalid chat request' }];
  }
  const response = /\bpay/i.test(message) ? PAYMENT : FALLBACK;
  const key = config.prefix + sessionId;
  const turn = JSON.stringify({
    timestamp: new Date().toISOString(),
    user: message,
    bot: response,
  });
  // One round trip: append, cap, refresh the expiry.
  await redis
    .pipeline()
    .rpush(key, turn)
    .ltrim(key, -config.maxTurns, -1)
    .expire(key, config.ttlSeconds)
    .exec();
  return [200, { response, session_id: sessionId }];
}

export function onShutdown(server) {
  const stop = () => server.close(() => (redis.disconnect(), process.exit(0)));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
