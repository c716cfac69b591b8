import { connect, type Socket } from 'node:net';
import v8 from 'node:v8';
import vm from 'node:vm';
import { startChatbot, startGateway, type RunningApp } from '../support/system.js';
import { startBlackhole } from '../support/tcp.js';

// nodejs/node#57736 shows only after a collection: make one possible on demand.
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

function openSocket(url: string): Promise<Socket> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const s = connect(Number(port), hostname, () => resolve(s));
    s.on('error', reject);
  });
}

/** Milliseconds until the server closes the socket, and what it said before. */
function untilClosed(socket: Socket): Promise<{ ms: number; said: string }> {
  const started = performance.now();
  let said = '';
  socket.on('data', (c: Buffer) => (said += c.toString('latin1')));
  return new Promise((resolve) => {
    socket.on('close', () => resolve({ ms: performance.now() - started, said }));
    socket.on('error', () => undefined);
  });
}

describe('streams through the gateway when the chatbot hangs', () => {
  it('answers every queued stream 504 on time, even after garbage collection', async () => {
    const hole = await startBlackhole();
    const gw = await startGateway({
      CHAT_SERVICE_URL: `http://127.0.0.1:${hole.port}`,
      CHAT_SERVICE_TIMEOUT_MS: '1000',
      // One connection: the other streams wait in the pool's queue, guarded by the deadline only.
      CHAT_SERVICE_CONNECTIONS: '1',
    });
    try {
      const pending = Promise.all(
        Array.from({ length: 8 }, async () => {
          const started = performance.now();
          const res = await fetch(`${gw.url}/api/chat/stream`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ message: 'hi' }),
          });
          await res.text();
          return { status: res.status, ms: performance.now() - started };
        }),
      );
      // Collect once the streams are queued at the gateway, as a busy process would.
      await new Promise((r) => setTimeout(r, 300));
      gc();
      gc();
      const replies = await pending;
      expect(replies.map((r) => r.status)).toEqual(Array(8).fill(504));
      // Each within its own deadline (1 s) and slack for a loaded machine, not one deadline after
      // another (8 s and more).
      for (const r of replies) expect(r.ms).toBeLessThan(5_000);
    } finally {
      await gw.app.close();
      await hole.close();
    }
  });
});

describe('slow and idle clients', () => {
  const limits = {
    HTTP_HEADERS_TIMEOUT_MS: '1000',
    HTTP_REQUEST_TIMEOUT_MS: '2000',
    HTTP_KEEP_ALIVE_TIMEOUT_MS: '1000',
    HTTP_MAX_CONNECTIONS: '5',
  };
  const apps: Array<[string, () => Promise<RunningApp>]> = [
    ['gateway', () => startGateway({ CHAT_SERVICE_URL: 'http://127.0.0.1:1', ...limits })],
    ['chatbot', () => startChatbot(limits)],
  ];

  describe.each(apps)('%s', (_name, start) => {
    let app: RunningApp;
    beforeAll(async () => {
      app = await start();
    });
    afterAll(() => app.app.close());

    it('cuts off a client that sends its headers slowly', async () => {
      const s = await openSocket(app.url);
      s.write('POST /health HTTP/1.1\r\nHost: x\r\n');
      const drip = setInterval(() => s.write('X-Slow: 1\r\n'), 200);
      const closed = await untilClosed(s);
      clearInterval(drip);
      expect(closed.said).toMatch(/^HTTP\/1\.1 408/);
      expect(closed.ms).toBeLessThan(6_000); // Node's default: 60 s
    });

    it('cuts off a client that sends its body slowly', async () => {
      const s = await openSocket(app.url);
      s.write(
        'POST /health HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{',
      );
      const drip = setInterval(() => s.write(' '), 200);
      const closed = await untilClosed(s);
      clearInterval(drip);
      expect(closed.ms).toBeLessThan(7_000); // Node's default: 300 s
    });

    it('closes an idle keep-alive connection', async () => {
      const s = await openSocket(app.url);
      s.write('GET /health HTTP/1.1\r\nHost: x\r\n\r\n');
      const closed = await untilClosed(s);
      expect(closed.said).toMatch(/^HTTP\/1\.1 200/);
      expect(closed.ms).toBeLessThan(4_000); // Node's default: 5 s
    });

    it('refuses connections over the cap', async () => {
      const held = await Promise.all(Array.from({ length: 5 }, () => openSocket(app.url)));
      for (const s of held) s.write('GET /health HTTP/1.1\r\nHost: x\r\n');
      await new Promise((r) => setTimeout(r, 100));
      const extra = await openSocket(app.url);
      const closed = untilClosed(extra);
      extra.write('GET /health HTTP/1.1\r\nHost: x\r\n\r\n');
      const result = await closed;
      expect(result.said).toBe('');
      for (const s of held) s.destroy();
    });
  });
});
