// `npm run bench`: throughput, latency and memory of one chat turn (canned answer, history written
// to Redis) on the chatbot, through the gateway, and on three references doing the same work:
// bare node:http, plain Express 5, and the original plan's FastAPI service.
//
//   node bench/run.mjs [--duration 10] [--rounds 3] [--connections 32] [--warmup 3]
//                      [--only chatbot,gateway,...] [--cpu-prof DIR]
//
// Targets run round-robin (the starting target rotates each round) so that drift of the machine
// hits every target alike; each target's median round is reported.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import os from 'node:os';
import { resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import {
  DEPLOYED_NODE_OPTIONS,
  HOST,
  RATE_LIMIT_NOTE,
  REDIS_URL,
  ROOT,
  RUN_ID,
  benchPids,
  cpuSnapshot,
  createSchema,
  foreignCpuShare,
  freePort,
  median,
  memoryMiB,
  processCpuMs,
  redisCleanupFor,
  redisPid,
  requireBuild,
  runMain,
  startApp,
  startChild,
  table,
  waitForHttp,
} from './lib/harness.mjs';

const { values: args } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    rounds: { type: 'string', default: '3' },
    connections: { type: 'string', default: '32' },
    warmup: { type: 'string', default: '3' },
    only: { type: 'string' },
    'cpu-prof': { type: 'string' },
  },
});
const DURATION = positive('duration');
const ROUNDS = positive('rounds');
const CONNECTIONS = positive('connections');
const WARMUP = Number(args.warmup);
const MESSAGE = 'What payment methods do you accept?';
const PAYMENT = 'We accept Visa, Mastercard, American Express, and PayPal.';
const PLAN_DIR = resolve(ROOT, '../shared/bench/seed-plan');
const PREFIX = `bench:${RUN_ID}:`;
// Issue #17's targets: after the load, as deployed (the manifests' heap cap).
const MiB_LIMIT = 150;
let pids = [];

function positive(name) {
  const n = Number(args[name]);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive integer`);
  return n;
}

await runMain(async () => {
  requireBuild();
  printMachine();
  console.log(RATE_LIMIT_NOTE);
  console.log(`The apps run as the manifests deploy them: NODE_OPTIONS=${DEPLOYED_NODE_OPTIONS}.`);
  console.log(
    `Load: autocannon, ${CONNECTIONS} connections, pipelining 1, ${WARMUP} s warm-up, ` +
      `${ROUNDS} rounds x ${DURATION} s per target, in this process: the load generator shares ` +
      `the ${os.availableParallelism()} cores with the servers.\n`,
  );

  await redisCleanupFor([`${PREFIX}*`, `chat:b${RUN_ID}-*`]);
  const targets = await startTargets();
  pids = benchPids([await redisPid()]);
  const selected = args.only
    ? targets.filter((t) => args.only.split(',').includes(t.key))
    : targets;
  if (selected.length === 0) throw new Error(`--only matched no target (${args.only})`);

  if (args['cpu-prof']) {
    const seen = new Map(
      selected.flatMap((t) => Object.entries(t.procs)).map(([n, p]) => [p.pid, n]),
    );
    console.log(
      `CPU profiles go to ${resolve(args['cpu-prof'])} when the servers exit: ` +
        [...seen].map(([pid, n]) => `${n} pid ${pid}`).join(', '),
    );
  }
  for (const t of selected) await preflight(t);

  if (WARMUP > 0) {
    console.log(`warm-up: ${WARMUP} s per target`);
    for (const t of selected) await load(t, WARMUP);
  }
  for (let round = 0; round < ROUNDS; round++) {
    const order = selected.map((_, i) => selected[(i + round) % selected.length]);
    for (const t of order) {
      const r = await load(t, DURATION);
      t.rounds.push(r);
      console.log(
        `round ${round + 1}/${ROUNDS}  ${t.name.padEnd(22)} ${r.rps.toFixed(0).padStart(6)} req/s` +
          `  p50 ${r.p50} ms  p99 ${r.p99} ms  errors ${r.errors}` +
          `  (CPU used by other processes: ${pct(r.foreign)})`,
      );
      await sleep(500); // let sockets close and GC settle between targets
    }
  }

  report(selected);
  return 0;
});

function pct(share) {
  return `${(100 * share).toFixed(0)}%`;
}

function printMachine() {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  console.log(
    `Machine: ${os.availableParallelism()} cores (${cpu}), ` +
      `${(os.totalmem() / 2 ** 30).toFixed(0)} GiB RAM, Node ${process.version}, ` +
      `${new Date().toISOString()}, load average ${os.loadavg()[0].toFixed(2)}`,
  );
}

async function startTargets() {
  const targets = [];
  const nodeArgs = args['cpu-prof']
    ? ['--cpu-prof', `--cpu-prof-dir=${resolve(args['cpu-prof'])}`]
    : [];
  const ref = async (key, name, script) => {
    const port = await freePort();
    const child = startChild(name, process.execPath, [...nodeArgs, `bench/references/${script}`], {
      PORT: String(port),
      HOST,
      REDIS_URL,
      SESSION_KEY_PREFIX: `${PREFIX}ref:${key}:`,
    });
    await waitForHttp(child, `http://${HOST}:${port}/health`);
    return { key, name, url: `http://${HOST}:${port}/chat`, procs: { [key]: child } };
  };

  targets.push(await ref('node-http', 'node:http reference', 'node-http.mjs'));
  targets.push(await ref('express', 'Express 5 reference', 'express.mjs'));

  const plan = await startPlan();
  if (plan) targets.push(plan);

  // The chatbot must know the gateway's address (store API) before the gateway exists.
  const { url: databaseUrl } = await createSchema();
  const gatewayPort = await freePort();
  const chatbot = await startApp('chatbot', 'chatbot', {
    nodeArgs,
    env: {
      SESSION_KEY_PREFIX: PREFIX,
      LLM_BACKEND: 'none',
      BOOKSTORE_API_URL: `http://${HOST}:${gatewayPort}`,
    },
  });
  const gateway = await startApp('gateway', 'gateway', {
    port: gatewayPort,
    nodeArgs,
    env: { CHAT_SERVICE_URL: chatbot.url, DATABASE_URL: databaseUrl },
  });
  targets.push({
    key: 'chatbot',
    name: 'chatbot POST /chat',
    url: `${chatbot.url}/chat`,
    procs: { chatbot },
  });
  targets.push({
    key: 'gateway',
    name: 'gateway POST /api/chat',
    url: `${gateway.url}/api/chat`,
    procs: { gateway, chatbot },
  });
  for (const t of targets) t.rounds = [];
  return targets;
}

