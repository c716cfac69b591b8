// Preloaded into an app (`node --import ./bench/lib/span-trace.mjs ...`) by `bench/ttft.mjs
// --trace`: notes when each incoming request arrives, when the app writes to Redis, when it sends
// its own upstream requests (undici, node:http) and when it writes its first `event: token`, all from the
// outside (diagnostics channels, two prototype wrappers), so the built app runs unchanged.
// Requests are taken as sequential, which ttft.mjs guarantees. The records are written to
// BENCH_TRACE_FILE as JSON lines when the process is told to stop.
import diagnostics from 'node:diagnostics_channel';
import { writeFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';

const file = process.env.BENCH_TRACE_FILE;
const now = () => performance.timeOrigin + performance.now();
const records = [];
let current = null;

const mark = (name, extra) => current?.events.push([name, now(), ...(extra ? [extra] : [])]);

diagnostics.subscribe('http.server.request.start', ({ request }) => {
  if (request.method !== 'POST') return;
  current = { url: request.url, events: [['in', now()]] };
  records.push(current);
});
diagnostics.subscribe('undici:request:create', ({ request }) =>
  mark('upstream request created', request.path),
);
diagnostics.subscribe('undici:client:sendHeaders', () => mark('upstream request sent'));
diagnostics.subscribe('undici:request:headers', () => {
  mark('upstream response headers');
  if (current) current.awaitingBody = true;
});
diagnostics.subscribe('undici:request:bodyChunkReceived', () => {
  if (!current?.awaitingBody) return;
  current.awaitingBody = false;
  mark('upstream first body chunk');
});

// node:http clients (axios): the chatbot's calls to the store API and to the LLM.
diagnostics.subscribe('http.client.request.start', ({ request }) =>
  mark(`http request ${request.method} ${request.path.split('?')[0]}`),
);
diagnostics.subscribe('http.client.response.finish', ({ request }) =>
  mark(`http response ${request.method} ${request.path.split('?')[0]}`),
);

const write = net.Socket.prototype.write;
net.Socket.prototype.write = function (...args) {
  if (this.remotePort === 6379) mark('redis write');
  return write.apply(this, args);
};
const resWrite = http.ServerResponse.prototype.write;
http.ServerResponse.prototype.write = function (chunk, ...rest) {
  if (current && !current.tokenWritten && String(chunk).includes('event: token')) {
    current.tokenWritten = true;
    mark('first token written');
  }
  return resWrite.call(this, chunk, ...rest);
};

let flushed = false;
const flush = () => {
  if (flushed || !file) return;
  flushed = true;
  writeFileSync(file, records.map((r) => JSON.stringify(r)).join('\n'));
};
process.on('exit', flush);
// Nest re-raises SIGTERM after its shutdown hooks, and a process killed by a signal skips 'exit':
// write on the signal too (once, so the re-raised signal still ends the process).
process.prependOnceListener('SIGTERM', flush);
