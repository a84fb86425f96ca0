// `campaign git-setup`: writes the .gitattributes lines and the repo-local
// driver config, idempotently, and `--undo` takes back exactly what it added.
import { describe, it, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { driverCliExists, driverCommand, gitSetup, gitSetupStatus, gitSetupUndo } from '../../src/core/merge/gitSetup';
import { CampaignError } from '../../src/core/model/problems';
import { tempDir } from '../support/fixtures';
import { cliPath, gitRepo, must, type GitRepo } from './gitRepo';

const ATTRS = [
  '# Campaign: merge the campaign file by meaning (campaign git-setup)',
  '.claude/campaign.yaml merge=campaign',
  '.claude/campaign-archive/*.yaml merge=campaign',
  '',
].join('\n');

describe('git-setup', () => {
  let repo: GitRepo | undefined;
  afterEach(() => repo?.cleanup());

  it('adds the attributes and the driver once, however often it runs', async () => {
    repo = gitRepo();
    const first = await gitSetup({ cwd: repo.dir, cliPath: '/opt/campaign/dist/cli.js' });
    assert.deepEqual([first.attributes, first.config], ['added', 'set']);
    const second = await gitSetup({ cwd: repo.dir, cliPath: '/opt/campaign/dist/cli.js' });
    assert.deepEqual([second.attributes, second.config], ['present', 'present']);
    assert.equal(repo.read('.gitattributes'), ATTRS);
    assert.equal(repo.ok('config', '--local', '--get', 'merge.campaign.driver'), 'node /opt/campaign/dist/cli.js merge-driver %O %A %B %P');
    assert.match(repo.ok('config', '--local', '--get', 'merge.campaign.name'), /Campaign/);
    assert.equal(repo.ok('check-attr', 'merge', '--', '.claude/campaign.yaml'), '.claude/campaign.yaml: merge: campaign');
    assert.equal(repo.ok('check-attr', 'merge', '--', '.claude/campaign-archive/2025.yaml'), '.claude/campaign-archive/2025.yaml: merge: campaign');
  });

  it('updates a driver whose CLI moved, and reports its status', async () => {
    repo = gitRepo();
    await gitSetup({ cwd: repo.dir, cliPath: '/old/ext-0.1.0/dist/cli.js' });
    const stale = await gitSetupStatus({ cwd: repo.dir, cliPath: '/new/ext-0.2.0/dist/cli.js' });
    assert.deepEqual([stale?.attributes, stale?.current], [true, false]);
    assert.equal(driverCliExists(stale!.driver!), false);
    const r = await gitSetup({ cwd: repo.dir, cliPath: '/new/ext-0.2.0/dist/cli.js' });
    assert.deepEqual([r.attributes, r.config], ['present', 'updated']);
    assert.equal((await gitSetupStatus({ cwd: repo.dir, cliPath: '/new/ext-0.2.0/dist/cli.js' }))?.current, true);
    const outside = tempDir();
    assert.equal(await gitSetupStatus({ cwd: outside.dir, cliPath }), undefined);
    outside.cleanup();
  });

  it('quotes paths with spaces for the shell git runs the driver with, and finds them again', () => {
    const driver = driverCommand({ cliPath: "/Users/me/VS Code's ext/dist/cli.js", nodePath: '/usr/bin/node' });
    assert.equal(driver, `/usr/bin/node '/Users/me/VS Code'\\''s ext/dist/cli.js' merge-driver %O %A %B %P`);
    assert.equal(driverCommand({ cliPath: '/x/cli.js', nodePath: '/Apps/Code', electronRunAsNode: true }), 'ELECTRON_RUN_AS_NODE=1 /Apps/Code /x/cli.js merge-driver %O %A %B %P');
    assert.equal(driverCliExists(driverCommand({ cliPath })), true);
  });

  it('--undo removes exactly what it added, keeping everything else byte for byte', async () => {
    repo = gitRepo();
    const mine = '*.png binary\r\n# ours\r\ndocs/** linguist-documentation\r\n';
    repo.write('.gitattributes', mine);
    repo.ok('config', '--local', 'merge.other.driver', 'true');
    const configBefore = readFileSync(join(repo.dir, '.git', 'config'), 'utf8');
    await gitSetup({ cwd: repo.dir, cliPath: '/opt/cli.js' });
    assert.equal(repo.read('.gitattributes'), mine + ATTRS.replace(/\n/g, '\r\n'));
    await gitSetup({ cwd: repo.dir, cliPath: '/opt/cli.js' });
    const undone = await gitSetupUndo({ cwd: repo.dir });
    assert.deepEqual([undone.attributes, undone.config], ['removed', 'removed']);
    assert.equal(repo.read('.gitattributes'), mine);
    assert.equal(readFileSync(join(repo.dir, '.git', 'config'), 'utf8'), configBefore);
    const again = await gitSetupUndo({ cwd: repo.dir });
    assert.deepEqual([again.attributes, again.config], ['absent', 'absent']);
  });

  it('--undo deletes a .gitattributes that only setup created', async () => {
    repo = gitRepo();
    const configBefore = readFileSync(join(repo.dir, '.git', 'config'), 'utf8');
    await gitSetup({ cwd: repo.dir, cliPath: '/opt/cli.js' });
    await gitSetupUndo({ cwd: repo.dir });
    assert.equal(existsSync(join(repo.dir, '.gitattributes')), false);
    assert.equal(readFileSync(join(repo.dir, '.git', 'config'), 'utf8'), configBefore);
  });

  it('uses the campaign file path when the campaign lives in a subfolder', async () => {
    repo = gitRepo();
    mkdirSync(join(repo.dir, 'services', 'auth', '.claude'), { recursive: true });
    writeFileSync(join(repo.dir, 'services', 'auth', '.claude', 'campaign.yaml'), 'version: 1\n');
    must(repo, 'git-setup', '--node', process.execPath);
    assert.equal(repo.read('.gitattributes'), ATTRS);
    const sub = repo.campaign('--file', 'services/auth/.claude/campaign.yaml', 'git-setup');
    assert.equal(sub.code, 0, sub.err);
    assert.match(repo.read('.gitattributes'), /^services\/auth\/\.claude\/campaign\.yaml merge=campaign$/m);
    assert.match(repo.read('.gitattributes'), /^services\/auth\/\.claude\/campaign-archive\/\*\.yaml merge=campaign$/m);
  });

  it('the CLI records its own bundle as the driver, and says what it did', () => {
    repo = gitRepo();
    const out = must(repo, 'git-setup', '--node', process.execPath);
    assert.match(out, /added the \.gitattributes lines/);
    assert.ok(repo.ok('config', '--local', '--get', 'merge.campaign.driver').includes(cliPath.split('/').slice(-2).join('/')));
    assert.match(must(repo, 'git-setup', '--undo'), /Removed the campaign merge driver/);
    assert.match(must(repo, 'git-setup', '--undo'), /nothing to undo/);
  });

  it('refuses outside a git repository', async () => {
    const t = tempDir();
    try {
      await assert.rejects(gitSetup({ cwd: t.dir, cliPath: '/x' }), CampaignError);
    } finally {
      t.cleanup();
    }
  });
});
