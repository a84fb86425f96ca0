// Round trips with the seed article's own Python workflow (PyYAML): a file
// this project writes stays loadable by its CampaignManager, whose
// start_session/end_session still work on it, and what they write back is
// read by this project without loss.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixture, repoRoot, tempDir } from '../support/fixtures';

const seedScript = join(repoRoot, 'test', 'fixtures', 'seed', 'session_manager.py');
const cli = join(repoRoot, 'dist', 'cli.js');

// The first Python on the machine that has PyYAML (Debian's python3-yaml lives under /usr/bin).
const python = ['python3', '/usr/bin/python3'].find((p) => spawnSync(p, ['-c', 'import yaml']).status === 0);
const skip = python ? false : 'no python3 with PyYAML on this machine (apt-get install python3-yaml)';

function py(...args: string[]) {
  const r = spawnSync(python!, [seedScript, ...args], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
}

function campaign(cwd: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8' });
  assert.equal(r.status, 0, `${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

describe('round trip with the seed Python workflow', { skip }, () => {
  it('the seed reads, starts and ends sessions on a file this project wrote', () => {
    const t = tempDir();
    try {
      campaign(t.dir, 'init', '--name', 'Auth Service', '--constraint', 'Self-hosted only');
      campaign(t.dir, 'work', 'add', '--title', 'Password reset', '--priority', 'high');
      campaign(t.dir, 'decide', '--decision', 'PostgreSQL', '--rationale', 'ACID');
      const path = join(t.dir, '.claude', 'campaign.yaml');
      const loaded = JSON.parse(py(path, 'load'));
      assert.equal(loaded.identity.name, 'Auth Service');
      assert.deepEqual(loaded.build_log, []);
      const context = JSON.parse(py(path, 'start', 'Password reset'));
      assert.equal(context.focus, 'Password reset');
      assert.equal(context.remaining_work[0].title, 'Password reset');
      // This project reads the seed's session and can work on the file.
      const mid = JSON.parse(campaign(t.dir, 'show', '--json'));
      assert.equal(mid.active_session.focus, 'Password reset');
      campaign(t.dir, 'work', 'add', '--title', 'Added mid-session');
      py(path, 'end', JSON.stringify(['Reset flow done']), JSON.stringify(['[HIGH] Rate limiting', 'Docs']));
      const after = JSON.parse(campaign(t.dir, 'show', '--json'));
      assert.equal(after.active_session, null);
      assert.deepEqual(after.build_log.at(-1).accomplishments, ['Reset flow done']);
      assert.deepEqual(after.remaining_work.map((w: { title: string; priority: string }) => [w.title, w.priority]), [
        ['Rate limiting', 'high'],
        ['Docs', 'medium'],
      ]);
      assert.equal(after.decisions_log[0].decision, 'PostgreSQL');
    } finally {
      t.cleanup();
    }
  });

  it('this project edits what the seed wrote mid-session and the seed can still end it', () => {
    const t = tempDir();
    try {
      mkdirSync(join(t.dir, '.claude'));
      const path = join(t.dir, '.claude', 'campaign.yaml');
      writeFileSync(path, fixture('seed-started.yaml'));
      campaign(t.dir, 'work', 'add', '--title', 'Harden cookies', '--priority', 'high');
      campaign(t.dir, 'decide', '--decision', 'Argon2id', '--rationale', 'Memory-hard');
      const loaded = JSON.parse(py(path, 'load'));
      assert.ok(loaded.remaining_work.includes('[HIGH] Harden cookies'));
      assert.equal(loaded.decisions_log.length, 3);
      assert.equal(loaded.active_session.focus, 'Implement password reset');
      py(path, 'end', JSON.stringify(['Did it']), JSON.stringify(['Next thing']));
      const after = JSON.parse(campaign(t.dir, 'show', '--json'));
      assert.equal(after.decisions_log.length, 3);
      assert.equal(after.identity.name, 'Auth Service');
    } finally {
      t.cleanup();
    }
  });
  it('the seed loads and ends a session whose completions this project recorded (active_session.completed)', () => {
    const t = tempDir();
    try {
      campaign(t.dir, 'init', '--name', 'Auth Service');
      campaign(t.dir, 'work', 'add', '--title', 'Password reset', '--priority', 'high');
      campaign(t.dir, 'start', '--focus', 'Password reset');
      campaign(t.dir, 'work', 'done', '1');
      const path = join(t.dir, '.claude', 'campaign.yaml');
      const loaded = JSON.parse(py(path, 'load'));
      assert.equal(loaded.active_session.completed.length, 1, 'the completion is in the file the seed reads');
      assert.equal(loaded.active_session.focus, 'Password reset');
      py(path, 'end', JSON.stringify(['Reset flow done']), JSON.stringify(['Docs']));
      const after = JSON.parse(campaign(t.dir, 'show', '--json'));
      assert.equal(after.active_session, null);
      assert.deepEqual(after.build_log.at(-1).accomplishments, ['Reset flow done']);
    } finally {
      t.cleanup();
    }
  });
});
