// The CLI's one-section path seen as a person or an agent uses it: repeated
// `campaign work add` on a big file remembers what it found valid, in the
// user's cache folder, and a section someone broke by hand since is read and
// refused, with its line and column, and the file left as it is.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateCampaignOfSize } from '../../bench/generateCampaign';
import { CampaignDocument } from '../../src/core/document/campaignDocument';
import { repoRoot, tempDir } from '../support/fixtures';

const cli = join(repoRoot, 'dist', 'cli.js');

describe('campaign CLI: one-section writes', () => {
  it('work add twice on a 30 KB file, then a hand-broken build log is refused, not trusted', () => {
    const t = tempDir();
    try {
      const cache = join(t.dir, 'cache');
      const project = join(t.dir, 'project');
      mkdirSync(join(project, '.claude'), { recursive: true });
      const path = join(project, '.claude', 'campaign.yaml');
      const text = generateCampaignOfSize(30_000).text;
      writeFileSync(path, text);
      const run = (...args: string[]) => {
        const r = spawnSync(process.execPath, [cli, ...args], { cwd: project, encoding: 'utf8', env: { ...process.env, XDG_CACHE_HOME: cache, CAMPAIGN_NO_SECTION_TRUST: '' } });
        return { code: r.status, out: r.stdout.trim(), err: r.stderr.trim() };
      };

      assert.equal(run('work', 'add', '--title', 'First').code, 0);
      assert.equal(readdirSync(join(cache, 'campaign', 'validated')).filter((f) => f.endsWith('.json')).length, 1, 'what the first write found valid is remembered');
      assert.equal(run('work', 'add', '--title', 'Second', '--priority', 'high').code, 0);
      const model = CampaignDocument.parse(readFileSync(path, 'utf8')).model;
      const before = CampaignDocument.parse(text).model;
      assert.deepEqual(model.remaining_work.slice(-2).map((w) => [w.title, w.priority]), [['First', 'medium'], ['Second', 'high']]);
      assert.deepEqual(model.decisions_log, before.decisions_log);
      assert.deepEqual(model.build_log, before.build_log);

      const broken = readFileSync(path, 'utf8').replace(/^build_log:\n/m, 'build_log:\n  - summary: [unclosed\n');
      writeFileSync(path, broken);
      const refused = run('work', 'add', '--title', 'Third');
      assert.equal(refused.code, 1);
      const line = broken.split('\n').indexOf('  - summary: [unclosed') + 1;
      // The problem is placed in the build log, where the yaml library notices the unclosed list.
      const at = /campaign\.yaml:(\d+):\d+/.exec(refused.err);
      assert.ok(at && Number(at[1]) >= line && Number(at[1]) <= line + 3, refused.err);
      assert.equal(readFileSync(path, 'utf8'), broken, 'nothing written');
    } finally {
      t.cleanup();
    }
  });
});
