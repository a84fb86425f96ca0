// The SessionStart hook run the way Claude Code runs it (`sh -c COMMAND` with
// CLAUDE_PROJECT_DIR set): with the `campaign` CLI on PATH it re-renders a
// primer the campaign has moved on from; without it, it hands over the file
// it has, with a first line saying it may be stale when campaign.yaml is newer.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { HOOK_COMMAND, STALE_PRIMER_NOTE } from '../../src/core/agents/claudeSettings';
import { connect } from '../../src/core/agents/connect';
import { primerSourceOf } from '../../src/core/primer/primerFile';
import { runCli } from '../../src/cli/main';
import { repoRoot, tempDir } from '../support/fixtures';

const campaignYaml = readFileSync(join(repoRoot, 'test/fixtures/claude-code/campaign.yaml'), 'utf8');
const cliJs = join(repoRoot, 'dist/cli.js');

/** A folder with a `campaign` launcher for the built CLI, as `npm install -g` or the extension's terminal PATH would give. */
function launcherDir(root: string): string {
  const bin = join(root, 'bin');
  mkdirSync(bin);
  writeFileSync(join(bin, 'campaign'), `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(cliJs)} "$@"\n`);
  chmodSync(join(bin, 'campaign'), 0o755);
  return bin;
}

/** Only the folders the shell needs, so no `campaign` from the machine is found. */
const SYSTEM_PATH = '/usr/bin:/bin';

function runHook(projectDir: string, path: string) {
  return spawnSync('/bin/sh', ['-c', HOOK_COMMAND], { cwd: projectDir, encoding: 'utf8', env: { PATH: path, CLAUDE_PROJECT_DIR: projectDir } });
}

/** Edits campaign.yaml the way a person or `git pull` does, its time after the primer's. */
function editCampaign(campaign: string, from: string, to: string): void {
  writeFileSync(campaign, readFileSync(campaign, 'utf8').replace(from, to));
  const later = new Date(Date.now() + 60_000);
  utimesSync(campaign, later, later);
}

function project(): { dir: string; campaign: string; primer: string; cleanup: () => void } {
  const t = tempDir('campaign-hook-');
  const dir = join(t.dir, 'project');
  mkdirSync(join(dir, '.claude'), { recursive: true });
  const campaign = join(dir, '.claude', 'campaign.yaml');
  writeFileSync(campaign, campaignYaml);
  return { dir, campaign, primer: join(dir, '.claude', 'campaign-primer.md'), cleanup: t.cleanup };
}

