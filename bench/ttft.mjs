// `npm run bench:ttft`: time to first token through the gateway and the chatbot, against the same
// LLM called directly. A fake OpenAI-compatible server streams at a fixed pace (first token after
// 20 ms, then one every 10 ms, 20 tokens), so the difference is what the two apps add.
//
//   node bench/ttft.mjs [--streams 200] [--warmup 20] [--cpu-prof DIR] [--trace]
//
// --trace preloads bench/lib/span-trace.mjs into both apps and prints, for each, when (after the
// request arrived) it wrote to Redis, sent its upstream request and wrote its first token.
//
// Three series, one stream at a time, in rotating order: (a) the fake LLM directly, (b) through
// the gateway (gateway -> chatbot -> LLM), and (c) the chatbot directly, which splits (b) - (a)
// into the gateway's part and the chatbot's. Keep-alive connections on every side, so that
// connection set-up is not what gets measured.
import { readFileSync, rmSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import { performance } from 'node:perf_hooks';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { Pool } from 'undici';
import {
  HOST,
  RATE_LIMIT_NOTE,
  ROOT,
  RUN_ID,
  createSchema,
  freePort,
  median,
  percentile,
  processCpuMs,
  schedMs,
  redisCleanupFor,
  requireBuild,
  runMain,
  startApp,
  startChild,
  stopChild,
  table,
  waitForHttp,
} from './lib/harness.mjs';

const { values: args } = parseArgs({
  options: {
    streams: { type: 'string', default: '200' },
    warmup: { type: 'string', default: '20' },
    'cpu-prof': { type: 'string' },
    trace: { type: 'boolean', default: false },
  },
});
const STREAMS = Number(args.streams);
const WARMUP = Number(args.warmup);
if (!(STREAMS >= 1 && WARMUP >= 0)) throw new Error('--streams must be >= 1, --warmup >= 0');

const FIRST_TOKEN_MS = 20;
const TOKEN_INTERVAL_MS = 10;
const TOKENS = 20;
const TARGET_MS = 5;
// No rule answers this, so the chatbot asks the LLM.
const MESSAGE = 'Do you offer gift wrapping?';
const PREFIX = `bench:${RUN_ID}:`;
const SESSIONS = 20;
// One clock for every process on this machine (epoch ms, sub-ms resolution).
const now = () => performance.timeOrigin + performance.now();
const STAMP = /\[(\d+\.\d+) (\d+\.\d+)\]/;

/**
 * Splits a first token's time: request on its way to the LLM (inbound), the LLM's own wait, and
 * the token on its way back (outbound), from the stamps the fake LLM puts in its first token.
 */
function timing(start, first, text) {
  const [, arrived, sent] = STAMP.exec(text) ?? [];
  if (!arrived) throw new Error(`first token without stamps: ${text}`);
  return {
    ttft: first - start,
    inbound: Number(arrived) - start,
    llm: Number(sent) - Number(arrived),
    outbound: first - Number(sent),
  };
}

await runMain(async () => {
  requireBuild();
  console.log(
    `Machine: ${os.availableParallelism()} cores (${os.cpus()[0]?.model}), Node ${process.version}, ` +
      `${new Date().toISOString()}, load average ${os.loadavg()[0].toFixed(2)}`,
  );
  console.log(RATE_LIMIT_NOTE);
  await redisCleanupFor([`${PREFIX}*`]);
  const nodeArgs = args['cpu-prof']
    ? ['--cpu-prof', `--cpu-prof-dir=${resolve(args['cpu-prof'])}`]
    : [];
  const traceArgs = args.trace
    ? ['--import', pathToFileURL(`${ROOT}/bench/lib/span-trace.mjs`).href]
    : [];
  const traceFile = (app) => resolve(tmpdir(), `bench-trace-${RUN_ID}-${app}.jsonl`);

  const fakePort = await freePort();
  const fake = startChild('fake LLM', process.execPath, ['bench/fake-llm.mjs'], {
    PORT: String(fakePort),
    HOST,
    FIRST_TOKEN_MS: String(FIRST_TOKEN_MS),
    TOKEN_INTERVAL_MS: String(TOKEN_INTERVAL_MS),
    TOKENS: String(TOKENS),
    STAMP_FIRST_TOKEN: '1',
  });
  const fakeUrl = `http://${HOST}:${fakePort}`;
  await waitForHttp(fake, `${fakeUrl}/health`);

  const { url: databaseUrl } = await createSchema();
  const gatewayPort = await freePort();
  const chatbot = await startApp('chatbot', 'chatbot', {
    nodeArgs: [...nodeArgs, ...traceArgs],
    env: {
      BENCH_TRACE_FILE: traceFile('chatbot'),
      SESSION_KEY_PREFIX: PREFIX,
      LLM_BACKEND: 'ollama',
      OLLAMA_URL: fakeUrl,
      BOOKSTORE_API_URL: `http://${HOST}:${gatewayPort}`,
    },
  });
  const gateway = await startApp('gateway', 'gateway', {
    port: gatewayPort,
    nodeArgs: [...nodeArgs, ...traceArgs],
    env: {
      BENCH_TRACE_FILE: traceFile('gateway'),
      CHAT_SERVICE_URL: chatbot.url,
      DATABASE_URL: databaseUrl,
    },
  });
  if (nodeArgs.length) {
    console.log(
      `CPU profiles go to ${resolve(args['cpu-prof'])}: chatbot pid ${chatbot.pid}, ` +
        `gateway pid ${gateway.pid}`,
    );
  }

  // One keep-alive connection each way is all a sequential client needs.
  const pool = (url) => new Pool(url, { connections: 1, keepAliveTimeout: 60_000 });
  const pools = [pool(fakeUrl), pool(gateway.url), pool(chatbot.url)];
  let n = 0;
  const session = () => `t${RUN_ID}-${String(n++ % SESSIONS).padStart(2, '0')}`;
  const series = [
    { name: '(a) fake LLM directly', run: () => streamDirect(pools[0]), results: [] },
    {
      name: '(b) gateway -> chatbot -> LLM',
      run: () => streamApp(pools[1], '/api/chat/stream', session()),
      results: [],
    },
    {
      name: '(c) chatbot -> LLM',
      run: () => streamApp(pools[2], '/chat/stream', session()),
      results: [],
    },
  ];

  console.log(
    `\nFake LLM: first token after ${FIRST_TOKEN_MS} ms, then every ${TOKEN_INTERVAL_MS} ms, ` +
      `${TOKENS} tokens. ${WARMUP} warm-up + ${STREAMS} measured streams per series, one at a ` +
      'time, the order rotating.\n',
  );
  for (let i = 0; i < WARMUP; i++) for (const s of series) await s.run();
  const cpuBefore = [chatbot, gateway].map((p) => processCpuMs(p.pid));
  const schedBefore = [chatbot, gateway].map((p) => schedMs(p.pid));
  for (let i = 0; i < STREAMS; i++) {
    // Rotate the order, so no series always follows the same one.
    for (let j = 0; j < series.length; j++) {
      const s = series[(i + j) % series.length];
      s.results.push(await s.run());
    }
  }
  const [chatbotCpu, gatewayCpu] = [chatbot, gateway].map(
    (p, i) => processCpuMs(p.pid) - cpuBefore[i],
  );
  const [chatbotSched, gatewaySched] = [chatbot, gateway].map((p, i) => {
    const after = schedMs(p.pid);
    return { run: after.run - schedBefore[i].run, wait: after.wait - schedBefore[i].wait };
  });
  await Promise.all(pools.map((p) => p.close()));

  report(series, {
    // The chatbot served (b) and (c); the gateway only (b).
    chatbot: chatbotCpu / (2 * STREAMS),
    gateway: gatewayCpu / STREAMS,
    chatbotMain: chatbotSched.run / (2 * STREAMS),
    chatbotWait: chatbotSched.wait / (2 * STREAMS),
    gatewayMain: gatewaySched.run / STREAMS,
    gatewayWait: gatewaySched.wait / STREAMS,
  });
  if (args.trace) {
    // The traces are written when the apps exit.
    await Promise.all([gateway, chatbot].map((p) => stopChild(p)));
    reportTrace({
      chatbot: readTrace(traceFile('chatbot'), 2 * STREAMS),
      gateway: readTrace(traceFile('gateway'), STREAMS),
    });
  }
  return 0;
});

/** Reads an SSE body, calling onEvent for each complete event (`event:` name and `data:`). */
async function readEvents(body, onEvent) {
  let buffered = '';
  for await (const bytes of body) {
    buffered += bytes.toString('utf8');
    let end;
    while ((end = buffered.indexOf('\n\n')) !== -1) {
      const raw = buffered.slice(0, end);
      buffered = buffered.slice(end + 2);
      let event = 'message';
      let data = '';
      for (const line of raw.split('\n')) {
        if (line.startsWith('event:')) event = line.slice(6).trim();
        else if (line.startsWith('data:')) data += line.slice(5).trimStart();
      }
      onEvent(event, data);
    }
  }
}

/** (a) The fake LLM directly: time to the first non-empty content delta. */
async function streamDirect(pool) {
  const start = now();
  const res = await pool.request({
    path: '/v1/chat/completions',
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
    body: JSON.stringify({
      model: 'llama3.2:3b',
      stream: true,
      messages: [{ role: 'user', content: MESSAGE }],
    }),
  });
  if (res.statusCode !== 200) throw new Error(`fake LLM answered ${res.statusCode}`);
  let first;
  let tokens = 0;
  let done = false;
  await readEvents(res.body, (_event, data) => {
    if (data === '[DONE]') return void (done = true);
    const text = JSON.parse(data).choices?.[0]?.delta?.content;
    if (text) {
      first ??= { at: now(), text };
      tokens++;
    }
  });
  if (!done || tokens !== TOKENS) throw new Error(`direct stream: ${tokens} tokens, done ${done}`);
  return { ...timing(start, first.at, first.text), total: now() - start };
}

/** (b) and (c): the apps' event stream; time to the first `event: token`. */
async function streamApp(pool, path, sessionId) {
  const start = now();
  const res = await pool.request({
    path,
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
    body: JSON.stringify({ message: MESSAGE, session_id: sessionId }),
  });
  if (res.statusCode !== 200) {
    throw new Error(`${path} answered ${res.statusCode}: ${await res.body.text()}`);
  }
  let first;
  let tokens = 0;
  let meta;
  let done = false;
  await readEvents(res.body, (event, data) => {
    if (event === 'token') {
      first ??= { at: now(), text: JSON.parse(data).text };
      tokens++;
    } else if (event === 'meta') meta = JSON.parse(data);
    else if (event === 'done') done = true;
    else if (event === 'error') throw new Error(`${path} stream error: ${data}`);
  });
  // An answer from the fallback text would time the wrong path.
  if (!done || meta?.source !== 'llm' || tokens !== TOKENS) {
    throw new Error(`${path}: source ${meta?.source}, ${tokens} tokens, done ${done}`);
  }
  return { ...timing(start, first.at, first.text), total: now() - start };
}

function stats(values) {
  const s = [...values].sort((x, y) => x - y);
  return [s[0], percentile(s, 50), percentile(s, 90), percentile(s, 99), s[s.length - 1]];
}

function report(series, cpuPerStream) {
  const f = (v) => v.toFixed(2);
  const [a, b, c] = series.map((s) => s.results);
  const row = (name, values) => [name, ...stats(values).map(f)];
  const cols = ['min', 'median', 'p90', 'p99', 'max'];
  console.log(
    table(
      ['time to first token, ms', ...cols],
      [
        ...series.map((s) =>
          row(
            s.name,
            s.results.map((r) => r.ttft),
          ),
        ),
        row(
          '(b) - (a), same iteration',
          b.map((r, i) => r.ttft - a[i].ttft),
        ),
      ],
    ),
  );
  console.log('');
  console.log(
    table(
      ['whole stream, ms', ...cols],
      series.map((s) =>
        row(
          s.name,
          s.results.map((r) => r.total),
        ),
      ),
    ),
  );
  console.log('');
  console.log(
    table(
      ['first token, medians, ms', 'inbound', 'LLM', 'outbound', 'total'],
      series.map((s) => [
        s.name,
        ...['inbound', 'llm', 'outbound', 'ttft'].map((k) => f(median(s.results.map((r) => r[k])))),
      ]),
    ),
  );
  console.log(
    '  inbound: request sent -> request at the LLM; LLM: its own wait; outbound: first token ' +
      'sent by the LLM -> received by the client (stamps from the fake LLM, one clock)',
  );
  const m = (rs) => median(rs.map((r) => r.ttft));
  const added = m(b) - m(a);
  console.log(
    `\nAdded to the first token (medians): gateway + chatbot ${f(added)} ms ` +
      `(chatbot (c) - (a): ${f(m(c) - m(a))} ms, gateway (b) - (c): ${f(m(b) - m(c))} ms)`,
  );
  console.log(
    `Per stream: chatbot ${f(cpuPerStream.chatbot)} ms CPU (all threads; main thread ` +
      `${f(cpuPerStream.chatbotMain)} ms, and ${f(cpuPerStream.chatbotWait)} ms runnable but ` +
      `waiting for a CPU); gateway ${f(cpuPerStream.gateway)} ms CPU (main thread ` +
      `${f(cpuPerStream.gatewayMain)} ms, waiting ${f(cpuPerStream.gatewayWait)} ms)`,
  );
  console.log(`Target: added <= ${TARGET_MS} ms: ${added <= TARGET_MS ? 'met' : 'MISSED'}\n`);
}

/** The last `count` traced requests of an app (the measured ones; warm-up came first). */
function readTrace(file, count) {
  const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean);
  rmSync(file, { force: true });
  return lines.slice(-count).map((l) => JSON.parse(l));
}

