import { json } from '../support/http.js';
import { copyJsonLogLines } from '../support/log-lines.js';
import { startSystem, type RunningSystem } from '../support/system.js';

// Its own file: the first app in a process fixes the log level, and this one needs info.
let system: RunningSystem;
const lines: string[] = [];
let restore: () => void;

beforeAll(async () => {
  restore = copyJsonLogLines(lines);
  system = await startSystem({
    chatbot: { LOG_LEVEL: 'info' },
    gateway: { LOG_LEVEL: 'info' },
  });
});
afterAll(async () => {
  await system.close();
  restore();
});

describe('the session id, a bearer secret', () => {
  it('never appears in a log line; a short keyed hash correlates the turns', async () => {
    const first = await json(`${system.gatewayUrl}/api/chat`, 'POST', { message: 'Hello' });
    const id = first.body.session_id as string;
    await json(`${system.gatewayUrl}/api/chat`, 'POST', {
      message: 'Return policy',
      session_id: id,
    });
    const byHeader = await json(`${system.gatewayUrl}/api/chat/history`, 'GET', undefined, {
      'x-session-id': id,
    });
    expect(byHeader.status).toBe(200);
    expect(byHeader.body.turns).toHaveLength(2);
    // The query form still works for REST clients.
    const byQuery = await json(`${system.gatewayUrl}/api/chat/history?session_id=${id}`);
    expect(byQuery.body.turns).toHaveLength(2);
    const rated = await json(`${system.gatewayUrl}/api/chat/feedback`, 'POST', {
      session_id: id,
      turn: 1,
      rating: 'up',
    });
    expect(rated.status).toBe(204);
    expect((await json(`${system.chatbotUrl}/sessions/${id}/history`)).status).toBe(200);
    const erased = await json(`${system.gatewayUrl}/api/chat/history`, 'DELETE', undefined, {
      'x-session-id': id,
    });
    expect(erased.status).toBe(204);
    expect((await json(`${system.chatbotUrl}/sessions/${id}/history`)).body.turns).toEqual([]);

    await expect
      .poll(() => lines.filter((l) => l.includes('"/sessions/~')).length)
      .toBeGreaterThanOrEqual(5);
    expect(lines.filter((l) => l.includes(id))).toEqual([]);
    const hashes = new Set(
      lines.flatMap((l) => /"\/sessions\/(~[0-9a-f]{8})/.exec(l)?.slice(1) ?? []),
    );
    expect(hashes.size).toBe(1);
  });

  it('refuses a missing or malformed id in every form with a 400', async () => {
    const forms: Record<string, string>[] = [
      {},
      { 'x-session-id': 'short' },
      { 'x-session-id': '../../etc/passwd' },
    ];
    for (const headers of forms) {
      const res = await json(`${system.gatewayUrl}/api/chat/history`, 'GET', undefined, headers);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    }
  });
});