describe('SessionStart hook: the primer is never stale', () => {
  it('the primer file records what it was rendered from', async () => {
    const p = project();
    try {
      await connect({ campaignPath: p.campaign, hook: true, budget: 1500 });
      const source = primerSourceOf(readFileSync(p.primer, 'utf8'));
      assert.match(source!.hash, /^[0-9a-f]{12}$/);
      assert.equal(source!.budget, 1500);
    } finally {
      p.cleanup();
    }
  });

  it('without the CLI: the current primer as it is; after a hand edit, a first line saying it may be stale and how to refresh', async () => {
    const p = project();
    try {
      await connect({ campaignPath: p.campaign, hook: true });
      const primer = readFileSync(p.primer, 'utf8');
      const fresh = runHook(p.dir, SYSTEM_PATH);
      assert.deepEqual([fresh.status, fresh.stderr, fresh.stdout], [0, '', primer]);
      editCampaign(p.campaign, 'Wire the password reset emails through the outbox queue', 'Ship the billing export');
      const stale = runHook(p.dir, SYSTEM_PATH);
      assert.equal(stale.status, 0, stale.stderr);
      assert.equal(stale.stdout, `${STALE_PRIMER_NOTE}\n\n${primer}`);
      assert.match(stale.stdout.split('\n')[0]!, /may be out of date.*campaign primer --refresh/);
      assert.equal(readFileSync(p.primer, 'utf8'), primer, 'nothing rewrote the file');
      // Disconnected (no primer file): nothing at all, and success.
      rmSync(p.primer);
      assert.deepEqual([runHook(p.dir, SYSTEM_PATH).status, runHook(p.dir, SYSTEM_PATH).stdout], [0, '']);
    } finally {
      p.cleanup();
    }
  });

  it('with the CLI on PATH: a stale primer is re-rendered, written and printed; a current one is printed as it is', { skip: !existsSync(cliJs) && 'dist/cli.js is not built' }, async () => {
    const p = project();
    try {
      const path = `${launcherDir(join(p.dir, '..'))}:${SYSTEM_PATH}`;
      await connect({ campaignPath: p.campaign, hook: true, budget: 1500 });
      const primer = readFileSync(p.primer, 'utf8');
      assert.deepEqual([runHook(p.dir, path).status, runHook(p.dir, path).stdout], [0, primer]);

      editCampaign(p.campaign, 'Wire the password reset emails through the outbox queue', 'Ship the billing export');
      const r = runHook(p.dir, path);
      assert.equal(r.status, 0, r.stderr);
      const rewritten = readFileSync(p.primer, 'utf8');
      assert.notEqual(rewritten, primer);
      assert.equal(r.stdout, rewritten, 'prints exactly the re-rendered file');
      assert.match(r.stdout, /Ship the billing export/);
      assert.doesNotMatch(r.stdout, /may be out of date/);
      assert.equal(primerSourceOf(rewritten)!.budget, 1500, 'the budget it was rendered with is kept');

      // A campaign file that no longer parses: the last primer, with a first line naming the problem's place.
      writeFileSync(p.campaign, 'version: 1\nproject: [unclosed\n');
      const broken = runHook(p.dir, path);
      assert.equal(broken.status, 0, broken.stderr);
      assert.match(broken.stdout.split('\n')[0]!, /^Campaign: this primer may be out of date: the campaign file could not be read \(\.claude\/campaign\.yaml:\d+:\d+: /);
      assert.ok(broken.stdout.endsWith(rewritten));

      rmSync(p.primer);
      const off = runHook(p.dir, path);
      assert.deepEqual([off.status, off.stdout], [0, ''], 'not connected: the CLI prints nothing');
    } finally {
      p.cleanup();
    }
  });

  it('no campaign text reaches the shell: the command is the same for every campaign and folder', async () => {
    // The note sits in single quotes, where nothing is expanded; it has no quote of its own to end them.
    assert.equal(STALE_PRIMER_NOTE.includes("'"), false);
    const p = project();
    try {
      writeFileSync(p.campaign, campaignYaml.replace('Wire the password reset emails through the outbox queue', '"$(touch pwned) `touch pwned2`"'));
      await connect({ campaignPath: p.campaign, hook: true });
      editCampaign(p.campaign, 'touch pwned2', 'touch pwned3');
      const r = runHook(p.dir, SYSTEM_PATH);
      assert.equal(r.status, 0);
      assert.ok(r.stdout.includes('$(touch pwned)'));
      assert.equal(existsSync(join(p.dir, 'pwned')) || existsSync(join(p.dir, 'pwned2')) || existsSync(join(p.dir, 'pwned3')), false);
    } finally {
      p.cleanup();
    }
  });

  it('campaign primer --refresh says what it did; an unreadable campaign is exit 1 and the file is left alone', async () => {
    const p = project();
    const cli = async (...argv: string[]) => {
      const out: string[] = [];
      const err: string[] = [];
      const code = await runCli(argv, { cwd: p.dir, now: () => new Date(2026, 10, 24, 12), out: (t) => out.push(t), err: (t) => err.push(t) });
      return { code, out: out.join('\n'), err: err.join('\n') };
    };
    try {
      assert.match((await cli('primer', '--refresh')).out, /^Not connected/);
      await connect({ campaignPath: p.campaign });
      assert.match((await cli('primer', '--refresh')).out, /\.claude\/campaign-primer\.md is current\./);
      editCampaign(p.campaign, 'Wire the password reset emails through the outbox queue', 'Ship the billing export');
      assert.match((await cli('primer', '--refresh')).out, /^Refreshed \.claude\/campaign-primer\.md\.$/);
      assert.match(readFileSync(p.primer, 'utf8'), /Ship the billing export/);
      const kept = readFileSync(p.primer, 'utf8');
      writeFileSync(p.campaign, 'version: 1\nproject: [unclosed\n');
      const bad = await cli('primer', '--refresh');
      assert.equal(bad.code, 1);
      assert.match(bad.err, /left as it is: the campaign file could not be read \(\.claude\/campaign\.yaml:\d+:\d+: /);
      assert.equal(readFileSync(p.primer, 'utf8'), kept);
      assert.equal((await cli('primer', '--print')).code, 2, '--print goes with --refresh');
    } finally {
      p.cleanup();
    }
  });
});
