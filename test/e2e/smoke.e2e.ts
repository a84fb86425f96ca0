// Job: self-test of the end-to-end harness. It proves the packaged .vsix
// installs into a fresh code-server and the workbench loads it, without relying
// on Campaign's features (the feature journeys live in their own e2e files).
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, it } from 'node:test';
import { repoRoot } from '../support/codeServer';
import { step, useWorkbench } from '../support/e2eSession';

const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
  publisher: string;
  name: string;
  version: string;
  displayName: string;
  main?: string;
};
const extensionId = `${manifest.publisher}.${manifest.name}`;

describe('e2e harness smoke', { timeout: 180_000 }, () => {
  const session = useWorkbench();

  it('opens the workspace in the real workbench', step('smoke-workbench', session, async () => {
    const { wb, workspace } = session();
    await wb.page.locator('.part.statusbar').waitFor();
    // The window title names the opened folder once the workspace is restored.
    await wb.page.waitForFunction((name) => document.title.includes(name), basename(workspace));
  }));

  it('installed the packaged extension completely', step('smoke-installed', session, async () => {
    const { server } = session();
    const dir = join(server.extensionsDir, `${extensionId}-${manifest.version}`);
    assert.ok(existsSync(join(dir, 'package.json')), `${extensionId} is not installed in ${server.extensionsDir}`);
    // The entry point must have survived .vscodeignore.
    if (manifest.main) assert.ok(existsSync(join(dir, manifest.main)), `${manifest.main} is missing from the .vsix`);
  }));

  it('lists the extension in the Extensions view', step('smoke-extensions-view', session, async () => {
    const { wb } = session();
    await wb.runCommand('View: Show Extensions');
    // Opening the view focuses its search box; list what is installed.
    await wb.page.locator('.extensions-viewlet').waitFor();
    await wb.page.keyboard.type('@installed');
    const row = wb.page.locator('.extensions-viewlet .monaco-list-row', { hasText: manifest.displayName });
    await row.first().waitFor({ timeout: 20_000 });
    await wb.screenshot('smoke-extensions-view');
  }));

  it('loaded it in the extension host without an activation error', step('smoke-activation', session, async () => {
    const { server } = session();
    const hostLog = [...server.extensionHostLogs()].filter(([f]) => f.endsWith('remoteexthost.log')).map(([, t]) => t).join('\n');
    assert.ok(hostLog.length > 0, 'no extension host log was written');
    const failure = new RegExp(`Activating extension '?${extensionId.replace('.', '\\.')}'? failed`, 'i');
    assert.deepEqual(hostLog.split('\n').filter((line) => failure.test(line)), []);
  }));
});
