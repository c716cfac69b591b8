import { spawn } from 'node:child_process';
import { Redis } from 'ioredis';
import { closedPort } from './http-server.js';

/** A redis-server of the test's own, on a free loopback port: to pause, fill or reconfigure. */
export interface OwnRedis {
  url: string;
  /** SIGSTOP: connections stay open and nothing is answered (a stalled Redis). */
  pause(): void;
  /** SIGCONT: it runs what it received meanwhile, in order. */
  resume(): void;
  /** A client of its own, closed by the caller. */
  client(): Redis;
  close(): Promise<void>;
}

/** Starts `redis-server` without persistence; `args` add settings (`--maxmemory 2mb`). */
export async function startOwnRedis(args: string[] = []): Promise<OwnRedis> {
  const port = await closedPort();
  const proc = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', ...args],
    { stdio: 'ignore' },
  );
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  const url = `redis://127.0.0.1:${port}/0`;
  const client = () => new Redis(url, { maxRetriesPerRequest: 1 });
  const probe = client();
  // Refused until the server listens: the loop below retries.
  probe.on('error', () => undefined);
  try {
    const deadline = Date.now() + 10_000;
    for (;;) {
      try {
        await probe.ping();
        break;
      } catch (err) {
        if (Date.now() > deadline) throw err;
        await new Promise((r) => setTimeout(r, 50));
      }
    }
  } finally {
    probe.disconnect();
  }
  return {
    url,
    pause: () => proc.kill('SIGSTOP'),
    resume: () => proc.kill('SIGCONT'),
    client,
    close: async () => {
      proc.kill('SIGCONT');
      proc.kill('SIGTERM');
      await exited;
    },
  };
}
