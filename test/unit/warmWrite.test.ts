// Job: the write behind the extension's warm document (writeIfUnchanged) and
// a kept document taking operation after operation: the file is replaced only
// while it still has the hash it was read with, and a document that took many
// operations writes the same file a fresh read would.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CampaignDocument } from '../../src/core/document/campaignDocument';
import { hashText, readCampaignFile, writeIfUnchanged } from '../../src/core/file/campaignFile';
import { addWork, completeWork, removeWork } from '../../src/core/operations/workOps';
import { logDecision } from '../../src/core/operations/decisionOps';
import type { Operation } from '../../src/core/operations/operation';
import { fixture, tempDir } from '../support/fixtures';

const NOW = new Date(2026, 3, 2, 12, 0, 0);
const random = (n: number) => Uint8Array.from({ length: n }, (_, i) => (i * 53 + 5) & 0xff);

function project(text: string) {
  const t = tempDir();
  mkdirSync(join(t.dir, '.claude'));
  const path = join(t.dir, '.claude', 'campaign.yaml');
  writeFileSync(path, text);
  return { ...t, path };
}

describe('warm writes', () => {
  it('writes while the file has the hash it was read with, and refuses once someone else changed it', async () => {
    const p = project(fixture('commented.yaml'));
    try {
      const read = await readCampaignFile(p.path);
      const cd = CampaignDocument.parse(read.text, { file: p.path });
      cd.apply(addWork({ title: 'Warm one' }), { now: NOW, random });
      const text = cd.toString();
      const first = await writeIfUnchanged(p.path, text, read.hash, { root: p.dir });
      assert.equal(first.written, true);
      assert.equal(first.hash, hashText(readFileSync(p.path)));
      assert.equal(readFileSync(p.path, 'utf8'), text);

      // Another program edits the file; a write based on the old hash must not replace it.
      const theirs = `${text}# their note\n`;
      writeFileSync(p.path, theirs);
      cd.apply(addWork({ title: 'Stale one' }), { now: NOW, random });
      const second = await writeIfUnchanged(p.path, cd.toString(), first.hash, { root: p.dir });
      assert.equal(second.written, false);
      assert.equal(readFileSync(p.path, 'utf8'), theirs, 'their edit is untouched');
    } finally {
      p.cleanup();
    }
  });

  it('keeps the file\'s permission bits and leaves no temp file or lock behind, written or refused', async () => {
    const p = project(fixture('commented.yaml'));
    try {
      chmodSync(p.path, 0o640);
      const read = await readCampaignFile(p.path);
      const first = await writeIfUnchanged(p.path, `${read.text}# one\n`, read.hash, { root: p.dir });
      assert.equal(first.written, true);
      assert.equal(statSync(p.path).mode & 0o777, 0o640);
      assert.deepEqual(readdirSync(join(p.dir, '.claude')), ['campaign.yaml']);

      const refused = await writeIfUnchanged(p.path, `${read.text}# two\n`, read.hash, { root: p.dir });
      assert.equal(refused.written, false);
      assert.equal(readFileSync(p.path, 'utf8'), `${read.text}# one\n`);
      assert.deepEqual(readdirSync(join(p.dir, '.claude')), ['campaign.yaml']);
    } finally {
      p.cleanup();
    }
  });

  // The check before the rename reads the whole file, or (given the length read) through a handle
  // opened beforehand; an editor may save in place or rename a new file over the old one.
  for (const how of ['read whole', 'through a handle opened before'] as const) {
    for (const save of ['in place', 'by renaming a file of the same length over it'] as const) {
      it(`a change made between the synced temp file and the rename is kept (check ${how}; saved ${save}): nothing written, the temp file removed`, async () => {
        const p = project(fixture('commented.yaml'));
        const previous = process.env.CAMPAIGN_TEST_PAUSE_BEFORE_RENAME_MS;
        const stderrWrite = process.stderr.write.bind(process.stderr);
        // Same length as the file: only its bytes tell it apart.
        const original = fixture('commented.yaml');
        const theirs = save === 'in place' ? `${original}# saved by an editor during the pause\n` : original.replace(/[a-z]/, (c) => c.toUpperCase());
        assert.notEqual(theirs, original);
        try {
          const read = await readCampaignFile(p.path);
          process.env.CAMPAIGN_TEST_PAUSE_BEFORE_RENAME_MS = '100';
          let pauses = 0;
          // The hook announces the pause on stderr: the other program saves right then.
          process.stderr.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
            if (!String(chunk).includes('paused before rename')) return (stderrWrite as (...a: unknown[]) => boolean)(chunk, ...rest);
            pauses++;
            if (save === 'in place') writeFileSync(p.path, theirs);
            else {
              writeFileSync(`${p.path}.editor-save`, theirs);
              renameSync(`${p.path}.editor-save`, p.path);
            }
            return true;
          }) as typeof process.stderr.write;
          const options = how === 'read whole' ? { root: p.dir } : { root: p.dir, expectedBytes: Buffer.byteLength(read.text) };
          const r = await writeIfUnchanged(p.path, `${read.text}# ours\n`, read.hash, options);
          assert.equal(pauses, 1);
          assert.deepEqual(r, { written: false, hash: read.hash });
          assert.equal(readFileSync(p.path, 'utf8'), theirs, 'their save is untouched');
          assert.deepEqual(readdirSync(join(p.dir, '.claude')), ['campaign.yaml'], 'no temp file, no lock');
        } finally {
          process.stderr.write = stderrWrite;
          if (previous === undefined) delete process.env.CAMPAIGN_TEST_PAUSE_BEFORE_RENAME_MS;
          else process.env.CAMPAIGN_TEST_PAUSE_BEFORE_RENAME_MS = previous;
          p.cleanup();
        }
      });
    }
  }

  it('writes when the file is as read, checked through a handle opened before', async () => {
    const p = project(fixture('commented.yaml'));
    try {
      const read = await readCampaignFile(p.path);
      const r = await writeIfUnchanged(p.path, `${read.text}# ours\n`, read.hash, { root: p.dir, expectedBytes: Buffer.byteLength(read.text) });
      assert.equal(r.written, true);
      assert.equal(readFileSync(p.path, 'utf8'), `${read.text}# ours\n`);
      assert.deepEqual(readdirSync(join(p.dir, '.claude')), ['campaign.yaml']);
    } finally {
      p.cleanup();
    }
  });

  it('writes through a symlink inside the workspace, and refuses one that leads out of it', async () => {
    const p = project(fixture('commented.yaml'));
    const outside = project(fixture('commented.yaml'));
    try {
      const real = join(p.dir, 'real.yaml');
      writeFileSync(real, fixture('commented.yaml'));
      const link = join(p.dir, '.claude', 'linked.yaml');
      symlinkSync(real, link);
      const read = await readCampaignFile(link);
      const r = await writeIfUnchanged(link, `${read.text}# through the link\n`, read.hash, { root: p.dir });
      assert.equal(r.written, true);
      assert.ok(lstatSync(link).isSymbolicLink(), 'the link stays a link');
      assert.equal(readFileSync(real, 'utf8'), `${read.text}# through the link\n`);

      const away = join(p.dir, '.claude', 'away.yaml');
      symlinkSync(outside.path, away);
      await assert.rejects(writeIfUnchanged(away, 'version: 1\n', read.hash, { root: p.dir }), /outside the workspace/);
      assert.equal(readFileSync(outside.path, 'utf8'), fixture('commented.yaml'));
    } finally {
      p.cleanup();
      outside.cleanup();
    }
  });

  it('a kept document writes, operation after operation, what a fresh read of each result would', () => {
    let text = fixture('commented.yaml');
    const warm = CampaignDocument.parse(text);
    const ops: Operation<unknown>[] = [
      addWork({ title: 'First' }) as Operation<unknown>,
      addWork({ title: 'Second', priority: 'high' }) as Operation<unknown>,
      logDecision({ decision: 'Keep the document', rationale: 'No parse per click' }) as Operation<unknown>,
      completeWork('First') as Operation<unknown>,
      removeWork('Second') as Operation<unknown>,
    ];
    for (const op of ops) {
      warm.apply(op, { now: NOW, random });
      const cold = CampaignDocument.parse(text);
      cold.apply(op, { now: NOW, random });
      const next = warm.toString();
      assert.equal(next, cold.toString(), `${op.name}: the kept document and a fresh read write the same text`);
      assert.deepEqual(warm.model, CampaignDocument.parse(next).model, `${op.name}: the kept document's model is the file's`);
      text = next;
    }
  });
});