/** The plan's FastAPI service, when its file and Debian's packages are there. */
async function startPlan() {
  if (!existsSync(resolve(PLAN_DIR, 'app.py'))) {
    console.log(
      `plan (FastAPI): skipped: ${PLAN_DIR}/app.py is not there (it sits beside the ` +
        'repository, in ../shared, which a fresh clone does not have).\n',
    );
    return null;
  }
  const check = spawnSync('/usr/bin/python3', ['-c', 'import fastapi, uvicorn, redis'], {
    encoding: 'utf8',
  });
  if (check.status !== 0) {
    console.log(
      'plan (FastAPI): skipped: /usr/bin/python3 lacks fastapi, uvicorn or redis. Install them ' +
        'with:\n  apt-get install -y python3-fastapi python3-uvicorn python3-redis\n',
    );
    return null;
  }
  const port = await freePort();
  const child = startChild(
    'plan (FastAPI)',
    '/usr/bin/python3',
    [
      '-m',
      'uvicorn',
      'app:app',
      '--host',
      HOST,
      '--port',
      String(port),
      '--app-dir',
      PLAN_DIR,
      '--log-level',
      'warning',
    ],
    { REDIS_URL },
  );
  await waitForHttp(child, `http://${HOST}:${port}/health`);
  return {
    key: 'plan',
    name: 'plan (FastAPI)',
    url: `http://${HOST}:${port}/chat`,
    procs: { plan: child },
  };
}

function sessionId(t, i) {
  return `b${RUN_ID}-${t.key}-${i}`;
}

/** One request by hand first: a target that answers wrongly is not worth timing. */
async function preflight(t) {
  const sid = sessionId(t, 'pre');
  const res = await fetch(t.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ message: MESSAGE, session_id: sid }),
  });
  const text = await res.text();
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    body = null;
  }
  if (res.status !== 200 || body?.response !== PAYMENT || body?.session_id !== sid) {
    throw new Error(`${t.name} answered ${res.status} ${text.slice(0, 300)}`);
  }
}

/** One autocannon run; each connection keeps its own conversation (a session id of its own). */
async function load(t, seconds) {
  let next = 0;
  const bodies = Array.from({ length: CONNECTIONS }, (_, i) =>
    JSON.stringify({ message: MESSAGE, session_id: sessionId(t, i) }),
  );
  const before = cpuSnapshot(pids);
  const cpuBefore = cpuByProcess(t);
  const result = await autocannon({
    url: t.url,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: bodies[0],
    connections: CONNECTIONS,
    pipelining: 1,
    duration: seconds,
    setupClient: (client) => client.setBody(bodies[next++ % bodies.length]),
  });
  return {
    rps: result.requests.total / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
    non2xx: result.non2xx,
    foreign: foreignCpuShare(before, cpuSnapshot(pids)),
    // CPU each server spent per answered request: unlike req/s, barely moved by other load.
    cpuPerRequest: Object.fromEntries(
      Object.entries(cpuByProcess(t)).map(([name, ms]) => [
        name,
        (ms - cpuBefore[name]) / Math.max(1, result.requests.total),
      ]),
    ),
  };
}

