// The content:check command: an entry point like main.ts, so it reads the environment itself.
import { checkContent } from './check-content.js';

const { code, out, err } = checkContent(process.argv.slice(2), process.env);
process.stdout.write(out);
process.stderr.write(err);
process.exitCode = code;
