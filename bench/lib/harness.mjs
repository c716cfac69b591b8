// What the three benchmarks share: starting servers as child processes on loopback, waiting for
// them, reading their memory, and undoing everything (processes, Redis keys, the PostgreSQL
// schema) on success, failure and Ctrl+C alike.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const HOST = '127.0.0.1';
export const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379/0';
export const PG_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A short id that names this run's Redis prefix, schema and session ids. */
export const RUN_ID = `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;

const children = new Set();
const cleanups = [];
let cleaning = null;

/** Registers an undo step; they run last-registered first. */
function onCleanup(fn) {
  cleanups.push(fn);
}

/** Stops every child, then runs the undo steps. Safe to call more than once. */
function cleanup() {
  cleaning ??= (async () => {
    await Promise.all([...children].map((c) => stopChild(c)));
    for (const fn of cleanups.reverse()) {
      try {
        await fn();
      } catch (err) {
        console.error(`cleanup: ${err.message}`);
      }
    }
  })();
  return cleaning;
}

/** Ctrl+C, kill and a crash all end in cleanup; a second Ctrl+C gives up waiting. */
function installExitHandlers() {
  let interrupted = false;
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      if (interrupted) process.exit(130);
      interrupted = true;
      console.error(`\n${signal}: stopping servers and removing this run's data...`);
      void cleanup().finally(() => process.exit(130));
    });
  }
  // Last resort when the runner dies without cleanup: no orphaned servers.
  process.on('exit', () => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  });
}

/** Runs main, always cleans up, and sets the exit code. */
export async function runMain(main) {
  installExitHandlers();
  let code = 1;
  try {
    code = (await main()) ?? 0;
  } catch (err) {
    console.error(`\nFAILED: ${err.stack ?? err}`);
  } finally {
    await cleanup();
  }
  process.exit(code);
}

export async function freePort() {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.on('error', reject);
    srv.listen(0, HOST, () => {
      const { port } = srv.address();
      srv.close(() => resolvePort(port));
    });
  });
}

/**
 * Starts a server process. Output is kept (last lines only) so a failure can show why; it is read
 * continuously so a chatty server never blocks on a full pipe.
 */
export function startChild(name, command, args, env = {}) {
  const child = spawn(command, args, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.label = name;
  child.tail = [];
  for (const stream of [child.stdout, child.stderr]) {
    stream.setEncoding('utf8');
    stream.on('data', (chunk) => {
      child.tail.push(...chunk.split('\n').filter(Boolean));
      if (child.tail.length > 40) child.tail.splice(0, child.tail.length - 40);
    });
  }
  child.exited = new Promise((res) => child.on('exit', (code, signal) => res(signal ?? code)));
  child.on('error', (err) => child.tail.push(`spawn error: ${err.message}`));
  children.add(child);
  void child.exited.then(() => children.delete(child));
  return child;
}

/** SIGTERM (the apps shut down gracefully and write a --cpu-prof profile), SIGKILL after 5 s. */
export async function stopChild(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await child.exited;
  clearTimeout(timer);
}

/** Polls url until it answers 2xx; fails with the server's last output otherwise. */
export async function waitForHttp(child, url, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) break;
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(1_000) });
      await res.arrayBuffer();
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  throw new Error(
    `${child.label} did not come up at ${url}:\n  ${child.tail.slice(-15).join('\n  ') || '(no output)'}`,
  );
}

/** Resident and peak resident memory of a process, in MiB, from /proc. */
export function memoryMiB(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kib = (field) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]);
    return {
      rss: kib('VmRSS') / 1024,
      peak: kib('VmHWM') / 1024,
      // Anonymous: the heap, V8's and malloc's; file-backed: the node binary and libraries mapped.
      anon: kib('RssAnon') / 1024,
      file: kib('RssFile') / 1024,
    };
  } catch {
    return { rss: NaN, peak: NaN, anon: NaN, file: NaN };
  }
}

export function requireBuild() {
  for (const app of ['chatbot', 'gateway']) {
    if (!existsSync(resolve(ROOT, `dist/apps/${app}/src/main.js`))) {
      throw new Error(`dist/apps/${app}/src/main.js is missing: run \`npm run build\` first.`);
    }
  }
}

/** Common environment of the apps under test: loopback, production mode, quiet, no rate limits. */
/**
 * The apps' NODE_OPTIONS as the manifests deploy them (the heap cap), read from
 * deploy/base/kustomization.yaml so that the benchmark measures what runs (BENCH_NODE_OPTIONS
 * overrides it, to try other V8 flags).
 */
export const DEPLOYED_NODE_OPTIONS =
  process.env.BENCH_NODE_OPTIONS ??
  (() => {
    const manifest = readFileSync(resolve(ROOT, 'deploy/base/kustomization.yaml'), 'utf8');
    const found = [...manifest.matchAll(/^\s*- NODE_OPTIONS=(.+)$/gm)].map((m) => m[1].trim());
    if (found.length === 0 || new Set(found).size !== 1)
      throw new Error(`expected one NODE_OPTIONS for both apps in the manifests, found ${found}`);
    return found[0];
  })();