function reportTrace(apps) {
  const names = [];
  const at = {};
  for (const [app, records] of Object.entries(apps)) {
    at[app] = {};
    for (const r of records) {
      const start = r.events[0][1];
      const seen = new Map();
      for (const [name, t] of r.events.slice(1)) {
        // Redis writes are counted; of the rest, the first of each.
        const key = name === 'redis write' ? `redis write ${(seen.get(name) ?? 0) + 1}` : name;
        seen.set(name, (seen.get(name) ?? 0) + 1);
        if (name !== 'redis write' && seen.get(name) > 1) continue;
        if (!names.includes(key)) names.push(key);
        (at[app][key] ??= []).push(t - start);
      }
    }
  }
  const order = names.sort(
    (x, y) => median(at.chatbot[x] ?? at.gateway[x]) - median(at.chatbot[y] ?? at.gateway[y]),
  );
  const cell = (app, k) => (at[app][k] ? median(at[app][k]).toFixed(2) : '');
  console.log(
    table(
      ['inside the apps, ms after the request arrived (medians)', 'chatbot', 'gateway'],
      order.map((k) => [k, cell('chatbot', k), cell('gateway', k)]),
    ),
  );
  console.log(
    '  (chatbot: its streams from (b) and (c); gateway: (b); "upstream" is the LLM for the',
  );
  console.log('  chatbot and the chatbot for the gateway)\n');
}
