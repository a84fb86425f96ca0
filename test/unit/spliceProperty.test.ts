// Job: the splice edit path (docs/edit-path.md), property-tested on files laid
// out by hand (aligned inline comments, blank lines, both list styles, quoted
// and plain scalars, CRLF, BOM). For every named operation: every original
// line outside the nodes it changes stays byte-identical, the text re-reads to
// the edited model, the splice and the whole-document path agree on the model
// (and where their texts differ, the splice changed no more original lines),
// and a no-op leaves the file byte for byte.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { isMap, isSeq, parseDocument, type Node, type Pair } from 'yaml';
import { CampaignDocument } from '../../src/core/document/campaignDocument';
import { diffLines } from '../../src/core/document/lineDiff';
import { CampaignError } from '../../src/core/model/problems';
import { logDecision, supersedeDecision } from '../../src/core/operations/decisionOps';
import { addConstraint, removeConstraint, setHandoff, setIdentity } from '../../src/core/operations/identityOps';
import { resolveMergeConflict } from '../../src/core/operations/mergeConflictOps';
import type { Operation } from '../../src/core/operations/operation';
import { endSession, startSession, updateSession } from '../../src/core/operations/sessionOps';
import { addWork, completeWork, removeWork, updateWork } from '../../src/core/operations/workOps';
import { fuzzRuns, fuzzSeed } from '../support/campaignArbitraries';
import { spliceFile, type SpliceFile } from '../support/spliceArbitraries';

type Path = (string | number)[];

interface Case {
  name: string;
  op: Operation<unknown>;
  /** The nodes the operation may change (their lines may differ); everything else must not. */
  touches: Path[];
}

const NOW = new Date(2026, 3, 2, 12, 0, 0);
const random = (n: number) => Uint8Array.from({ length: n }, (_, i) => (i * 37 + 11) & 0xff);

/** A list the operation appends to: its lines stay unless it was empty (`[]`), when its `key:` line changes. */
const appendTo = (key: string, count: number): Path[] => (count > 0 ? [] : [[key]]);

function cases(f: SpliceFile, pick: number): Case[] {
  const w = f.workCount ? pick % f.workCount : 0;
  const c = f.constraintCount ? pick % f.constraintCount : 0;
  const d = f.decisionCount ? pick % f.decisionCount : 0;
  const work = (i: number): Path[] => [['remaining_work', i], ...(f.workCount === 1 ? [['remaining_work']] : [])];
  const out: Case[] = [
    { name: 'work.add', op: addWork({ title: 'Splice me', priority: 'high' }), touches: appendTo('remaining_work', f.workCount) },
    { name: 'decision.log', op: logDecision({ decision: 'Splice by range', rationale: 'Speed' }), touches: appendTo('decisions_log', f.decisionCount) },
    { name: 'constraints.add', op: addConstraint('Stay offline'), touches: appendTo('constraints', f.constraintCount) },
    { name: 'identity.set', op: setIdentity({ purpose: 'A new purpose' }), touches: [['identity', 'purpose']] },
    { name: 'handoff.set', op: setHandoff({ next_session: 'Pick up the splice', notes: ['one'] }), touches: [['handoff_notes']] },
    {
      name: 'session.start',
      op: startSession({ focus: 'Splicing', replace: true }),
      touches: [['active_session']],
    },
    {
      name: 'session.end',
      op: endSession({ done: ['did it'], next: [{ title: 'Next step', priority: 'low' }], notes: ['n'], decisions: [], handoff: 'h' }),
      touches: [['active_session'], ['handoff_notes'], ['remaining_work'], ...appendTo('build_log', f.buildCount)],
    },
  ];
  if (f.session) out.push({ name: 'session.update', op: updateSession({ focus: 'Refocused' }), touches: [['active_session', 'focus']] });
  if (f.workCount) {
    out.push(
      // Renaming the item a session is focused on renames the focus too (the core's session rule).
      { name: 'work.update', op: updateWork(String(w + 1), { priority: 'low', title: 'Renamed' }), touches: [...work(w), ...(f.session ? [['active_session', 'focus'] as Path] : [])] },
      { name: 'work.remove', op: removeWork(String(w + 1)), touches: work(w) },
      {
        name: 'work.complete',
        op: completeWork(String(w + 1)),
        touches: [...work(w), ['active_session'], ...appendTo('build_log', f.buildCount), ['build_log', f.buildCount - 1]],
      },
    );
  }
  if (f.constraintCount) out.push({ name: 'constraints.remove', op: removeConstraint(String(c + 1)), touches: [['constraints', c], ...(f.constraintCount === 1 ? [['constraints']] : [])] });
  if (f.decisionCount) {
    out.push({
      name: 'decision.supersede',
      op: supersedeDecision(`d${d}`, { decision: 'Replace it', rationale: 'Better' }),
      touches: [['decisions_log', d]],
    });
  }
  if (f.conflict) out.push({ name: 'merge.resolve', op: resolveMergeConflict(0, 'theirs'), touches: [['merge_conflicts'], ['identity', 'purpose']] });
  return out;
}

