// The CLI's one-section cold path (core/file/sectionTrust.ts): `work add` and
// `decision add` parse only the section they change when every other section
// is byte-identical to what the last whole read of the file found valid. It
// must write exactly the bytes the whole-file path writes, and it must never
// skip checking a section that changed since that read.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { generateCampaignOfSize } from '../../bench/generateCampaign';
import { CampaignDocument } from '../../src/core/document/campaignDocument';
import { applyToFile } from '../../src/core/file/campaignFile';
import { applyToOneSection, readOneSection, sectionHashes, type SectionHashes, type ValidatedSections } from '../../src/core/file/sectionTrust';
import { CampaignError } from '../../src/core/model/problems';
import { logDecision } from '../../src/core/operations/decisionOps';
import type { Operation } from '../../src/core/operations/operation';
import { addWork } from '../../src/core/operations/workOps';
import { fuzzRuns, fuzzSeed, generatedCampaign } from '../support/campaignArbitraries';
import { fixedContext, tempDir } from '../support/fixtures';
import { spliceFile } from '../support/spliceArbitraries';

const ops: Operation<string>[] = [addWork({ title: 'Ship the importer', priority: 'high' }), logDecision({ decision: 'Keep YAML', rationale: 'people edit it by hand' })];

/** The whole-file path's bytes for `op` on `text` and whether it spliced, or the refusal's message. */
function wholeFile(text: string, op: Operation<string>): { text: string; spliced: boolean } | { refused: string } {
  try {
    const cd = CampaignDocument.parse(text);
    cd.apply(op, fixedContext());
    void cd.model;
    const out = cd.toString();
    return { text: out, spliced: cd.lastEdit?.path === 'splice' };
  } catch (err) {
    if (err instanceof CampaignError) return { refused: err.message };
    throw err;
  }
}

/** An in-memory store, counting what is asked of it. */
function memoryStore(): ValidatedSections & { entries: Map<string, SectionHashes> } {
  const entries = new Map<string, SectionHashes>();
  return { entries, get: (f) => entries.get(f), set: (f, h) => void entries.set(f, h) };
}

/** Records the length of every text CampaignDocument.parse is given while `fn` runs. */
async function parsedLengths(fn: () => Promise<unknown>): Promise<number[]> {
  const original = CampaignDocument.parse;
  const lengths: number[] = [];
  CampaignDocument.parse = (text, options) => {
    lengths.push(text.length);
    return original.call(CampaignDocument, text, options);
  };
  try {
    await fn();
  } finally {
    CampaignDocument.parse = original;
  }
  return lengths;
}

describe('one-section cold path', () => {
  it('writes the bytes the whole-file path writes (where that one re-renders the whole file, the same campaign), for every generated campaign it takes', () => {
    let taken = 0;
    fc.assert(
      fc.property(fc.oneof(generatedCampaign.map((g) => g.text), spliceFile.map((f) => f.text)), fc.constantFrom(...ops), (text, op) => {
        const one = readOneSection(text, op, sectionHashes(text));
        if (!one) return;
        const whole = wholeFile(text, op);
        let applied;
        try {
          applied = applyToOneSection(one, op, fixedContext());
        } catch (err) {
          assert.ok(err instanceof CampaignError);
          assert.deepEqual(whole, { refused: err.message }, 'the same refusal on both paths');
          return;
        }
        if (!applied) return;
        taken++;
        assert.ok('text' in whole, 'the whole-file path refused what the section path wrote');
        if (whole.spliced) assert.equal(applied.text, whole.text);
        else assert.deepEqual(CampaignDocument.parse(applied.text).model, CampaignDocument.parse(whole.text).model);
      }),
      { numRuns: fuzzRuns(200), seed: fuzzSeed() },
    );
    assert.ok(taken > 20, `the section path was taken ${taken} times`);
  });

  it('is not taken for an operation that reads other sections, nor without a record, nor when another section changed', () => {
    const text = generateCampaignOfSize(30_000).text;
    const hashes = sectionHashes(text)!;
    const add = ops[0]!;
    assert.ok(readOneSection(text, add, hashes), 'taken with a matching record');
    assert.equal(readOneSection(text, { name: 'x', sections: ['remaining_work'], apply: () => '' }, hashes), undefined, 'not marked local');
    assert.equal(readOneSection(text, add, undefined), undefined, 'no record');
    const edited = text.replace(/^build_log:\n/m, 'build_log:\n# a note someone added\n');
    assert.notEqual(edited, text);
    assert.equal(readOneSection(edited, add, hashes), undefined, 'another section changed');
    const reordered = sectionHashes(`${text}\nx_new: 1\n`)!;
    assert.equal(readOneSection(text, add, reordered), undefined, 'a section more or less');
    assert.equal(readOneSection(text.replace('\n', '\r\n'), add, hashes), undefined, 'mixed line endings');
    assert.equal(readOneSection(`${text}\nx_anchor: &a 1\n`, add, sectionHashes(`${text}\nx_anchor: &a 1\n`)), undefined, 'an anchor');
  });

  it('applyToFile: the first write reads the whole file and records it; the next parses only its section; a section broken since is caught', async () => {
    const t = tempDir();
    try {
      const path = join(t.dir, 'campaign.yaml');
      const text = generateCampaignOfSize(30_000).text;
      writeFileSync(path, text);
      const store = memoryStore();
      const first = await parsedLengths(() => applyToFile(path, addWork({ title: 'First' }), { validated: store, root: t.dir }));
      assert.ok(first.every((n) => n >= text.length), `the first write parses the whole file (${first.join(', ')})`);
      const written = readFileSync(path, 'utf8');
      assert.deepEqual([...store.entries.values()], [sectionHashes(written)], 'the hashes of what was written are recorded');

      const second = await parsedLengths(() => applyToFile(path, addWork({ title: 'Second' }), { validated: store, root: t.dir }));
      assert.ok(second.length > 0 && second.every((n) => n < written.length / 4), `the second write parses only remaining_work (${second.join(', ')})`);
      const after = CampaignDocument.parse(readFileSync(path, 'utf8')).model;
      assert.deepEqual(after.remaining_work.slice(-2).map((w) => w.title), ['First', 'Second']);
      assert.equal(after.build_log.length, CampaignDocument.parse(text).model.build_log.length);

      // Someone breaks the build log by hand: the next write must not trust it.
      const broken = readFileSync(path, 'utf8').replace(/^build_log:\n/m, 'build_log:\n  - summary: [unclosed\n');
      writeFileSync(path, broken);
      await assert.rejects(applyToFile(path, addWork({ title: 'Third' }), { validated: store, root: t.dir }), (err: unknown) => err instanceof CampaignError && err.problems.length > 0);
      assert.equal(readFileSync(path, 'utf8'), broken, 'nothing written');
    } finally {
      t.cleanup();
    }
  });
});
