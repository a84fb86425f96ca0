// Job: run the same in-host mocha suite (out/test/integration/index.js) in a
// desktop VS Code downloaded by @vscode/test-electron. For machines that can
// reach the VS Code download servers; on the project's offline machines use
// scripts/run-inhost-tests.mjs (code-server) instead. Not part of `npm test`.
// Assumes `node scripts/build.mjs --tests` ran.
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';

const root = new URL('..', import.meta.url).pathname.replace(/\/$/, '');
const workspace = mkdtempSync(join(tmpdir(), 'campaign-desktop-ws-'));
const fixture = join(root, 'test/fixtures/workspace');
if (existsSync(fixture)) cpSync(fixture, workspace, { recursive: true });

let code = 1;
try {
  code = await runTests({
    version: process.env.CAMPAIGN_VSCODE_VERSION ?? 'stable',
    extensionDevelopmentPath: root,
    extensionTestsPath: join(root, 'out/test/integration/index.js'),
    extensionTestsEnv: { CAMPAIGN_TEST_WORKSPACE: workspace },
    // Fresh profile, no other extensions, trust off: same conditions as the code-server route.
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
  });
} catch (err) {
  console.error(`[desktop] ${err?.message ?? err}`);
} finally {
  rmSync(workspace, { recursive: true, force: true });
}
process.exit(code);