function bodyOf(text: string): string {
  return text.replace(/^\ufeff/, '').replace(/\r\n/g, '\n');
}

/** The 0-based line numbers the nodes at `paths` cover in `body` (a list item from its `- ` line, a key from its line). */
function touchedLines(body: string, paths: Path[]): Set<number> {
  const doc = parseDocument(body);
  const lineOf = (pos: number) => body.slice(0, pos).split('\n').length - 1;
  const out = new Set<number>();
  for (const path of paths) {
    let node: unknown = doc.contents;
    let pair: Pair | undefined;
    for (const seg of path) {
      pair = undefined;
      if (typeof seg === 'string' && isMap(node)) {
        pair = (node.items as Pair[]).find((p) => (p.key as { value?: unknown }).value === seg);
        node = pair?.value;
        if (!pair) break;
      } else if (typeof seg === 'number' && isSeq(node)) {
        node = node.items[seg];
      } else {
        node = undefined;
        break;
      }
    }
    const start = (pair?.key as Node | undefined)?.range?.[0] ?? (node as Node | undefined)?.range?.[0];
    const end = (node as Node | undefined)?.range?.[2] ?? (pair?.key as Node | undefined)?.range?.[2];
    if (start === undefined || end === undefined) continue;
    const last = lineOf(Math.max(start, end - 1));
    for (let l = lineOf(start); l <= last; l++) out.add(l);
  }
  return out;
}

/** Original lines the edit removed or rewrote (by line diff). */
/**
 * The allowed lines widened over runs of identical lines: when one of two equal
 * lines goes (`- retry` twice), the result is the same text whichever went, and a
 * line diff may name either, so the check cannot tell them apart either.
 */
function overEqualRuns(lines: string[], allowed: Set<number>): Set<number> {
  const out = new Set(allowed);
  for (const a of allowed) {
    for (let l = a - 1; l >= 0 && lines[l] === lines[a]; l--) out.add(l);
    for (let l = a + 1; l < lines.length && lines[l] === lines[a]; l++) out.add(l);
  }
  return out;
}

function changedOriginalLines(before: string, after: string): number[] {
  const hunks = diffLines(before.split('\n'), after.split('\n'), 100_000) ?? [];
  const out: number[] = [];
  for (const h of hunks) for (let l = h.aStart; l < h.aEnd; l++) out.push(l);
  return out;
}

function run(text: string, op: Operation<unknown>, editPath: 'splice' | 'full'): { text: string; doc: CampaignDocument } | { refused: string } {
  const doc = CampaignDocument.parse(text, { editPath });
  try {
    doc.apply(op, { now: NOW, random });
  } catch (err) {
    if (err instanceof CampaignError) return { refused: err.message };
    throw err;
  }
  return { text: doc.toString(), doc };
}

const textDifferences = new Map<string, number>();

