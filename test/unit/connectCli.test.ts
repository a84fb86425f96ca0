// `campaign connect`, `disconnect` and `import` through the CLI (in-process),
// and the primer kept in step after every CLI write to a connected project.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../../src/cli/main';
import { CampaignDocument } from '../../src/core/document/campaignDocument';
import { repoRoot, tempDir } from '../support/fixtures';

const fixtureDir = join(repoRoot, 'test/fixtures/claude-code');

async function cli(cwd: string, ...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { cwd, now: () => new Date(2026, 10, 24, 12), out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

function project(): { dir: string; cleanup: () => void } {
  const t = tempDir('campaign-cli-connect-');
  mkdirSync(join(t.dir, '.claude'));
  writeFileSync(join(t.dir, '.claude', 'campaign.yaml'), readFileSync(join(fixtureDir, 'campaign.yaml')));
  return t;
}

describe('CLI: connect, disconnect, import', () => {
  it('connect --hook, then every CLI write refreshes the primer; disconnect reports what it removed', async () => {
    const p = project();
    try {
      const r = await cli(p.dir, 'connect', '--hook');
      assert.equal(r.code, 0, r.err);
      assert.match(r.out, /created +\.claude\/campaign-primer\.md/);
      assert.match(r.out, /created +\.claude\/settings\.json — SessionStart hook added/);
      assert.match(r.out, /Connected: a SessionStart hook in \.claude\/settings\.json/);
      assert.match((await cli(p.dir, 'connect', '--hook')).out, /Already connected/);

      const primer = join(p.dir, '.claude', 'campaign-primer.md');
      const w = await cli(p.dir, 'work', 'add', '--title', 'Rotate the signing keys', '--priority', 'high');
      assert.equal(w.code, 0, w.err);
      assert.ok(readFileSync(primer, 'utf8').includes('Rotate the signing keys'), 'the primer follows the campaign');
      const s = await cli(p.dir, 'end', '--handoff', 'Pick up key rotation first');
      assert.equal(s.code, 0, s.err);
      assert.ok(readFileSync(primer, 'utf8').includes('Pick up key rotation first'));

      const d = await cli(p.dir, 'disconnect');
      assert.equal(d.code, 0, d.err);
      assert.match(d.out, /deleted +CLAUDE\.md — held only the Campaign block/);
      assert.match(d.out, /deleted +\.claude\/settings\.json — held only the SessionStart hook/);
      assert.equal(existsSync(primer), false);
      assert.match((await cli(p.dir, 'disconnect')).out, /Not connected/);

      // Not connected: writes leave no primer behind.
      await cli(p.dir, 'work', 'add', '--title', 'Another');
      assert.equal(existsSync(primer), false);
    } finally {
      p.cleanup();
    }
  });

  it('disconnect works when the campaign file itself is gone (the working folder is the project)', async () => {
    const p = project();
    try {
      writeFileSync(join(p.dir, 'CLAUDE.md'), '# Mine\n');
      assert.equal((await cli(p.dir, 'connect', '--hook')).code, 0);
      rmSync(join(p.dir, '.claude', 'campaign.yaml'));
      const r = await cli(p.dir, 'disconnect');
      assert.equal(r.code, 0, r.err);
      assert.equal(readFileSync(join(p.dir, 'CLAUDE.md'), 'utf8'), '# Mine\n');
      assert.deepEqual(readdirSync(join(p.dir, '.claude')), []);
    } finally {
      p.cleanup();
    }
  });

  it('invalid settings JSON: exit 1, the file:line:column, nothing written', async () => {
    const p = project();
    try {
      const settings = join(p.dir, '.claude', 'settings.json');
      writeFileSync(settings, readFileSync(join(fixtureDir, 'settings-invalid.json')));
      const r = await cli(p.dir, 'connect', '--hook');
      assert.equal(r.code, 1);
      assert.match(r.err, /settings\.json is not valid JSON \(line 5, column 3: expected "," or "}", found a string\); nothing was written/);
      assert.match(r.err, /\.claude\/settings\.json:5:3: expected "," or "}", found a string/);
      assert.equal(existsSync(join(p.dir, 'CLAUDE.md')), false);
      assert.equal(existsSync(join(p.dir, '.claude', 'campaign-primer.md')), false);
    } finally {
      p.cleanup();
    }
  });

  it('usage errors exit 2', async () => {
    const p = project();
    try {
      assert.equal((await cli(p.dir, 'connect', '--settings', 'local')).code, 2);
      assert.equal((await cli(p.dir, 'connect', '--hook', '--settings', 'global')).code, 2);
      assert.equal((await cli(p.dir, 'import')).code, 2);
    } finally {
      p.cleanup();
    }
  });

  it('a hand-edited block: exit 1 naming --force; --force replaces it', async () => {
    const p = project();
    try {
      await cli(p.dir, 'connect');
      const md = join(p.dir, 'CLAUDE.md');
      writeFileSync(md, readFileSync(md, 'utf8').replace('Session protocol:', 'Our protocol:'));
      const r = await cli(p.dir, 'connect');
      assert.equal(r.code, 1);
      assert.match(r.err, /edited by hand.*--force/);
      assert.equal((await cli(p.dir, 'connect', '--force')).code, 0);
      assert.doesNotMatch(readFileSync(md, 'utf8'), /Our protocol/);
    } finally {
      p.cleanup();
    }
  });

  it('import FILE: the article’s example, refusing to replace a campaign without --force', async () => {
    const t = tempDir('campaign-cli-import-');
    try {
      writeFileSync(join(t.dir, 'campaign.md'), readFileSync(join(fixtureDir, 'article-campaign.md')));
      const r = await cli(t.dir, 'import', 'campaign.md');
      assert.equal(r.code, 0, r.err);
      assert.match(r.out, /Imported into \.claude\/campaign\.yaml: 3 work item\(s\), 2 decision\(s\), 2 build-log entries, 2 constraint\(s\)\./);
      assert.match(r.out, /line 3: left empty \(template placeholder\): - Purpose: \[One-line project description\]/);
      const text = readFileSync(join(t.dir, '.claude', 'campaign.yaml'), 'utf8');
      assert.equal(CampaignDocument.parse(text).model.handoff_notes.next_session, 'Start with password reset');

      const again = await cli(t.dir, 'import', 'campaign.md');
      assert.equal(again.code, 1);
      assert.match(again.err, /already exists.*--force/);
      writeFileSync(join(t.dir, 'other.md'), '## Remaining Work\n1. [HIGH] Only this\n## Notes\nstray\n');
      const forced = await cli(t.dir, 'import', 'other.md', '--force');
      assert.equal(forced.code, 0, forced.err);
      assert.match(forced.err, /other\.md:3: a section Campaign has no place for: ## Notes/);
      assert.match(forced.err, /other\.md:4: in a section Campaign has no place for: stray/);
      const model = CampaignDocument.parse(readFileSync(join(t.dir, '.claude', 'campaign.yaml'), 'utf8')).model;
      assert.deepEqual(model.remaining_work.map((w) => w.title), ['Only this']);
      assert.equal((await cli(t.dir, 'import', 'missing.md')).code, 1);
    } finally {
      t.cleanup();
    }
  });
});
