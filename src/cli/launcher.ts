// The executable entry (dist/cli.js): loads the CLI bundle beside it
// (dist/cli-main.js, from bin.ts) through V8's code cache (codeCache.ts), so
// a run does not start by compiling the whole CLI again. Kept this small on
// purpose: it is the part compiled on every run.
import { join } from 'node:path';
import { requireWithCodeCache } from './codeCache';

requireWithCodeCache(join(__dirname, 'cli-main.js'));
