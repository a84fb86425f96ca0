// The bugs the reliability battery found, each pinned by a small exact case
// (the fuzzers' counterexamples, shrunk by hand). See docs/testing-battery.md.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync, existsSync, truncateSync } from 'node:fs';
import { join } from 'node:path';
import { CampaignDocument } from '../../src/core/document/campaignDocument';
import { applyToFile, loadCampaign } from '../../src/core/file/campaignFile';
import { addWork, completeWork, updateWork } from '../../src/core/operations/workOps';
import { endSession, endSessionWithDefaults, startSession } from '../../src/core/operations/sessionOps';
import { logDecision, supersedeDecision } from '../../src/core/operations/decisionOps';
import { setHandoff, setIdentity } from '../../src/core/operations/identityOps';
import type { Operation } from '../../src/core/operations/operation';
import { CampaignError } from '../../src/core/model/problems';
import { fixedContext, fixture, tempDir } from '../support/fixtures';
import fc from 'fast-check';
import { Document, parseDocument } from 'yaml';
import { fuzzRuns, fuzzSeed, generatedCampaign, renderCampaign, type Style } from '../support/campaignArbitraries';

function edit(text: string, ...ops: Operation<unknown>[]): { text: string; cd: CampaignDocument } {
  const cd = CampaignDocument.parse(text);
  const ctx = fixedContext();
  for (const op of ops) cd.apply(op, ctx);
  const out = cd.toString();
  const reread = CampaignDocument.parse(out);
  assert.deepEqual(reread.model, cd.model, 'the written text reads back as the edit');
  return { text: out, cd: reread };
}

function refused(text: string): CampaignError {
  try {
    CampaignDocument.parse(text);
  } catch (err) {
    assert.ok(err instanceof CampaignError, String(err));
    assert.ok(err.problems.length > 0 && err.problems.every((p) => p.line >= 1 && p.column >= 1), JSON.stringify(err.problems));
    return err;
  }
  assert.fail('expected a refusal');
}

