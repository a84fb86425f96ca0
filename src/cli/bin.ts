// The CLI itself (dist/cli-main.js, loaded by the dist/cli.js launcher): runs the CLI on this process's
// arguments and streams. Kept apart from main.ts so tests can import runCli.
import * as z from 'zod/mini';
import { runCli } from './main';

// One process validates one file: zod's JIT (object parsers compiled with `new Function` on first
// use, never in V8's code cache) costs more than it saves here (~10 ms of a `work add`, bench/).
z.config({ jitless: true });

runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  now: () => new Date(),
  out: (t) => process.stdout.write(`${t}\n`),
  err: (t) => process.stderr.write(`${t}\n`),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`campaign: unexpected error: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
