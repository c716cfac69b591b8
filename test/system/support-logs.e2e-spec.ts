import { json } from '../support/http.js';
import { copyJsonLogLines } from '../support/log-lines.js';
import { closedPort, sendJson, startServer, type TestServer } from '../support/http-server.js';
import { startGateway, type RunningApp } from '../support/system.js';

/*
 * Issue #24.12: when the chatbot fails, the gateway's warnings name the route by its label
 * (`/sessions/:id/...`), never with the session id, a bearer secret. Its own file: the first app
 * in a process fixes the log level, and this one needs warnings.
 */

const lines: string[] = [];
let restore: () => void;
let failing: TestServer;
let failingGateway: RunningApp;
let downGateway: RunningApp;

beforeAll(async () => {
  restore = copyJsonLogLines(lines);
  // A chatbot that fails every call, and one that is not there at all.
  failing = await startServer((_req, _body, res) => sendJson(res, 500, { oops: true }));
  failingGateway = await startGateway({ CHAT_SERVICE_URL: failing.url, LOG_LEVEL: 'info' });
  downGateway = await startGateway({
    CHAT_SERVICE_URL: `http://127.0.0.1:${await closedPort()}`,
    LOG_LEVEL: 'info',
  });
});
afterAll(async () => {
  await failingGateway.app.close();
  await downGateway.app.close();
  await failing.close();
  restore();
});

describe('the session id when the chatbot fails', () => {
  it('never appears in a log line', async () => {
    const id = 'secret-session-4b1d9e7c2a';
    for (const gateway of [failingGateway, downGateway]) {
      const history = await json(`${gateway.url}/api/chat/history`, 'GET', undefined, {
        'x-session-id': id,
      });
      expect([502, 503]).toContain(history.status);
      const erase = await json(`${gateway.url}/api/chat/history`, 'DELETE', { session_id: id });
      expect([502, 503]).toContain(erase.status);
      const feedback = await json(`${gateway.url}/api/chat/feedback`, 'POST', {
        session_id: id,
        turn: 1,
        rating: 'up',
      });
      expect([502, 503]).toContain(feedback.status);
      // The support request is kept; its transcript is what could not be read.
      const support = await json(`${gateway.url}/api/support/requests`, 'POST', {
        session_id: id,
        email: 'shopper@example.com',
        problem: 'Hello?',
      });
      expect(support.status).toBe(201);
    }
    const warned = () =>
      lines.filter((l) => /chatbot (answered 500|unavailable) on \/sessions\//.test(l));
    await expect.poll(() => warned().length).toBeGreaterThanOrEqual(8);
    expect(lines.filter((l) => l.includes(id))).toEqual([]);
    // The failures are logged by the route's label.
    for (const line of warned()) expect(line).toMatch(/on \/sessions\/:id\b/);
  });
});
