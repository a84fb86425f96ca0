// Job: `npm start`. Builds and packages the extension, provisions the real VS
// Code (code-server) if needed, and serves it with the .vsix installed on a
// fresh copy of the demo workspace (test/fixtures/demo-workspace), printing the
// loopback URL. Ctrl-C ends code-server's whole process group and cleans up.
// CAMPAIGN_PORT=NNNN picks the port (default: a free one).
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname.replace(/\/$/, '');
const vsix = join(root, '.vscode-test/campaign.vsix');

function step(label, script, args = []) {
  console.log(`[start] ${label}`);
  const r = spawnSync(process.execPath, [join(root, 'scripts', script), ...args], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
// --tests only for the launcher in out/test/support; package-vsix then rebuilds dist/ for production.
step('building', 'build.mjs', ['--tests']);
step('packaging', 'package-vsix.mjs', ['--out', vsix]);
step('provisioning', 'provision-vscode.mjs');

const { startCodeServer } = await import(join(root, 'out/test/support/codeServer.js'));
const workspace = join(mkdtempSync(join(tmpdir(), 'campaign-demo-')), 'tide-tables');
cpSync(join(root, 'test/fixtures/demo-workspace'), workspace, { recursive: true });
// codeServer.js turns Ctrl-C into an exit and ends the server group on exit.
process.on('exit', () => rmSync(join(workspace, '..'), { recursive: true, force: true }));

const port = process.env.CAMPAIGN_PORT ? Number(process.env.CAMPAIGN_PORT) : undefined;
const server = await startCodeServer({ workspace, vsix, port });
console.log(`\n  Campaign demo is running in VS Code (code-server ${server.url}).`);
console.log(`  Open: ${server.folderUrl()}`);
console.log(`  Workspace: ${workspace} (a throwaway copy)\n  Press Ctrl-C to stop.\n`);
// Stay alive until a signal; the launcher's hooks do the cleanup.
setInterval(() => {}, 1 << 30);
