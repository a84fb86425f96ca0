// Connect and disconnect on real project folders: every file compared byte
// for byte before and after, idempotence, mode switches, refusals that write
// nothing, and the hook command itself run through a shell.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseJsonc as parse } from '../../src/core/agents/jsonText';
import { connect, disconnect } from '../../src/core/agents/connect';
import { EditedBlockError, findBlock } from '../../src/core/agents/claudeMdBlock';
import { HOOK_COMMAND, HOOK_ENTRY } from '../../src/core/agents/claudeSettings';
import { HOOK_OUTPUT_LIMIT } from '../../src/core/primer/primerFile';
import { CampaignError } from '../../src/core/model/problems';
import { repoRoot, tempDir } from '../support/fixtures';

const fixtureDir = join(repoRoot, 'test/fixtures/claude-code');
const fixture = (name: string) => readFileSync(join(fixtureDir, name));

/** Every file under `dir` with its bytes, as a sorted map (directories listed too). */
function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      const rel = relative(dir, p);
      if (statSync(p).isDirectory()) {
        out.set(`${rel}/`, '');
        walk(p);
      } else out.set(rel, readFileSync(p).toString('base64'));
    }
  };
  walk(dir);
  return out;
}

interface Project {
  dir: string;
  campaign: string;
  cleanup: () => void;
}