function appEnv(extra) {
  return {
    HOST,
    NODE_ENV: 'production',
    NODE_OPTIONS: DEPLOYED_NODE_OPTIONS,
    // Production mode requires the apps' shared secret; any value of 16+ characters will do here.
    INTERNAL_API_TOKEN: 'benchmark-internal-token',
    LOG_LEVEL: 'warn',
    RATE_LIMIT_PER_MINUTE: '0',
    ...extra,
  };
}

export const RATE_LIMIT_NOTE =
  'Rate limits are disabled for this run (RATE_LIMIT_PER_MINUTE=0): all load comes from one ' +
  'loopback address, which a per-client limit would turn into 429s within the first second; ' +
  'the benchmark measures the serving path, not the limiter.';

/**
 * Starts one of the apps from dist/ and waits for its liveness endpoint. `port` may be reserved
 * beforehand, since the chatbot must know the gateway's address (BOOKSTORE_API_URL) first.
 */
export async function startApp(app, name, { port, env = {}, nodeArgs = [] } = {}) {
  port ??= await freePort();
  const child = startChild(
    name,
    process.execPath,
    [...nodeArgs, `dist/apps/${app}/src/main.js`],
    appEnv({ PORT: String(port), ...(app === 'chatbot' ? { REDIS_URL } : {}), ...env }),
  );
  child.url = `http://${HOST}:${port}`;
  await waitForHttp(child, `${child.url}/health`);
  return child;
}

/**
 * A schema of its own for this run, dropped at the end. The gateway's pool selects it through the
 * connection string's `options=-c search_path=...`.
 */
export async function createSchema() {
  const { default: pg } = await import('pg');
  const schema = `bench_${RUN_ID}`;
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  try {
    await client.query(`CREATE SCHEMA "${schema}"`);
  } finally {
    await client.end();
  }
  onCleanup(async () => {
    const c = new pg.Client({ connectionString: PG_URL });
    await c.connect();
    try {
      await c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    } finally {
      await c.end();
    }
  });
  const url = new URL(PG_URL);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return { schema, url: url.toString() };
}

/** Deletes this run's keys (SCAN + UNLINK, never KEYS) for each pattern, at cleanup. */
export async function redisCleanupFor(patterns) {
  const { Redis } = await import('ioredis');
  onCleanup(async () => {
    const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
    await redis.connect();
    try {
      let removed = 0;
      for (const match of patterns) {
        let cursor = '0';
        do {
          const [next, keys] = await redis.scan(cursor, 'MATCH', match, 'COUNT', 1000);
          cursor = next;
          if (keys.length) removed += await redis.unlink(...keys);
        } while (cursor !== '0');
      }
      console.log(`cleanup: removed ${removed} Redis keys (${patterns.join(', ')})`);
    } finally {
      redis.disconnect();
    }
  });
}

export function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

export function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** A plain-text table with right-aligned numbers. */
export function table(header, rows) {
  const all = [header, ...rows].map((r) => r.map(String));
  const widths = header.map((_, i) => Math.max(...all.map((r) => r[i].length)));
  const line = (r) =>
    r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [
    line(all[0]),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...all.slice(1).map(line),
  ].join('\n');
}

const CLK_TCK = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout) || 100;

/** CPU time (user + system, all threads) a process has used so far, in ms. */
export function processCpuMs(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(rest[11]) + Number(rest[12])) * 1000) / CLK_TCK;
  } catch {
    return NaN;
  }
}

/**
 * The main thread's time on a CPU and time spent runnable but waiting for one (run queue), in ms,
 * from /proc/<pid>/schedstat: the second is what other load on the machine costs a request.
 */
export function schedMs(pid) {
  try {
    const [run, wait] = readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ').map(Number);
    return { run: run / 1e6, wait: wait / 1e6 };
  } catch {
    return { run: NaN, wait: NaN };
  }
}

/** Jiffies from /proc: all CPUs' busy and total time, and the busy time of the given processes. */
export function cpuSnapshot(pids) {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1);
  const [user, nice, system, idle, iowait, irq, softirq, steal] = fields.map(Number);
  // Without IRQ time accounting (this kernel's default) a process's CPU time includes the
  // interrupt work done in its context, so interrupts count as busy here too.
  const busy = user + nice + system + irq + softirq + steal;
  let ours = 0;
  for (const pid of pids) {
    try {
      // Fields after the command name (which may hold spaces): utime and stime are 12th and 13th.
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ours += Number(rest[11]) + Number(rest[12]);
    } catch {
      // the process has gone
    }
  }
  return { busy, total: busy + idle + iowait, ours };
}

/**
 * Share of the machine's CPU that went to processes other than ours between two snapshots:
 * other work on a shared machine skews a benchmark, so each round reports it.
 */
export function foreignCpuShare(a, b) {
  const total = b.total - a.total;
  return total > 0 ? Math.max(0, b.busy - a.busy - (b.ours - a.ours)) / total : 0;
}

/** Redis's own pid (it runs on this machine), so its CPU counts as the benchmark's. */
export async function redisPid() {
  const { Redis } = await import('ioredis');
  const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    const info = await redis.info('server');
    return Number(/process_id:(\d+)/.exec(info)?.[1]) || null;
  } catch {
    return null;
  } finally {
    redis.disconnect();
  }
}

/** Pids of this process, every server it started, and Redis. */
export function benchPids(extra = []) {
  return [process.pid, ...[...children].map((c) => c.pid), ...extra].filter(Boolean);
}
