// Summarises V8 .cpuprofile files (from `node --cpu-prof`, e.g. `node bench/run.mjs --only chatbot
// --cpu-prof /tmp/prof`): where the CPU time went, by package and by function, so the cost of a
// request can be named with figures.
//
//   node bench/profile-summary.mjs FILE.cpuprofile... [--top 25] [--skip SECONDS] [--callers 3]
//
// --skip leaves out the first seconds of the profile (start-up: module loading, compilation).
// --callers N shows, for the N costliest native functions (no JS source), who called them.
// --ms-per-request X adds a µs-per-request column: each share of X, the process's CPU time per
// request measured in the same run (bench/run.mjs prints it as "CPU ms/request").
// Profiles of processes that were nearly idle are named and skipped.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { table } from './lib/harness.mjs';

const { values: args, positionals: files } = parseArgs({
  allowPositionals: true,
  options: {
    top: { type: 'string', default: '25' },
    skip: { type: 'string', default: '0' },
    callers: { type: 'string', default: '3' },
    'ms-per-request': { type: 'string' },
  },
});
if (files.length === 0) {
  console.error('usage: node bench/profile-summary.mjs FILE.cpuprofile... [--top 25] [--skip S]');
  process.exit(2);
}

for (const file of files) summarise(file);

function summarise(file) {
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

  // Self time per node: each sample counts for the function on top of the stack.
  const self = new Map();
  const skipUs = Number(args.skip) * 1e6;
  let elapsed = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const dt = profile.timeDeltas[i] ?? 0;
    elapsed += dt;
    if (elapsed < skipUs) continue;
    self.set(profile.samples[i], (self.get(profile.samples[i]) ?? 0) + dt);
  }
  let total = 0;
  let idle = 0;
  for (const [id, us] of self) {
    total += us;
    if (nodes.get(id).callFrame.functionName === '(idle)') idle += us;
  }
  const busy = total - idle;
  const header = `${file}\n  ${(total / 1e6).toFixed(1)} s profiled${skipUs ? ` (after the first ${args.skip} s)` : ''}, ${(busy / 1e6).toFixed(1)} s on CPU (${((100 * busy) / total).toFixed(0)}%)`;
  if (busy < 0.01 * total) {
    console.log(`\n${header}: nearly idle, skipped`);
    return;
  }

  const byFunction = new Map();
  const byPackage = new Map();
  const charged = new Map();
  const add = (map, key, us) => map.set(key, (map.get(key) ?? 0) + us);
  for (const [id, us] of self) {
    const { callFrame } = nodes.get(id);
    if (callFrame.functionName === '(idle)') continue;
    add(byFunction, `${callFrame.functionName || '(anonymous)'}  ${location(callFrame)}`, us);
    add(byPackage, packageOf(callFrame), us);
    add(charged, packageOf(payer(id, nodes, parent) ?? callFrame), us);
  }

  const pct = (us) => `${((100 * us) / busy).toFixed(1)}%`;
  const perRequest = args['ms-per-request'] ? Number(args['ms-per-request']) * 1000 : null;
  const rows = (map, n) =>
    sorted(map)
      .slice(0, n)
      .map(([k, us]) => [
        k.slice(0, 110),
        (us / 1000).toFixed(0),
        pct(us),
        ...(perRequest ? [((perRequest * us) / busy).toFixed(0)] : []),
      ]);
  const cols = perRequest ? ['ms', 'share', 'µs/request'] : ['ms', 'share'];
  console.log(`\n${header}; shares below are of the CPU time\n`);
  console.log(table(['package (self time)', ...cols], rows(byPackage, 20)));
  console.log('');
  console.log(
    table(
      ['package, incl. the Node internals and native calls it made', ...cols],
      rows(charged, 25),
    ),
  );
  console.log('');
  console.log(table(['function (self time)', ...cols], rows(byFunction, Number(args.top))));

  // Native work (socket writes, hashing) is only explained by the JS that asked for it.
  const natives = sorted(byFunction)
    .filter(([k]) => k.endsWith('  ') && !k.startsWith('('))
    .slice(0, Number(args.callers));
  for (const [fn] of natives) {
    const name = fn.trim();
    const callers = new Map();
    for (const [id, us] of self) {
      const { callFrame } = nodes.get(id);
      if (callFrame.functionName !== name || callFrame.url) continue;
      const frame = payer(id, nodes, parent);
      add(callers, frame ? `${frame.functionName || '(anonymous)'}  ${location(frame)}` : '?', us);
    }
    console.log(`\n${name}: called from`);
    for (const [k, us] of sorted(callers).slice(0, 5)) {
      console.log(`  ${(us / 1000).toFixed(0).padStart(6)} ms  ${k.slice(0, 110)}`);
    }
  }
}

/** The first frame up the stack outside Node's own internals and native code, if any. */
function payer(id, nodes, parent) {
  const { functionName } = nodes.get(id).callFrame;
  if (functionName === '(garbage collector)' || functionName === '(program)') return null;
  for (let up = id; up !== undefined; up = parent.get(up)) {
    const frame = nodes.get(up).callFrame;
    if (frame.url && !frame.url.startsWith('node:')) return frame;
  }
  return null;
}

function sorted(map) {
  return [...map].sort((a, b) => b[1] - a[1]);
}

function location({ url, lineNumber }) {
  if (!url) return '';
  const short = url
    .replace(/^file:\/\//, '')
    .replace(/^.*\/node_modules\//, '')
    .replace(/^.*\/dist\//, 'dist/');
  return `${short}:${lineNumber + 1}`;
}

/** A node_modules package, our own code (dist/...), Node's internals, or V8/native work. */
function packageOf({ url, functionName }) {
  if (functionName === '(garbage collector)') return '(garbage collector)';
  if (functionName === '(program)') return '(program: V8, native, not JS)';
  if (!url) return `(native) ${functionName}`.trim();
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (nm) return nm[1];
  if (url.startsWith('node:')) {
    const parts = url.slice(5).split('/');
    return `node:${parts[0] === 'internal' && parts.length > 2 ? `internal/${parts[1]}` : parts.join('/')}`;
  }
  const ours = /\/dist\/(apps\/[^/]+|libs\/[^/]+)/.exec(url);
  if (ours) return `ours: ${ours[1]}`;
  return url.replace(/^file:\/\//, '');
}
