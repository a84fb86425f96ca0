// Job: `npm test`. Runs every layer in order (typecheck, build, unit, in-host,
// package + e2e), keeps going when one fails, and ends with the totals line
// `N passed, N failed`. Exits non-zero if a test failed or a layer crashed or
// did not report. CAMPAIGN_SKIP_INHOST=1 / CAMPAIGN_SKIP_E2E=1 skip layers.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname.replace(/\/$/, '');
const node = process.execPath;
const skipInhost = process.env.CAMPAIGN_SKIP_INHOST === '1';
const skipE2e = process.env.CAMPAIGN_SKIP_E2E === '1';
const results = []; // { name, passed, failed, note, seconds }
const startedAt = Date.now();

/** Runs a command, streaming its output while keeping a copy to parse. */
function run(cmd, args) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let text = '';
    child.stdout.on('data', (d) => (process.stdout.write(d), (text += d)));
    child.stderr.on('data', (d) => (process.stderr.write(d), (text += d)));
    child.on('error', (err) => resolve({ code: 127, text: `${text}\n${err.message}` }));
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 128 : 1), text }));
  });
}

function lastCount(text, pattern) {
  const all = [...text.matchAll(pattern)];
  return all.length ? Number(all[all.length - 1][1]) : undefined;
}
/** Counts from node's test runner: `# pass N` (tap) or `ℹ pass N` (spec). */
function nodeTestCounts(text) {
  const pass = lastCount(text, /^(?:#|ℹ) pass (\d+)\s*$/gm);
  const fail = lastCount(text, /^(?:#|ℹ) fail (\d+)\s*$/gm);
  const cancelled = lastCount(text, /^(?:#|ℹ) cancelled (\d+)\s*$/gm) ?? 0;
  return pass === undefined || fail === undefined ? undefined : { passed: pass, failed: fail + cancelled };
}
function inhostCounts(text) {
  const m = [...text.matchAll(/^inhost: (\d+) passed, (\d+) failed\s*$/gm)].pop();
  return m ? { passed: Number(m[1]), failed: Number(m[2]) } : undefined;
}

/** A step without tests (typecheck, build, package): a failure counts as one failed. */
async function step(name, cmd, args) {
  const t = Date.now();
  banner(name);
  const { code } = await run(cmd, args);
  results.push({ name, passed: 0, failed: code === 0 ? 0 : 1, note: code === 0 ? 'ok' : `exit ${code}`, seconds: (Date.now() - t) / 1000 });
  return code === 0;
}

/** A test layer: its report gives the counts; a crash or a silent run counts as one failed. */
async function layer(name, cmd, args, parse) {
  const t = Date.now();
  banner(name);
  const { code, text } = await run(cmd, args);
  const counts = parse(text);
  let { passed = 0, failed = 0 } = counts ?? {};
  let note = `exit ${code}`;
  if (!counts) (failed += 1), (note += ', no report');
  else if (passed + failed === 0) (failed += 1), (note += ', ran no test');
  else if (code !== 0 && failed === 0) (failed += 1), (note += ', crashed');
  results.push({ name, passed, failed, note, seconds: (Date.now() - t) / 1000 });
}

function skipped(name, why) {
  results.push({ name, passed: 0, failed: 0, note: `skipped (${why})`, seconds: 0 });
}
function banner(name) {
  console.log(`\n━━━ ${name} ━━━`);
}
function hasFiles(dir, suffix) {
  if (!existsSync(dir)) return false;
  return readdirSync(dir).some((n) => n.endsWith(suffix) || (statSync(join(dir, n)).isDirectory() && hasFiles(join(dir, n), suffix)));
}

// Artifacts (screenshots, logs) of this run only.
rmSync(join(root, 'test-results'), { recursive: true, force: true });

await step('typecheck', node, [join(root, 'node_modules/typescript/bin/tsc'), '--noEmit', '-p', '.']);
const built = await step('build', node, ['scripts/build.mjs', '--tests']);
if (!built) {
  for (const n of ['unit', 'in-host', 'e2e']) skipped(n, 'build failed');
} else {
  await layer('unit', node, ['scripts/run-unit-tests.mjs'], nodeTestCounts);
  const needVscode = !skipInhost || !skipE2e;
  const provisioned = needVscode ? await step('provision', node, ['scripts/provision-vscode.mjs']) : true;
  if (skipInhost) skipped('in-host', 'CAMPAIGN_SKIP_INHOST=1');
  else if (!provisioned) skipped('in-host', 'provision failed');
  else await layer('in-host', node, ['scripts/run-inhost-tests.mjs'], inhostCounts);
  if (skipE2e) skipped('e2e', 'CAMPAIGN_SKIP_E2E=1');
  else if (!provisioned) skipped('e2e', 'provision failed');
  else if (!hasFiles(join(root, 'out/test/e2e'), '.e2e.js')) skipped('e2e', 'no e2e files');
  else if (await step('package', node, ['scripts/package-vsix.mjs', '--out', '.vscode-test/campaign.vsix'])) {
    await layer('e2e', node, ['scripts/run-e2e-tests.mjs'], nodeTestCounts);
  } else skipped('e2e', 'packaging failed');
}

const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
console.log('\n━━━ summary ━━━');
for (const r of results) {
  console.log(`${r.name.padEnd(10)} ${String(r.passed).padStart(4)} passed ${String(r.failed).padStart(3)} failed  ${r.note} (${r.seconds.toFixed(1)} s)`);
}
console.log(`total time ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
