// Job: run the end-to-end files (out/test/e2e/**/*.e2e.js) with node's test
// runner, one file at a time (each starts its own code-server and Chromium).
// Assumes the test build, `npm run provision` and a packaged
// .vscode-test/campaign.vsix (or $CAMPAIGN_VSIX). Extra args go to node --test.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname.replace(/\/$/, '');
const dir = join(root, 'out/test/e2e');
const files = [];
(function walk(d) {
  if (!existsSync(d)) return;
  for (const n of readdirSync(d).sort()) {
    const p = join(d, n);
    if (statSync(p).isDirectory()) walk(p);
    else if (n.endsWith('.e2e.js')) files.push(p);
  }
})(dir);
// CAMPAIGN_E2E_FILES=a,b runs only the files whose path contains one of them (while developing).
const only = (process.env.CAMPAIGN_E2E_FILES ?? '').split(',').filter(Boolean);
if (only.length) files.splice(0, files.length, ...files.filter((f) => only.some((o) => f.includes(o))));
if (files.length === 0) {
  console.error(`[e2e] no *.e2e.js under ${dir}: run \`node scripts/build.mjs --tests\` first`);
  process.exit(2);
}
const r = spawnSync(process.execPath, ['--enable-source-maps', '--test', '--test-reporter=spec', '--test-concurrency=1', ...process.argv.slice(2), ...files], {
  cwd: root,
  stdio: 'inherit',
});
process.exit(r.status ?? 1);
