import { json } from '../support/http.js';
import { startChatbot, startGateway } from '../support/system.js';

describe('graceful shutdown', () => {
  it.each([
    ['chatbot', startChatbot],
    ['gateway', startGateway],
  ] as const)(
    'the %s reports draining at once and keeps serving through the grace period',
    async (_name, start) => {
      const app = await start({ SHUTDOWN_GRACE_MS: '800' });
      // (The gateway alone is not ready, since no chatbot answers; it is not draining either.)
      expect(String((await json(`${app.url}/health/ready`)).body.message)).not.toMatch(/Shutting/);
      const started = Date.now();
      const closed = app.app.close();
      const ready = await json(`${app.url}/health/ready`);
      expect(ready.status).toBe(503);
      expect(ready.body.message).toBe('Shutting down: not accepting new traffic.');
      expect((await json(`${app.url}/health`)).status).toBe(200);
      await closed;
      expect(Date.now() - started).toBeGreaterThanOrEqual(750);
      await expect(fetch(`${app.url}/health`)).rejects.toThrow();
    },
  );
});
