// Runs the chatbot and the gateway side by side for `npm start`, each with its embedded defaults,
// prefixes their output, and stops both when either exits or on Ctrl+C.
import { spawn } from 'node:child_process';

const apps = [
  { name: 'chatbot', entry: 'dist/apps/chatbot/src/main.js' },
  { name: 'gateway', entry: 'dist/apps/gateway/src/main.js' },
];

// The apps write to a pipe here, so they cannot see the terminal: tell them (LOG_FORMAT=auto).
const toTerminal = process.stdout.isTTY && process.env.NODE_ENV !== 'production';
const env =
  toTerminal && (process.env.LOG_FORMAT ?? 'auto') === 'auto'
    ? { ...process.env, LOG_FORMAT: 'pretty' }
    : process.env;

const children = apps.map(({ name, entry }) => {
  const child = spawn(process.execPath, [entry], { stdio: ['ignore', 'pipe', 'pipe'], env });
  for (const stream of [child.stdout, child.stderr]) {
    let buffered = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) process.stdout.write(`[${name}] ${line}\n`);
    });
  }
  child.on('exit', (code, signal) => {
    process.stdout.write(`[${name}] exited (${signal ?? code})\n`);
    stopAll(code ?? 1);
  });
  return child;
});

let stopping = false;
function stopAll(code) {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 200).unref();
}

process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));
setTimeout(() => {
  if (!stopping)
    process.stdout.write(
      '\nStore page: http://localhost:8080  (chatbot API: http://localhost:5000/docs)\n\n',
    );
}, 1500).unref();
