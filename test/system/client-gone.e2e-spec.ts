import { startServer } from '../support/http-server.js';
import { copyJsonLogLines } from '../support/log-lines.js';
import { startGateway } from '../support/system.js';

// Its own file: the first app in a process fixes the log level (nestjs-pino keeps one root
// logger per process), and this test needs info.
async function metric(url: string, pattern: RegExp): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const line = text.split('\n').find((l) => pattern.test(l));
  return line ? Number(line.split(' ').at(-1)) : 0;
}

describe('a shopper who leaves before the chatbot answers', () => {
  it('counts a shopper who leaves before the answer apart from a timeout, at info', async () => {
    const lines: string[] = [];
    const restore = copyJsonLogLines(lines);
    // A chatbot that takes its time before the first byte.
    const slow = await startServer(() => new Promise<void>(() => undefined));
    const gw = await startGateway({
      CHAT_SERVICE_URL: slow.url,
      CHAT_SERVICE_TIMEOUT_MS: '10000',
      LOG_LEVEL: 'info',
    });
    // Metrics live in the process's registry, shared with the other tests here: compare counts.
    const gone = /^gateway_upstream_requests_total\{route="\/chat\/stream",outcome="client_gone"\}/;
    const timeout = /^gateway_upstream_requests_total\{route="\/chat\/stream",outcome="timeout"\}/;
    const goneBefore = await metric(gw.url, gone);
    const timeoutBefore = await metric(gw.url, timeout);
    try {
      const leaving = new AbortController();
      const request = fetch(`${gw.url}/api/chat/stream`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-request-id': 'leaves-early-1' },
        body: JSON.stringify({ message: 'hi' }),
        signal: leaving.signal,
      });
      setTimeout(() => leaving.abort(), 300);
      await expect(request).rejects.toThrow();
      await expect.poll(() => metric(gw.url, gone)).toBe(goneBefore + 1);
      expect(await metric(gw.url, timeout)).toBe(timeoutBefore);
      const mine = lines
        .map(
          (l) =>
            JSON.parse(l) as { level: number; msg?: string; req?: { id?: string }; err?: unknown },
        )
        .filter(
          (l) => JSON.stringify(l).includes('leaves-early-1') || /left before/.test(l.msg ?? ''),
        );
      expect(mine.some((l) => l.level === 30 && /left before/.test(l.msg ?? ''))).toBe(true);
      expect(mine.filter((l) => l.level >= 50)).toEqual([]);
      expect(JSON.stringify(mine)).not.toMatch(/\n\s+at /);
    } finally {
      restore();
      await gw.app.close();
      await slow.close();
    }
  });
});
