// Job: Set Up Git Merges / Remove Git Merge Setup in a real repository (the
// test workspace, `git init`ed here): the context keys, .gitattributes, the
// driver in .git/config running this extension's own dist/cli.js — proven by
// a real `git merge` of two branches that both added work — and an undo that
// takes it all out again. Also: a driver left by an older install is brought
// up to date without asking.
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { CampaignExtensionApi } from '../../src/extension/extension';
import { campaignApi, readCampaign, SAMPLE, ScriptedUi, setCampaignOnDisk, sleep, withUi } from './campaignHarness';
import { EXTENSION_ID, waitFor, workspaceRoot } from './helpers';

interface GitExtensionLike {
  getAPI(version: 1): { getRepository(uri: vscode.Uri): unknown };
}

const cwd = () => workspaceRoot().fsPath;
const gitArgs = ['-c', 'user.name=Campaign Test', '-c', 'user.email=test@example.invalid', '-c', 'commit.gpgsign=false', '-c', 'init.defaultBranch=main'];
function git(...args: string[]): string {
  return execFileSync('git', [...gitArgs, ...args], { cwd: cwd(), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}
function gitConfig(key: string): string | undefined {
  const r = spawnSync('git', ['config', '--local', '--get', key], { cwd: cwd(), encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

describe('Campaign git merge setup', () => {
  let api: CampaignExtensionApi;
  let hasGit = true;
  before(async function () {
    hasGit = spawnSync('git', ['--version']).status === 0;
    if (!hasGit) this.skip();
    api = await campaignApi();
    await setCampaignOnDisk(api, SAMPLE);
    // Another suite may have left nothing behind; start from a folder without a repository.
    rmSync(join(cwd(), '.git'), { recursive: true, force: true });
    rmSync(join(cwd(), '.gitattributes'), { force: true });
    assert.equal((await api.gitMerges.update()).repo, false);
    assert.equal(api.contextKeys.current['campaign.gitRepo'], false);
    git('init', '-q');
    git('add', '.claude/campaign.yaml');
    git('commit', '-q', '-m', 'Campaign');
  });
  after(async () => {
    if (!hasGit) return;
    const gitExt = vscode.extensions.getExtension<GitExtensionLike>('vscode.git');
    if (gitExt?.isActive) {
      // Close the repository in the Git extension before deleting it (see campaignGit.test.ts).
      await vscode.commands.executeCommand('git.close', workspaceRoot());
      await waitFor(() => gitExt.exports.getAPI(1).getRepository(workspaceRoot()) === null, 'git to close the repository', 10_000);
      await sleep(500);
    }
    rmSync(join(cwd(), '.git'), { recursive: true, force: true });
    rmSync(join(cwd(), '.gitattributes'), { force: true });
    await api.gitMerges.update();
  });

  it('sees the repository (campaign.gitRepo) and sets up .gitattributes and the driver', async () => {
    await waitFor(async () => (await api.gitMerges.update()).repo, 'the repository to be seen');
    assert.equal(api.contextKeys.current['campaign.gitRepo'], true);
    assert.equal(api.contextKeys.current['campaign.gitMergesSetUp'], false);

    const ui = new ScriptedUi();
    await withUi(api, ui, () => vscode.commands.executeCommand('campaign.setUpGitMerges'));
    assert.match(ui.messages.at(-1)?.message ?? '', /^Git now merges the campaign file by meaning\. Commit \.gitattributes/);
    const attributes = readFileSync(join(cwd(), '.gitattributes'), 'utf8');
    assert.match(attributes, /^\.claude\/campaign\.yaml merge=campaign$/m);
    assert.match(attributes, /^\.claude\/campaign-archive\/\*\.yaml merge=campaign$/m);
    const cli = join(vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath, 'dist', 'cli.js');
    const driver = gitConfig('merge.campaign.driver') ?? '';
    assert.ok(driver.includes(cli), `the driver runs this extension's CLI: ${driver}`);
    assert.match(driver, / merge-driver %O %A %B %P$/);
    assert.equal(gitConfig('merge.campaign.name'), 'Campaign: semantic merge of .claude/campaign.yaml');
    assert.equal(api.contextKeys.current['campaign.gitMergesSetUp'], true);

    // Again: nothing changes.
    const again = new ScriptedUi();
    await withUi(api, again, () => vscode.commands.executeCommand('campaign.setUpGitMerges'));
    assert.match(again.messages.at(-1)?.message ?? '', /already set up here; nothing changed/);
  });

  it('git merges two branches that both added work, through the driver', async () => {
    git('add', '.gitattributes');
    git('commit', '-q', '-m', 'Merge the campaign file by meaning');
    const base = readCampaign();
    const add = (id: string, title: string) => base.replace('\nbuild_log:', `  - id: ${id}\n    title: ${title}\n    priority: high\n    status: todo\n\nbuild_log:`);
    git('checkout', '-q', '-b', 'theirs');
    writeFileSync(join(cwd(), '.claude', 'campaign.yaml'), add('w-thr2', 'Their new item'));
    git('commit', '-q', '-am', 'Their item');
    git('checkout', '-q', 'main');
    writeFileSync(join(cwd(), '.claude', 'campaign.yaml'), add('w-our2', 'Our new item'));
    git('commit', '-q', '-am', 'Our item');
    // A plain text merge would conflict here (both appended at the same place).
    git('merge', '-q', '--no-edit', 'theirs');
    const merged = readCampaign();
    assert.match(merged, /Our new item/);
    assert.match(merged, /Their new item/);
    assert.doesNotMatch(merged, /<<<<<<<|merge_conflicts/);
    await api.workspace.active!.reload();
  });

  it('brings a driver left by an older install up to date on its own', async () => {
    const stale = "node '/home/someone/.vscode/extensions/campaign-tools.campaign-0.0.9/dist/cli.js' merge-driver %O %A %B %P";
    git('config', '--local', 'merge.campaign.driver', stale);
    assert.equal((await api.gitMerges.update()).setUp, false);
    await api.gitMerges.refreshStaleDrivers();
    assert.notEqual(gitConfig('merge.campaign.driver'), stale);
    assert.ok(gitConfig('merge.campaign.driver')?.includes(join('dist', 'cli.js')));
    assert.equal((await api.gitMerges.update()).setUp, true);
    // A driver that runs some other, existing CLI (an npm install) is left alone.
    const npmCli = `node ${join(cwd(), '.claude', 'campaign.yaml')} merge-driver %O %A %B %P`;
    git('config', '--local', 'merge.campaign.driver', npmCli);
    await api.gitMerges.refreshStaleDrivers();
    assert.equal(gitConfig('merge.campaign.driver'), npmCli);
    await withUi(api, new ScriptedUi(), () => vscode.commands.executeCommand('campaign.setUpGitMerges'));
  });

  it('Remove Git Merge Setup takes out exactly what was added', async () => {
    writeFileSync(join(cwd(), '.gitattributes'), `*.png binary\n${readFileSync(join(cwd(), '.gitattributes'), 'utf8')}`);
    const ui = new ScriptedUi();
    await withUi(api, ui, () => vscode.commands.executeCommand('campaign.removeGitMergeSetup'));
    assert.match(ui.messages.at(-1)?.message ?? '', /^Removed the campaign merge driver/);
    assert.equal(readFileSync(join(cwd(), '.gitattributes'), 'utf8'), '*.png binary\n');
    assert.equal(gitConfig('merge.campaign.driver'), undefined);
    assert.equal(gitConfig('merge.campaign.name'), undefined);
    assert.equal(api.contextKeys.current['campaign.gitMergesSetUp'], false);
    assert.equal(api.contextKeys.current['campaign.gitRepo'], true);
    rmSync(join(cwd(), '.gitattributes'));
    assert.ok(!existsSync(join(cwd(), '.gitattributes')));
  });
});
