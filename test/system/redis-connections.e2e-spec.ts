import { randomUUID } from 'node:crypto';
import { startChatbot } from '../support/system.js';
import { dropPrefix, REDIS_URL, testPrefix, withRedis } from '../support/redis.js';

/** How many connections Redis holds under a client name. */
function connectionsNamed(name: string): Promise<number> {
  return withRedis(async (redis) => {
    const list = (await redis.call('CLIENT', 'LIST')) as string;
    return list.split('\n').filter((line) => line.split(' ').includes(`name=${name}`)).length;
  });
}

describe('the chatbot and Redis', () => {
  it('opens one connection for conversations and rate limits, and closes it on shutdown', async () => {
    const name = `chatbot-test-${randomUUID().slice(0, 8)}`;
    const prefix = testPrefix('one-connection');
    const chatbot = await startChatbot({
      REDIS_URL,
      REDIS_CLIENT_NAME: name,
      SESSION_KEY_PREFIX: prefix,
      // On, so the limiter counts in Redis as well as the conversations living there.
      RATE_LIMIT_PER_MINUTE: '100',
    });
    try {
      const res = await fetch(`${chatbot.url}/chat`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ message: 'Hi' }),
      });
      expect(res.status).toBe(200);
      expect(await connectionsNamed(name)).toBe(1);
    } finally {
      await chatbot.app.close();
      await dropPrefix(prefix);
    }
    // Closed once, by its owner: nothing of the chatbot's stays behind.
    await new Promise((r) => setTimeout(r, 100));
    expect(await connectionsNamed(name)).toBe(0);
  });
});
