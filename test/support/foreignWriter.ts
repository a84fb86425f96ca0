// A writer that ignores Campaign's lock, like an editor saving or the seed's
// Python `write_text(yaml.dump(...))`: read the file, add one constraint,
// write it back with writeFileSync. Compiled to out/test/support/foreignWriter.js.
//
//   node foreignWriter.js FILE TAG COUNT MIN_SLEEP_MS MAX_SLEEP_MS LOG
//
// Each cycle appends `{k, item, readAt, wroteAt}` (Date.now()) to LOG as a JSON
// line, so the test can tell which of its writes overlapped which of ours.
// Even cycles edit the text as a string; odd cycles go through the core's
// document (parse, addConstraint, toString) — either way, written blindly.
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { CampaignDocument } from '../../src/core/document/campaignDocument';
import { addConstraint } from '../../src/core/operations/identityOps';

const [file, tag, countText, minText, maxText, log] = process.argv.slice(2);
if (!file || !tag || !log) {
  process.stderr.write('usage: foreignWriter FILE TAG COUNT MIN_SLEEP_MS MAX_SLEEP_MS LOG\n');
  process.exit(2);
}
const count = Number(countText ?? 5);
const min = Number(minText ?? 0);
const max = Number(maxText ?? 20);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function main(): Promise<void> {
  for (let k = 0; k < count; k++) {
    await sleep(min + Math.random() * (max - min));
    const item = `Foreign ${tag} ${k}`;
    const readAt = Date.now();
    const text = readFileSync(file!, 'utf8');
    let next: string;
    if (k % 2 === 0) {
      next = text.replace(/^constraints:[^\n]*\n/m, (line) => `${line}  - ${item}\n`);
      if (next === text) throw new Error('no constraints section to add to');
    } else {
      const cd = CampaignDocument.parse(text);
      cd.apply(addConstraint(item), { now: new Date() });
      next = cd.toString();
    }
    writeFileSync(file!, next);
    appendFileSync(log!, `${JSON.stringify({ k, item, readAt, wroteAt: Date.now() })}\n`);
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`foreignWriter: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
