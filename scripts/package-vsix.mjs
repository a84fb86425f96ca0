// Job: production build + `vsce package` into one .vsix. Used by `npm run
// package` (campaign-<version>.vsix at the repo root), by the e2e layer of
// scripts/test-all.mjs and by `npm start` (both: .vscode-test/campaign.vsix).
// Usage: node scripts/package-vsix.mjs [--out PATH] [--skip-build]
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const root = new URL('..', import.meta.url).pathname.replace(/\/$/, '');
const { values } = parseArgs({ options: { out: { type: 'string' }, 'skip-build': { type: 'boolean' } } });
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const out = resolve(values.out ?? join(root, `campaign-${version}.vsix`));

function run(cmd, args) {
  // stdin closed: a vsce question (missing LICENSE, …) fails the run instead of hanging CI.
  const r = spawnSync(cmd, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

if (!values['skip-build']) {
  // A clean dist/: no source maps or stale bundles left by a development build.
  rmSync(join(root, 'dist'), { recursive: true, force: true });
  run(process.execPath, [join(root, 'scripts/build.mjs'), '--production']);
}
// The output folder may not exist yet: on a fresh clone `npm start` packages
// into .vscode-test/ before provisioning has created it.
mkdirSync(dirname(out), { recursive: true });
// --no-dependencies: everything is bundled by esbuild, node_modules stays out.
run(process.execPath, [join(root, 'node_modules/@vscode/vsce/vsce'), 'package', '--no-dependencies', '--allow-missing-repository', '-o', out]);
