// A child process for the crash-safety test: writes work items to a campaign
// file through the core's guarded write, one after another, until it is
// killed. Compiled to out/test/support/crashWriter.js.
//
//   node crashWriter.js FILE TAG [COUNT]
//
// Prints `ready` once loaded, then `done K` after item `TAG K` is written, so
// the test knows which writes finished before its SIGKILL.
import { dirname } from 'node:path';
import { applyToFile } from '../../src/core/file/campaignFile';
import { addWork } from '../../src/core/operations/workOps';

const [file, tag, countText] = process.argv.slice(2);
if (!file || !tag) {
  process.stderr.write('usage: crashWriter FILE TAG [COUNT]\n');
  process.exit(2);
}
const count = countText ? Number(countText) : Infinity;

async function main(): Promise<void> {
  process.stdout.write('ready\n');
  for (let k = 0; k < count; k++) {
    await applyToFile(file!, addWork({ title: `${tag} ${k}`, priority: 'low' }), { root: dirname(dirname(file!)) });
    process.stdout.write(`done ${k}\n`);
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`crashWriter: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
