// Runs the compiled unit tests (out/test/unit/**/*.test.js) with node's own
// test runner. Node 20 has no glob support in --test, so we list the files.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const dir = join(root, 'out/test/unit');

function list(d) {
  if (!existsSync(d)) return [];
  return readdirSync(d).flatMap((n) => {
    const p = join(d, n);
    return statSync(p).isDirectory() ? list(p) : n.endsWith('.test.js') ? [p] : [];
  });
}

const files = list(dir).sort();
if (files.length === 0) {
  console.error('No compiled unit tests in out/test/unit; run `node scripts/build.mjs --tests` first.');
  process.exit(1);
}
const filter = process.argv.slice(2);
const chosen = filter.length ? files.filter((f) => filter.some((x) => f.includes(x))) : files;
const reporter = process.env.CAMPAIGN_TEST_REPORTER ?? 'spec';
const result = spawnSync(process.execPath, ['--test', `--test-reporter=${reporter}`, ...chosen], {
  stdio: 'inherit',
  cwd: root,
  // Every operation that names its sections is checked to change no other (CampaignDocument.checkSections).
  env: { ...process.env, CAMPAIGN_REPO_ROOT: root, CAMPAIGN_CHECK_SECTIONS: '1' },
});
process.exit(result.status ?? 1);
