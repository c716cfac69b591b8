import 'reflect-metadata';
// The desk:add-agent command: an entry point like main.ts, so it reads the environment itself.
import { AddAgentError, addAgent } from './add-agent.js';

/** The first line of standard input; typed at a terminal, it is not echoed. */
async function readPassword(): Promise<string> {
  const input = process.stdin;
  if (!input.isTTY) {
    let all = '';
    for await (const chunk of input) all += String(chunk);
    return all.split(/\r?\n/)[0] ?? '';
  }
  process.stderr.write('Password: ');
  input.setRawMode(true);
  input.setEncoding('utf8');
  return new Promise((resolve) => {
    let typed = '';
    const onData = (chars: string) => {
      for (const c of chars) {
        if (c === '\r' || c === '\n' || c === '\u0004') {
          input.setRawMode(false);
          input.off('data', onData);
          input.pause();
          process.stderr.write('\n');
          resolve(typed);
          return;
        }
        if (c === '\u0003') process.exit(130);
        typed = c === '\u007f' ? typed.slice(0, -1) : typed + c;
      }
    };
    input.on('data', onData);
  });
}

try {
  const message = await addAgent(process.env, process.argv.slice(2), await readPassword());
  process.stdout.write(`${message}\n`);
} catch (err) {
  process.stderr.write(
    `desk:add-agent: ${err instanceof AddAgentError ? err.message : String(err)}\n`,
  );
  process.exitCode = 1;
}
