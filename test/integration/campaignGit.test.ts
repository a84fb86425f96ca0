// Job: the handoff form's accomplishments include the commits made since the
// session started, read through the built-in Git extension — and without a
// repository the form opens all the same (the other suites run without one).
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { CampaignExtensionApi } from '../../src/extension/extension';
import { campaignApi, SAMPLE, setCampaignOnDisk, sleep, endSessionCapturingForm } from './campaignHarness';
import { waitFor, workspaceRoot } from './helpers';

interface GitExtensionLike {
  getAPI(version: 1): { getRepository(uri: vscode.Uri): unknown };
}

function git(...args: string[]): void {
  execFileSync('git', ['-c', 'user.name=Campaign Test', '-c', 'user.email=test@example.invalid', '-c', 'commit.gpgsign=false', ...args], {
    cwd: workspaceRoot().fsPath,
    stdio: 'ignore',
  });
}

describe('Campaign and git', () => {
  let api: CampaignExtensionApi;
  const hasGit = vscode.extensions.getExtension('vscode.git') !== undefined;
  before(async function () {
    if (!hasGit) this.skip();
    api = await campaignApi();
    const started = new Date(Date.now() - 3_600_000).toISOString();
    await setCampaignOnDisk(api, SAMPLE.replace('active_session: null', `active_session:\n  started: '${started}'\n  focus: Git prefill`));
    git('init', '-q');
    git('add', '-A');
    git('commit', '-q', '-m', 'Add the password reset endpoint\n\nWith a body that is not a subject.');
    git('commit', '-q', '--allow-empty', '-m', 'Send reset emails');
  });
  after(async () => {
    if (!hasGit) return;
    // Close the repository in the Git extension before deleting it, or its pending
    // git runs fail later (uncaught) in whichever test happens to be running.
    const api = vscode.extensions.getExtension<GitExtensionLike>('vscode.git')!.exports.getAPI(1);
    await vscode.commands.executeCommand('git.close', workspaceRoot());
    await waitFor(() => api.getRepository(workspaceRoot()) === null, 'git to close the repository', 10_000);
    await sleep(500);
    rmSync(join(workspaceRoot().fsPath, '.git'), { recursive: true, force: true });
  });

  it('prefills the commit subjects since the session started, oldest first', async () => {
    const since = new Date(Date.now() - 3_600_000);
    // The Git extension notices the new repository on its own, a moment later.
    await waitFor(async () => (await api.commands.git.subjectsSince(workspaceRoot(), since)).length === 2, 'git to see the commits', 15_000);
    const opened = await endSessionCapturingForm(api);
    assert.deepEqual(opened?.prefill.accomplishments, ['Add the password reset endpoint', 'Send reset emails']);
  });
});