describe('fuzz regressions', () => {
  it('a refused operation leaves the document as it was, even after it began editing', () => {
    for (const text of ['decisions_log: []\nremaining_work: []\n', 'identity: {name: a}\n']) {
      const cd = CampaignDocument.parse(text);
      assert.throws(() => cd.apply(logDecision({ decision: 'x', rationale: ' ' }), fixedContext()), /rationale/);
      assert.equal(cd.toString(), text);
    }
  });

  it('an item added next to lines indented unlike the renderer would keeps the file valid and meaning the same', () => {
    const text = [
      'decisions_log:',
      '  - id: d1',
      '    decision: x',
      '    rationale: y',
      'handoff_notes:',
      '    notes: keep',
      '',
    ].join('\n');
    const { cd } = edit(text, logDecision({ decision: 'New', rationale: 'Why' }));
    assert.deepEqual(cd.model.decisions_log.map((d) => d.decision), ['x', 'New']);
    assert.deepEqual(cd.model.handoff_notes.notes, ['keep']);
  });

  it('replacing a session keeps the plain-string items completed in the one it replaces', () => {
    const seed = fixture('seed-ended.yaml');
    const { cd } = edit(
      seed,
      startSession({ focus: 'One' }),
      completeWork('Add rate limiting'),
      startSession({ focus: 'Two', replace: true }),
      // No accomplishments passed: the default is the session's completion record, carried over.
      endSessionWithDefaults({ next: [], notes: [], decisions: [] }),
    );
    assert.deepEqual(cd.model.build_log.at(-1)!.accomplishments, ['Add rate limiting']);
  });

  it('comments on a value that becomes a block (and back) are kept', () => {
    const text = 'identity: null  # filled in later\nactive_session: null   # set by the agent\nremaining_work: []\n';
    const started = edit(text, setIdentity({ name: 'X' }), startSession({ focus: 'F' })).text;
    assert.match(started, /# filled in later/);
    assert.match(started, /# set by the agent/);
    const ended = edit(started, endSession({ done: [], next: [], notes: [], decisions: [] })).text;
    assert.match(ended, /# set by the agent/);
  });

  it('a plain-string item keeps its trailing comment when it becomes a mapping', () => {
    const { text } = edit('remaining_work:\n  # before\n  - "[HIGH] a"  # ask Ana\n  - b\n', updateWork('1', { status: 'blocked' }));
    assert.match(text, /# before/);
    assert.match(text, /# ask Ana/);
  });

  it('emptying a list that carries a comment, sequences flush with their key, stays valid YAML', () => {
    const text = 'constraints:\n- a\nactive_session: null\nremaining_work:\n# c4\n- "[Med] only item"\n# c5\nbuild_log: []\n';
    const { text: out, cd } = edit(text, completeWork('1'));
    assert.deepEqual(cd.model.remaining_work, []);
    assert.match(out, /# c4/);
    assert.match(out, /# c5/);
  });

  it('handoff notes written as a list or a single text are kept when the handoff is set', () => {
    for (const text of ['handoff_notes:\n  - keep me\n  - and me\n', 'handoff_notes: keep me\n']) {
      const { cd } = edit(text, setHandoff({ next_session: 'go' }));
      assert.equal(cd.model.handoff_notes.next_session, 'go');
      assert.deepEqual(cd.model.handoff_notes.notes, text.includes('and me') ? ['keep me', 'and me'] : ['keep me']);
    }
  });

  it('YAML sets, ordered maps and binary at the top level or in a section are refused, not crashed on', () => {
    for (const text of ['!!binary &a >', '!!set {a, b}', '!!omap [a: 1]', 'identity: !!set {name}\n', 'active_session: !!set {focus}\n', 'remaining_work: !!omap [a: 1]\n']) {
      refused(text);
    }
  });

  it('a !!binary value under a key of the team\'s own can be edited around', () => {
    const { text } = edit('x_blob: !!binary aGVsbG8=\nremaining_work: []\n', addWork({ title: 'Next' }));
    assert.match(text, /x_blob: !!binary aGVsbG8=/);
  });

  it('a file with mixed line endings is returned byte for byte when nothing changed', () => {
    const text = 'version: 1\r\nconstraints:\r\n  - a\n  - b\r\n';
    assert.equal(CampaignDocument.parse(text).toString(), text);
  });

  // They took minutes to read; how fast they are refused now is a bench target (bench/refusals.ts).
  it('nested mappings used as keys are refused', () => {
    refused(`version: 1\nx_deep: ${'{'.repeat(400)}${'}'.repeat(400)}\n`);
    refused('? [a, b]\n: c\n');
    refused('x: &k a\n*k : b\n');
  });

  it('nesting is capped at 100 levels, whatever the thread\'s stack size', () => {
    CampaignDocument.parse(`x_deep: ${'['.repeat(98)}${']'.repeat(98)}\n`);
    assert.match(refused(`x_deep: ${'['.repeat(101)}${']'.repeat(101)}\n`).problems[0]!.message, /nested more than 100 levels/);
  });

  it('a file caught half-saved by an in-place writer is not taken for an empty campaign', async () => {
    const t = tempDir();
    try {
      mkdirSync(join(t.dir, '.claude'));
      const path = join(t.dir, '.claude', 'campaign.yaml');
      const original = fixture('commented.yaml');
      writeFileSync(path, original);
      // An editor saving in place: truncate now, write 300 ms later.
      truncateSync(path, 0);
      const saved = original.replace('constraints:\n', 'constraints:\n  - Saved by the editor\n');
      const saving = new Promise<void>((resolve) => setTimeout(() => (writeFileSync(path, saved), resolve()), 300));
      await applyToFile(path, addWork({ title: 'Ours' }), { root: t.dir });
      await saving;
      const { doc } = await loadCampaign(path);
      assert.ok(doc.model.constraints.includes('Saved by the editor'));
      assert.ok(doc.model.remaining_work.some((w) => w.title === 'Ours'));
      assert.equal(doc.model.identity.name, 'Auth Service', 'nothing lost');
    } finally {
      t.cleanup();
    }
  });

  it('the temp-file sweep leaves alone temp files of other files whose names start the same', async () => {
    const t = tempDir();
    try {
      mkdirSync(join(t.dir, '.claude'));
      const path = join(t.dir, '.claude', 'campaign.yaml');
      writeFileSync(path, fixture('commented.yaml'));
      const other = join(t.dir, '.claude', '.campaign.yaml.bak.999999.deadbeef.tmp');
      const dead = join(t.dir, '.claude', '.campaign.yaml.999999.deadbeef.tmp');
      writeFileSync(other, 'someone else');
      writeFileSync(dead, 'half a file');
      await applyToFile(path, addWork({ title: 'x' }), { root: t.dir });
      assert.equal(existsSync(other), true);
      assert.equal(existsSync(dead), false);
      assert.equal(readFileSync(other, 'utf8'), 'someone else');
    } finally {
      t.cleanup();
    }
  });

  // The generator's own bug: blank lines between sections (and a cut final
  // newline) changed the value of a keep-chomped block scalar (`|+`) before
  // them, so the generated text no longer meant the generated data and random
  // seeds failed locally while CI's fixed seed passed.
  it('the fuzz generator: blank lines and a missing final newline never change a `|+` value', () => {
    const st: Style = { indent: 2, indentSeq: true, quotes: 'plain', lineWidth: 0, flowLists: false, crlf: false, bom: false, finalNewline: true, blankLines: true, seed: false, comments: false };
    for (const value of ['a\n\n', 'multi\nline\n\n\n', ' a\n\n', 'a\n']) {
      for (const data of [{ version: 1, handoff_notes: { next_session: value }, x_team: { owner: 'o' } }, { version: 1, x_team: { owner: value } }]) {
        for (const finalNewline of [true, false]) {
          for (const crlf of [false, true]) {
            const { text } = renderCampaign(data, { ...st, finalNewline, crlf }, 1);
            assert.deepEqual(parseDocument(text).toJS(), new Document(data).toJS(), JSON.stringify(text));
            assert.equal(CampaignDocument.parse(text).toString(), text);
          }
        }
      }
    }
  });

  it('the fuzz generator: every generated file means its generated data (this run\'s seed)', (t) => {
    t.diagnostic(`fuzz seed ${fuzzSeed()} (replay: CAMPAIGN_FUZZ_SEED=${fuzzSeed()})`);
    fc.assert(
      fc.property(generatedCampaign, (gen) => {
        assert.deepEqual(parseDocument(gen.text.replace(/^\ufeff/, '')).toJS(), new Document(gen.data).toJS(), JSON.stringify(gen.text));
      }),
      { numRuns: fuzzRuns(500), seed: fuzzSeed(), path: process.env.CAMPAIGN_FUZZ_PATH, includeErrorInReport: true },
    );
  });

  // Found by random seeds once the generator was right (CAMPAIGN_FUZZ_SEED=444852213):
  // a re-render at indent 4 wrote `|2-` with a blank first line so it read back
  // with two more spaces; the core now writes such a block double-quoted.
  it('a block scalar with a blank first line keeps its value when the section is re-rendered at another indent', () => {
    const text = [
      'version: 1', '', 'remaining_work:', '- "[LOW] x"', '- TODO', '', 'decisions_log:', '- owner:', '    nested: pu', '  id: 9',
      '  date: null', '  decision: "~" # c3', '  rationale: |2-', '    ', '     #&a[Med] !}]', '  # c4', '  status: active',
      '  superseded_by: d-zzzz', '', 'handoff_notes:', '  next_session: -3.75 # c5 ok', '',
    ].join('\n');
    const first = edit(text, addWork({ title: 'x', priority: 'high' })).text;
    const { cd } = edit(first, supersedeDecision('9', { decision: 'y', rationale: 'z' }));
    assert.equal(cd.model.decisions_log[0]!.rationale, '\n #&a[Med] !}]');
  });

  // Found by random seeds (CAMPAIGN_FUZZ_SEED=1134054331): an anchor named with a
  // control character read fine but could not be written back (a crash on save).
  it('an anchor the yaml writer refuses is refused on read, with its line and column', () => {
    for (const text of ['&\u00035', 'version: 1\nx_team: &a\u0001b keep\n']) {
      const err = refused(text);
      assert.match(err.message, /anchor/);
    }
  });
});
