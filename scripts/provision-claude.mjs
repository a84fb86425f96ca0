// Job: install the real Claude Code client, once per pinned version, into the
// git-ignored tool cache (.vscode-test/claude-code-<version>/) so the Claude
// Code end-to-end test (test/e2e/claudeCode.e2e.ts) can run it against a
// loopback stub of the Messages API. Everything comes from the npm registry:
// the `@anthropic-ai/claude-code` wrapper package and its native platform
// package (an optional dependency, ~230 MB packed); the wrapper's postinstall
// only copies that binary over its placeholder and downloads nothing.
//
// Usage: node scripts/provision-claude.mjs [--print-path]
//   --print-path  print the path of the installed `claude` binary on stdout
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync, rmSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
// Pinned: the e2e test's expectations (request shape, hook behaviour) were checked against it.
export const CLAUDE_CODE_VERSION = '2.1.331';
const version = process.env.CAMPAIGN_CLAUDE_CODE_VERSION || CLAUDE_CODE_VERSION;
const cache = join(root, '.vscode-test');
const dir = join(cache, `claude-code-${version}`);
const bin = join(dir, 'node_modules/@anthropic-ai/claude-code/bin/claude.exe');
const stamp = join(dir, '.provisioned');
const printPath = process.argv.includes('--print-path');
const log = (msg) => (printPath ? process.stderr : process.stdout).write(`[provision-claude] ${msg}\n`);

/** True when `file` is the real native binary (the wrapper's placeholder is a 500-byte script). */
function isNative(file) {
  try {
    return statSync(file).size > 1024 * 1024;
  } catch {
    return false;
  }
}

function provision() {
  if (existsSync(stamp) && isNative(bin)) {
    log(`claude-code ${version}: cached`);
    return;
  }
  mkdirSync(cache, { recursive: true });
  const tmp = `${dir}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  // A private package.json keeps npm from walking up into the project's own.
  writeFileSync(join(tmp, 'package.json'), JSON.stringify({ name: 'claude-code-cache', private: true }) + '\n');
  log(`claude-code ${version}: installing @anthropic-ai/claude-code@${version} from the npm registry`);
  const started = Date.now();
  const r = spawnSync(
    'npm',
    ['install', '--prefix', tmp, '--no-audit', '--no-fund', '--no-save', '--loglevel=error', `@anthropic-ai/claude-code@${version}`],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, DISABLE_AUTOUPDATER: '1' } },
  );
  writeFileSync(join(cache, 'provision-claude.log'), `${r.stdout ?? ''}${r.stderr ?? ''}`);
  if (r.status !== 0) {
    rmSync(tmp, { recursive: true, force: true });
    throw new Error(`npm install @anthropic-ai/claude-code@${version} failed (${r.status ?? r.signal}):\n${(r.stderr ?? '').split('\n').slice(-30).join('\n')}`);
  }
  const tmpBin = join(tmp, 'node_modules/@anthropic-ai/claude-code/bin/claude.exe');
  if (!isNative(tmpBin)) {
    rmSync(tmp, { recursive: true, force: true });
    throw new Error(
      `the install finished but bin/claude.exe is still the placeholder: npm did not install the native package for ${process.platform}-${process.arch}`,
    );
  }
  rmSync(dir, { recursive: true, force: true });
  renameSync(tmp, dir);
  writeFileSync(stamp, `${version}\n`);
  log(`claude-code ${version}: installed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

try {
  provision();
  if (printPath) process.stdout.write(`${bin}\n`);
} catch (err) {
  log(`failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