function cpuByProcess(t) {
  return {
    ...Object.fromEntries(Object.entries(t.procs).map(([name, p]) => [name, processCpuMs(p.pid)])),
    autocannon: process.cpuUsage().user / 1000 + process.cpuUsage().system / 1000,
  };
}

function report(targets) {
  const byKey = Object.fromEntries(targets.map((t) => [t.key, t]));
  for (const t of targets) {
    const rps = t.rounds.map((r) => r.rps);
    const m = median(rps);
    // The median round by throughput; its latencies go with it.
    t.median = t.rounds.reduce((best, r) =>
      Math.abs(r.rps - m) < Math.abs(best.rps - m) ? r : best,
    );
    t.errors = t.rounds.reduce((n, r) => n + r.errors, 0);
    t.memory = Object.fromEntries(
      Object.entries(t.procs).map(([name, p]) => [name, memoryMiB(p.pid)]),
    );
  }

  const mem = (t) =>
    Object.entries(t.memory)
      .map(([name, m]) => `${name} ${m.rss.toFixed(0)} (${m.peak.toFixed(0)})`)
      .join(', ');
  console.log(
    `\nMedian of ${ROUNDS} rounds x ${DURATION} s, ${CONNECTIONS} connections ` +
      '(RSS after the run, peak in brackets; "CPU ms/request": CPU time each process spent ' +
      'per answered request, median of the rounds; "other CPU": share of the machine used by ' +
      'processes outside the benchmark during the rounds, median):\n',
  );
  console.log(
    table(
      [
        'target',
        'req/s',
        'p50 ms',
        'p99 ms',
        'errors+non-2xx',
        'RSS MiB',
        'req/s per round',
        'CPU ms/request',
        'other CPU',
      ],
      targets.map((t) => [
        t.name,
        t.median.rps.toFixed(0),
        t.median.p50,
        t.median.p99,
        t.errors,
        mem(t),
        t.rounds.map((r) => r.rps.toFixed(0)).join(' / '),
        Object.keys(t.median.cpuPerRequest)
          .map((name) => `${name} ${median(t.rounds.map((r) => r.cpuPerRequest[name])).toFixed(2)}`)
          .join(', '),
        pct(median(t.rounds.map((r) => r.foreign))),
      ]),
    ),
  );

  // Server CPU per request (load generator left out): a cross-check of the req/s ratios that
  // other load on a shared machine moves far less.
  const cost = (t) =>
    Object.keys(t.procs).reduce(
      (sum, name) => sum + median(t.rounds.map((r) => r.cpuPerRequest[name])),
      0,
    );
  const checks = [];
  const ratio = (label, a, b, min) => {
    if (!byKey[a] || !byKey[b]) {
      checks.push([label, 'n/a', '', `>= ${min}`, 'skipped']);
      return;
    }
    const r = byKey[a].median.rps / byKey[b].median.rps;
    const byCpu = cost(byKey[b]) / cost(byKey[a]);
    checks.push([
      label,
      r.toPrecision(3),
      byCpu.toPrecision(3),
      `>= ${min}`,
      r >= min ? 'met' : 'MISSED',
    ]);
  };
  ratio('chatbot / Express', 'chatbot', 'express', 0.6);
  ratio('chatbot / plan (FastAPI)', 'chatbot', 'plan', 1.0);
  ratio('gateway path / chatbot direct', 'gateway', 'chatbot', 0.6);
  const errors = targets.reduce((n, t) => n + t.errors, 0);
  checks.push(['errors + non-2xx, all targets', errors, '', '0', errors === 0 ? 'met' : 'MISSED']);
  for (const app of ['chatbot', 'gateway']) {
    const owner = targets.find((t) => t.memory[app]);
    if (!owner) continue;
    const { rss, peak } = owner.memory[app];
    checks.push([
      `${app} RSS (peak) MiB`,
      `${rss.toFixed(0)} (${peak.toFixed(0)})`,
      '',
      `< ${MiB_LIMIT}`,
      rss < MiB_LIMIT ? 'met' : 'MISSED',
    ]);
  }
  console.log(
    `\nTargets ("by CPU": the inverse ratio of server CPU ms per request, a cross-check):\n\n` +
      `${table(['check', 'measured', 'by CPU', 'target', 'result'], checks)}\n`,
  );
  const kinds = ['chatbot', 'gateway'].flatMap((app) => {
    const m = targets.find((t) => t.memory[app])?.memory[app];
    return m ? [`${app} ${m.anon.toFixed(0)} + ${m.file.toFixed(0)}`] : [];
  });
  if (kinds.length > 0) {
    console.log(`RSS after the run, anonymous + file-backed MiB: ${kinds.join(', ')}\n`);
  }
}
