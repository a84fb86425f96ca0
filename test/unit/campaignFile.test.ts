// Guarded, atomic writes: nothing is lost when the file is invalid,
// read-only, a symlink out of the workspace, or written by several
// processes at the same moment.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { chmodSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { applyToFile, createCampaignFile, loadCampaign } from '../../src/core/file/campaignFile';
import { addWork } from '../../src/core/operations/workOps';
import { CampaignError } from '../../src/core/model/problems';
import { fixture, repoRoot, tempDir } from '../support/fixtures';

const exec = promisify(execFile);
const cli = join(repoRoot, 'dist', 'cli.js');

function project(text = fixture('commented.yaml')) {
  const t = tempDir();
  mkdirSync(join(t.dir, '.claude'));
  const path = join(t.dir, '.claude', 'campaign.yaml');
  writeFileSync(path, text);
  return { ...t, path };
}

describe('guarded writes', () => {
  let p: ReturnType<typeof project>;
  before(() => {
    p = project();
  });
  after(() => p.cleanup());

  it('applies an operation and leaves no temp or lock file behind', async () => {
    const r = await applyToFile(p.path, addWork({ title: 'Atomic item' }), { root: p.dir });
    assert.equal(r.changed, true);
    assert.ok(readFileSync(p.path, 'utf8').includes('title: Atomic item'));
    assert.deepEqual(readdirSync(join(p.dir, '.claude')), ['campaign.yaml']);
  });

  it('never touches a file that does not parse', async () => {
    const broken = fixture('invalid-yaml.yaml');
    writeFileSync(p.path, broken);
    await assert.rejects(applyToFile(p.path, addWork({ title: 'x' })), (err: unknown) => {
      assert.ok(err instanceof CampaignError);
      assert.equal(err.problems[0]!.line, 4);
      return true;
    });
    assert.equal(readFileSync(p.path, 'utf8'), broken);
  });

  it('refuses a read-only file with a clear message, changing nothing', async () => {
    writeFileSync(p.path, fixture('commented.yaml'));
    chmodSync(p.path, 0o444);
    try {
      await assert.rejects(applyToFile(p.path, addWork({ title: 'x' })), /read-only/);
      assert.equal(readFileSync(p.path, 'utf8'), fixture('commented.yaml'));
    } finally {
      chmodSync(p.path, 0o644);
    }
  });

  it('does not write through a symlink that leads out of the workspace', async () => {
    const outside = project();
    const ws = tempDir();
    try {
      mkdirSync(join(ws.dir, '.claude'));
      const link = join(ws.dir, '.claude', 'campaign.yaml');
      symlinkSync(outside.path, link);
      await assert.rejects(applyToFile(link, addWork({ title: 'x' }), { root: ws.dir }), /outside the workspace/);
      assert.equal(readFileSync(outside.path, 'utf8'), fixture('commented.yaml'));
      // Allowed explicitly: written through, and the link stays a link.
      await applyToFile(link, addWork({ title: 'Through the link' }), { root: ws.dir, allowOutsideRoot: true });
      assert.ok(lstatSync(link).isSymbolicLink());
      assert.ok(readFileSync(outside.path, 'utf8').includes('Through the link'));
    } finally {
      outside.cleanup();
      ws.cleanup();
    }
  });

  it('sweeps temp files left by a writer that was killed before its rename', async () => {
    const stale = join(p.dir, '.claude', '.campaign.yaml.999999.deadbeef.tmp');
    writeFileSync(stale, 'half a file');
    await applyToFile(p.path, addWork({ title: 'After a crash' }));
    assert.equal(existsSync(stale), false);
  });

  it('creates a new file but never replaces an existing one', async () => {
    const t = tempDir();
    try {
      const path = join(t.dir, '.claude', 'campaign.yaml');
      await createCampaignFile(path, 'version: 1\n');
      await assert.rejects(createCampaignFile(path, 'version: 1\nidentity: {name: other}\n'), /already exists/);
      assert.equal(readFileSync(path, 'utf8'), 'version: 1\n');
    } finally {
      t.cleanup();
    }
  });

  it('keeps all eight items when eight processes add one at the same moment', async () => {
    const q = project();
    try {
      await Promise.all(
        Array.from({ length: 8 }, (_, i) => exec(process.execPath, [cli, 'work', 'add', '--title', `Parallel ${i}`], { cwd: q.dir })),
      );
      const { doc } = await loadCampaign(q.path);
      const titles = doc.model.remaining_work.map((w) => w.title).filter((t) => t.startsWith('Parallel'));
      assert.deepEqual(titles.sort(), Array.from({ length: 8 }, (_, i) => `Parallel ${i}`));
      assert.equal(new Set(doc.model.remaining_work.map((w) => w.id)).size, doc.model.remaining_work.length);
      assert.ok(readFileSync(q.path, 'utf8').includes('# Security first'));
    } finally {
      q.cleanup();
    }
  });
});