describe('splice edit path', () => {
  it('every operation changes only the lines of the nodes it changes, and reads back as its model', () => {
    fc.assert(
      fc.property(spliceFile, fc.nat(50), (f, pick) => {
        const original = CampaignDocument.parse(f.text);
        assert.equal(original.toString(), f.text, 'parse → toString is byte-identical');
        const before = bodyOf(f.text);
        for (const c of cases(f, pick)) {
          const fast = run(f.text, c.op, 'splice');
          const full = run(f.text, c.op, 'full');
          if ('refused' in fast || 'refused' in full) {
            assert.deepEqual('refused' in fast, 'refused' in full, `${c.name}: both paths refuse alike`);
            continue;
          }
          const label = `${c.name} on\n${f.text}\n--- splice ---\n${fast.text}`;
          assert.equal(fast.doc.lastEdit?.path === 'full', false, `${c.name}: takes the splice (${fast.doc.lastEdit?.reason}) ${label}`);
          assert.deepEqual(fast.doc.model, full.doc.model, `${c.name}: the splice and the whole-document path give the same model`);
          const reread = CampaignDocument.parse(fast.text);
          assert.deepEqual(reread.model, fast.doc.model, `${c.name}: the text reads back as the edited model ${label}`);
          assert.equal(fast.text.startsWith('\ufeff'), f.bom, `${c.name}: BOM kept`);
          if (f.crlf) assert.doesNotMatch(fast.text.replace(/\r\n/g, ''), /\n/, `${c.name}: CRLF kept`);
          const after = bodyOf(fast.text);
          const lines = before.split('\n');
          const allowed = overEqualRuns(lines, touchedLines(before, c.touches));
          for (const l of changedOriginalLines(before, after)) {
            assert.ok(allowed.has(l), `${c.name}: line ${l + 1} "${lines[l]}" is outside the nodes it changes ${label}`);
          }
          if (fast.text !== full.text) {
            textDifferences.set(c.name, (textDifferences.get(c.name) ?? 0) + 1);
            const fullChanged = changedOriginalLines(before, bodyOf(full.text)).length;
            assert.ok(
              changedOriginalLines(before, after).length <= fullChanged,
              `${c.name}: the splice changed more original lines than the whole-document path\n--- full ---\n${full.text} ${label}`,
            );
          }
        }
      }),
      { numRuns: fuzzRuns(120), seed: fuzzSeed() },
    );
    // Where the two paths write different text (the same model): the cases, named.
    console.log(`splice vs whole-document text differs for: ${[...textDifferences].map(([k, n]) => `${k} (${n})`).join(', ') || 'none'}`);
  });

  it('a no-op leaves the file byte for byte, and a warm document takes a chain of operations', () => {
    fc.assert(
      fc.property(spliceFile, (f) => {
        const cd = CampaignDocument.parse(f.text);
        cd.apply(setIdentity({}), { now: NOW, random });
        assert.equal(cd.toString(), f.text, 'an operation that changes nothing writes nothing');
        // One document, many operations: each one re-reads as the model the document holds.
        for (const c of cases(f, 1)) {
          try {
            cd.apply(c.op, { now: NOW, random });
          } catch (err) {
            if (err instanceof CampaignError) continue;
            throw err;
          }
          const text = cd.toString();
          assert.deepEqual(CampaignDocument.parse(text).model, cd.model, `${c.name}: a kept document stays in step with its text\n${text}`);
        }
      }),
      { numRuns: fuzzRuns(60), seed: fuzzSeed() },
    );
  });

  it('appending a work item keeps an aligned inline comment on the last item byte for byte', () => {
    const text = 'remaining_work:\n  - id: w1\n    title: Ship it\n    owner: dana          # note\ndecisions_log: []\n';
    const cd = CampaignDocument.parse(text);
    cd.apply(addWork({ title: 'Next' }), { now: NOW, random });
    const after = cd.toString();
    assert.ok(after.startsWith('remaining_work:\n  - id: w1\n    title: Ship it\n    owner: dana          # note\n  - id: w-'), after);
    assert.equal(cd.lastEdit?.path, 'splice');
  });

  it('falls back to the whole-document path for anchors and aliases, and says why', () => {
    const text = 'base: &b\n  - x\nconstraints: *b\nremaining_work: []\n';
    const cd = CampaignDocument.parse(text);
    cd.apply(addWork({ title: 'Next' }), { now: NOW, random });
    assert.equal(cd.lastEdit?.path, 'full');
    assert.match(cd.lastEdit?.reason ?? '', /alias/);
    assert.deepEqual(CampaignDocument.parse(cd.toString()).model, cd.model);
  });
});
