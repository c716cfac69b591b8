import { closedPort } from '../support/http-server.js';
import { json } from '../support/http.js';
import { startChatbot, startGateway } from '../support/system.js';

describe('readiness names what is down, never where it lives', () => {
  it('on the gateway, with the chatbot unreachable', async () => {
    const port = await closedPort();
    const gw = await startGateway({ CHAT_SERVICE_URL: `http://127.0.0.1:${port}` });
    try {
      const ready = await json(`${gw.url}/health/ready`);
      expect(ready.status).toBe(503);
      expect(ready.body.message).toMatch(/^Not ready: chatbot is down/);
      const text = JSON.stringify(ready.body);
      expect(text).not.toContain('127.0.0.1');
      expect(text).not.toContain(String(port));
    } finally {
      await gw.app.close();
    }
  });

  it('on the chatbot, with Redis unreachable', async () => {
    const port = await closedPort();
    const bot = await startChatbot({ REDIS_URL: `redis://127.0.0.1:${port}` });
    try {
      const ready = await json(`${bot.url}/health/ready`);
      expect(ready.status).toBe(503);
      expect(ready.body.message).toMatch(/^Not ready: redis is down/);
      const text = JSON.stringify(ready.body);
      expect(text).not.toContain('127.0.0.1');
      expect(text).not.toContain(String(port));
    } finally {
      await bot.app.close();
    }
  });
});
