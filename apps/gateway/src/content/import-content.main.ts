import 'reflect-metadata';
// The content:import command: an entry point like main.ts, so it reads the environment itself.
import { ImportContentError, importContent } from './import-content.js';

try {
  process.stdout.write(`${await importContent(process.env, process.argv.slice(2))}\n`);
} catch (err) {
  process.stderr.write(
    `content:import: ${err instanceof ImportContentError ? err.message : String(err)}\n`,
  );
  process.exitCode = 1;
}