function project(files: Record<string, Buffer | string> = {}, prefix = 'campaign-connect-'): Project {
  const { dir, cleanup } = tempDir(prefix);
  mkdirSync(join(dir, '.claude'));
  const campaign = join(dir, '.claude', 'campaign.yaml');
  writeFileSync(campaign, fixture('campaign.yaml'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return { dir, campaign, cleanup };
}

const read = (p: Project, name: string) => readFileSync(join(p.dir, name), 'utf8');

/** Runs the hook's command the way Claude Code does: through a shell, with CLAUDE_PROJECT_DIR set. */
function runHook(shell: string, command: string, projectDir: string) {
  return spawnSync(shell, ['-c', command], {
    cwd: projectDir,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', CLAUDE_PROJECT_DIR: projectDir },
  });
}

describe('connect / disconnect', () => {
  it('a project with an existing CLAUDE.md and settings with other hooks: hook mode, idempotent, exact disconnect', async () => {
    const p = project({ 'CLAUDE.md': fixture('CLAUDE-existing.md') });
    writeFileSync(join(p.dir, '.claude', 'settings.json'), fixture('settings-with-hooks.json'));
    try {
      const before = snapshot(p.dir);
      const first = await connect({ campaignPath: p.campaign, hook: true });
      assert.equal(first.mode, 'hook');
      assert.deepEqual(
        first.changes.map((c) => [c.relPath, c.change]),
        [
          ['.claude/campaign-primer.md', 'created'],
          ['.claude/settings.json', 'updated'],
          ['CLAUDE.md', 'updated'],
        ],
      );
      const claudeMd = read(p, 'CLAUDE.md');
      assert.ok(claudeMd.startsWith(fixture('CLAUDE-existing.md').toString()));
      assert.doesNotMatch(findBlock(claudeMd)!.body, /(^|\s)@\.claude/, 'hook mode: no import in the block');
      const settings = parse(read(p, '.claude/settings.json')) as { hooks: { SessionStart: unknown[] } };
      assert.deepEqual(settings.hooks.SessionStart[1], HOOK_ENTRY);

      const connected = snapshot(p.dir);
      const again = await connect({ campaignPath: p.campaign, hook: true });
      assert.ok(again.changes.every((c) => c.change === 'unchanged'), JSON.stringify(again.changes));
      assert.deepEqual(snapshot(p.dir), connected, 'connect twice = connect once, byte for byte');

      const off = await disconnect({ root: p.dir });
      assert.ok(off.changes.every((c) => c.exact === true));
      assert.deepEqual(snapshot(p.dir), before, 'disconnect restores every byte and removes what connect created');
    } finally {
      p.cleanup();
    }
  });

  it('CRLF + BOM CLAUDE.md without a final newline, tab-indented CRLF settings.local.json: exact round trip', async () => {
    const p = project({ 'CLAUDE.md': fixture('CLAUDE-crlf-bom.md') });
    writeFileSync(join(p.dir, '.claude', 'settings.local.json'), fixture('settings-crlf-tabs.json'));
    try {
      const before = snapshot(p.dir);
      await connect({ campaignPath: p.campaign, hook: true, settings: 'local' });
      const md = read(p, 'CLAUDE.md');
      assert.equal(md.charCodeAt(0), 0xfeff);
      assert.equal(md.replace(/\r\n/g, '').includes('\n'), false, 'CLAUDE.md stays CRLF');
      assert.ok(read(p, '.claude/settings.local.json').includes(JSON.stringify(HOOK_COMMAND)));
      assert.equal(existsSync(join(p.dir, '.claude', 'settings.json')), false, 'the project settings are not touched');
      await disconnect({ root: p.dir });
      assert.deepEqual(snapshot(p.dir), before);
    } finally {
      p.cleanup();
    }
  });

  it('a project with nothing but the campaign: import mode creates CLAUDE.md and the primer; disconnect removes both', async () => {
    const p = project();
    try {
      const before = snapshot(p.dir);
      const result = await connect({ campaignPath: p.campaign });
      assert.equal(result.mode, 'import');
      assert.deepEqual(result.changes.map((c) => [c.relPath, c.change]), [
        ['.claude/campaign-primer.md', 'created'],
        ['CLAUDE.md', 'created'],
      ]);
      assert.match(findBlock(read(p, 'CLAUDE.md'))!.body, /\n@\.claude\/campaign-primer\.md$/);
      assert.ok(read(p, '.claude/campaign-primer.md').includes('Wire the password reset emails through the outbox queue'));
      await disconnect({ root: p.dir });
      assert.deepEqual(snapshot(p.dir), before);
    } finally {
      p.cleanup();
    }
  });

  it('invalid settings JSON: a clear error with line and column, and nothing at all is written', async () => {
    const p = project({ 'CLAUDE.md': fixture('CLAUDE-existing.md') });
    writeFileSync(join(p.dir, '.claude', 'settings.json'), fixture('settings-invalid.json'));
    try {
      const before = snapshot(p.dir);
      await assert.rejects(connect({ campaignPath: p.campaign, hook: true }), (e: CampaignError) => {
        assert.match(e.message, /\.claude\/settings\.json is not valid JSON \(line 5, column 3: expected "," or "}", found a string\); nothing was written/);
        return true;
      });
      assert.deepEqual(snapshot(p.dir), before);
    } finally {
      p.cleanup();
    }
  });

  it('switching modes moves the primer’s one way in: hook → import → local hook → disconnect', async () => {
    const p = project({ 'CLAUDE.md': fixture('CLAUDE-existing.md') });
    writeFileSync(join(p.dir, '.claude', 'settings.json'), fixture('settings-with-hooks.json'));
    try {
      const before = snapshot(p.dir);
      await connect({ campaignPath: p.campaign, hook: true });
      await connect({ campaignPath: p.campaign });
      assert.equal(read(p, '.claude/settings.json'), fixture('settings-with-hooks.json').toString(), 'import mode takes the hook out again');
      assert.match(findBlock(read(p, 'CLAUDE.md'))!.body, /@\.claude\/campaign-primer\.md$/);
      await connect({ campaignPath: p.campaign, hook: true, settings: 'local' });
      assert.equal(read(p, '.claude/settings.json'), fixture('settings-with-hooks.json').toString());
      assert.ok(read(p, '.claude/settings.local.json').includes('campaign-primer.md'));
      assert.doesNotMatch(findBlock(read(p, 'CLAUDE.md'))!.body, /(^|\s)@\.claude/);
      await disconnect({ root: p.dir });
      assert.deepEqual(snapshot(p.dir), before);
    } finally {
      p.cleanup();
    }
  });

  it('a hand-edited block: connect and disconnect refuse (writing nothing) unless forced', async () => {
    const p = project({ 'CLAUDE.md': fixture('CLAUDE-existing.md') });
    try {
      await connect({ campaignPath: p.campaign });
      const edited = read(p, 'CLAUDE.md').replace('Session protocol:', 'Session protocol (team version):');
      writeFileSync(join(p.dir, 'CLAUDE.md'), edited);
      const state = snapshot(p.dir);
      await assert.rejects(connect({ campaignPath: p.campaign, hook: true }), EditedBlockError);
      await assert.rejects(disconnect({ root: p.dir }), EditedBlockError);
      assert.deepEqual(snapshot(p.dir), state);
      await connect({ campaignPath: p.campaign, force: true });
      assert.equal(findBlock(read(p, 'CLAUDE.md'))!.edited, false);
      await disconnect({ root: p.dir });
      assert.equal(read(p, 'CLAUDE.md'), fixture('CLAUDE-existing.md').toString());
    } finally {
      p.cleanup();
    }
  });

  it('--agents-md puts the session protocol in AGENTS.md once, CLAUDE.md imports it; a linked AGENTS.md gets one block', async () => {
    const p = project({ 'AGENTS.md': '# Agents\n\nUse pnpm.\n' });
    try {
      const before = snapshot(p.dir);
      await connect({ campaignPath: p.campaign, agentsMd: true });
      const agentsBody = findBlock(read(p, 'AGENTS.md'))!.body;
      const claudeBody = findBlock(read(p, 'CLAUDE.md'))!.body;
      assert.match(agentsBody, /Session protocol:/);
      // VS Code Copilot reads both files: the protocol must be in only one of them. Claude Code follows the import.
      assert.doesNotMatch(claudeBody, /Session protocol:/);
      assert.match(claudeBody, /^@AGENTS\.md$/m);
      assert.match(claudeBody, /^@\.claude\/campaign-primer\.md$/m);
      await disconnect({ root: p.dir });
      assert.deepEqual(snapshot(p.dir), before);
    } finally {
      p.cleanup();
    }
    const q = project({ 'AGENTS.md': '# Agents\n' });
    symlinkSync('AGENTS.md', join(q.dir, 'CLAUDE.md'));
    try {
      await connect({ campaignPath: q.campaign, agentsMd: true });
      const text = read(q, 'AGENTS.md');
      assert.equal(text.split('<!-- campaign:begin').length, 2, 'one block');
      await disconnect({ root: q.dir });
      assert.equal(read(q, 'AGENTS.md'), '# Agents\n');
      assert.equal(read(q, 'CLAUDE.md'), '# Agents\n', 'the link is still a link');
    } finally {
      q.cleanup();
    }
  });

  it('the hook command, run by a shell in a folder with hostile characters, prints the primer and nothing runs', async () => {
    const p = project({}, 'campaign $(touch pwned) `touch pwned2` ; & @x ');
    const campaignText = fixture('campaign.yaml')
      .toString()
      .replace('focus: Wire the password reset emails through the outbox queue', 'focus: "Wire the emails $(touch pwned3) `touch pwned4` ; @../secret.txt ``` <!-- campaign:end -->"');
    writeFileSync(p.campaign, campaignText);
    try {
      await connect({ campaignPath: p.campaign, hook: true });
      const settings = parse(read(p, '.claude/settings.json')) as { hooks: { SessionStart: { hooks: { command: string }[] }[] } };
      const command = settings.hooks.SessionStart[0]!.hooks[0]!.command;
      assert.equal(command, HOOK_COMMAND);
      const primer = read(p, '.claude/campaign-primer.md');
      for (const shell of ['/bin/sh', '/bin/bash'].filter((s) => existsSync(s))) {
        const r = runHook(shell, command, p.dir);
        assert.equal(r.status, 0, r.stderr);
        assert.equal(r.stdout, primer, `${shell} prints exactly the primer file`);
        assert.ok(r.stdout.length < HOOK_OUTPUT_LIMIT);
        assert.ok(r.stdout.includes('Wire the emails $(touch pwned3)'), 'the campaign text arrives as text');
      }
      const names = readdirSync(p.dir).concat(readdirSync(join(p.dir, '.claude')));
      assert.deepEqual(names.filter((n) => n.startsWith('pwned')), [], 'no command in the campaign or folder name ran');
      // With the primer gone the hook prints nothing and still succeeds.
      await disconnect({ root: p.dir });
      const r = runHook('/bin/sh', command, p.dir);
      assert.deepEqual([r.status, r.stdout, r.stderr], [0, '', '']);
    } finally {
      p.cleanup();
    }
  });

  it('refuses a campaign outside the project folder', async () => {
    const p = project();
    try {
      await assert.rejects(connect({ campaignPath: p.campaign, root: join(p.dir, 'elsewhere') }), /not inside the project folder/);
    } finally {
      p.cleanup();
    }
  });
});
