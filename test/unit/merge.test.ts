// The semantic three-way merge on its own (no git): what each kind of
// parallel change merges to, which changes are true conflicts, and that the
// result always keeps OURS' comments and layout and stays a valid file.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CampaignDocument } from '../../src/core/document/campaignDocument';
import { mergeCampaigns } from '../../src/core/merge/mergeCampaigns';
import { parseConflictPath } from '../../src/core/merge/conflictPath';
import { conflictLabel, conflictValuePreview } from '../../src/core/merge/conflictLabels';
import { addConstraint, removeConstraint, setHandoff, setIdentity } from '../../src/core/operations/identityOps';
import { logDecision, supersedeDecision } from '../../src/core/operations/decisionOps';
import { readMergeConflicts, resolveMergeConflict } from '../../src/core/operations/mergeConflictOps';
import type { Operation } from '../../src/core/operations/operation';
import { endSession, startSession, updateSession } from '../../src/core/operations/sessionOps';
import { addWork, completeWork, removeWork, updateWork } from '../../src/core/operations/workOps';
import { CampaignError } from '../../src/core/model/problems';
import { fixedContext, fixture } from '../support/fixtures';

const commented = fixture('commented.yaml');

/** A campaign the way the seed's Python writes it: plain-string work items, no ids. */
const seedList = `identity:
  name: Auth Service
remaining_work:
- '[HIGH] Implement password reset flow'
- '[MEDIUM] Add rate limiting to auth endpoints'
- '[LOW] Write API documentation'
build_log:
- accomplishments:
  - Created user and session tables
  date: '2026-03-20'
`;

/** Applies operations as one branch would (its own seed, so its own ids). */
function edit(text: string, seed: number, ...ops: Operation<unknown>[]): string {
  const cd = CampaignDocument.parse(text);
  const ctx = fixedContext('2026-11-24', seed);
  for (const op of ops) cd.apply(op, ctx);
  return cd.toString();
}

const ours = (text: string, ...ops: Operation<unknown>[]) => edit(text, 1, ...ops);
const theirs = (text: string, ...ops: Operation<unknown>[]) => edit(text, 2, ...ops);

function model(text: string) {
  return CampaignDocument.parse(text).model;
}

function count<T>(list: readonly T[], pred: (x: T) => boolean): number {
  return list.filter(pred).length;
}

describe('merge: parallel changes that merge cleanly', () => {
  it('returns OURS byte for byte when THEIRS changed nothing', () => {
    const o = ours(commented, addWork({ title: 'Only ours' }));
    const r = mergeCampaigns(commented, o, commented);
    assert.equal(r.text, o);
    assert.deepEqual(r.conflicts, []);
  });

  it('takes THEIRS whole when OURS changed nothing (comments included)', () => {
    const t = theirs(commented, addWork({ title: 'Only theirs' }), logDecision({ decision: 'D', rationale: 'R' }));
    const r = mergeCampaigns(commented, commented, t);
    assert.deepEqual(model(r.text), model(t));
    assert.ok(r.text.includes('# Security first') && r.text.includes('# Unknown keys belong to the team'));
  });

  it('keeps additions from both sides, each once, OURS first', () => {
    const o = ours(commented, addWork({ title: 'Ours item', priority: 'high' }), logDecision({ decision: 'Ours decision', rationale: 'because' }));
    const t = theirs(commented, addWork({ title: 'Theirs item' }), logDecision({ decision: 'Theirs decision', rationale: 'why' }));
    const r = mergeCampaigns(commented, o, t);
    assert.deepEqual(r.conflicts, []);
    const m = model(r.text);
    assert.deepEqual(m.remaining_work.map((w) => w.title), [
      'Implement password reset flow',
      'Add rate limiting to auth endpoints',
      'Write API documentation',
      'Ours item',
      'Theirs item',
    ]);
    assert.deepEqual(m.decisions_log.map((d) => d.decision).slice(2), ['Ours decision', 'Theirs decision']);
    const ids = m.remaining_work.map((w) => w.id);
    assert.equal(new Set(ids).size, ids.length);
  });

  it('keeps the same addition made on both sides once', () => {
    const seed = seedList;
    const o = ours(seed, addWork({ title: 'Shared task', priority: 'high' }));
    const t = theirs(seed, addWork({ title: 'Shared task', priority: 'high' }));
    const r = mergeCampaigns(seed, o, t);
    assert.deepEqual(r.conflicts, []);
    assert.equal(count(model(r.text).remaining_work, (w) => w.title === 'Shared task'), 1);
  });

  it('honours a completion on one side and a re-prioritization on the other', () => {
    const o = ours(commented, completeWork('w1'), updateWork('w3', { priority: 'high' }));
    const t = theirs(commented, updateWork('w1', { priority: 'low' }), completeWork('w2'));
    const r = mergeCampaigns(commented, o, t);
    assert.deepEqual(r.conflicts, []);
    const byId = new Map(model(r.text).remaining_work.map((w) => [w.id, w]));
    assert.deepEqual([byId.get('w1')!.status, byId.get('w1')!.priority, byId.get('w1')!.done], ['done', 'low', '2026-11-24']);
    assert.equal(byId.get('w2')!.status, 'done');
    assert.equal(byId.get('w3')!.priority, 'high');
  });

  it('merges edits of different fields of one item; a completion beats another status', () => {
    const o = ours(commented, updateWork('w2', { notes: 'Use a token bucket', status: 'in_progress' }));
    const t = theirs(commented, updateWork('w2', { priority: 'high', status: 'done' }));
    const r = mergeCampaigns(commented, o, t);
    assert.deepEqual(r.conflicts, []);
    const w2 = model(r.text).remaining_work.find((w) => w.id === 'w2')!;
    assert.deepEqual([w2.notes, w2.priority, w2.status, w2.done], ['Use a token bucket', 'high', 'done', '2026-11-24']);
  });

  it('honours deletions, and a deletion beats a mere re-prioritization', () => {
    const o = ours(commented, removeWork('w3'), updateWork('w1', { priority: 'low' }));
    const t = theirs(commented, removeWork('w1'), addWork({ title: 'New' }));
    const r = mergeCampaigns(commented, o, t);
    assert.deepEqual(r.conflicts, []);
    assert.deepEqual(model(r.text).remaining_work.map((w) => w.id ?? w.title), ['w2', model(t).remaining_work.at(-1)!.id]);
  });

  it('keeps plain-string (seed) lists plain, and a plain-string completion honoured', () => {
    const seed = seedList;
    const base = ours(seed, startSession({ focus: 'Work' }));
    const o = ours(base, completeWork('1'), addWork({ title: 'From ours', priority: 'low' }));
    const t = theirs(base, addWork({ title: 'From theirs', priority: 'high' }), updateWork('2', { priority: 'low' }));
    const r = mergeCampaigns(base, o, t);
    assert.deepEqual(r.conflicts, []);
    const m = model(r.text);
    assert.ok(m.remaining_work.every((w) => w.form === 'string'));
    assert.deepEqual(m.remaining_work.map((w) => `${w.priority} ${w.title}`), [
      'low Add rate limiting to auth endpoints',
      'low Write API documentation',
      'low From ours',
      'high From theirs',
    ]);
    assert.match(r.text, /completed:\n\s*- Implement password reset flow/);
  });

  it('unites the build log in date order, and same-day additions into one entry', () => {
    const base = commented;
    const o = base.replace('build_log:\n', 'build_log:\n  - date: "2026-03-19"\n    title: Early ours\n    accomplishments: [Spike]\n');
    const oursToday = ours(o, completeWork('w1'));
    const t = base.replace(
      '      - Added refresh token rotation\n',
      '      - Added refresh token rotation\n  - date: "2026-03-22"\n    title: Theirs later\n    accomplishments:\n      - Rate limits\n  - date: "2026-03-20"\n    title: Late-written\n    accomplishments: [Backfill]\n',
    );
    const theirsToday = theirs(t, removeWork('w2'));
    const r = mergeCampaigns(base, oursToday, theirsToday);
    assert.deepEqual(r.conflicts, []);
    assert.deepEqual(model(r.text).build_log.map((e) => `${e.date} ${e.title ?? ''}`), [
      '2026-03-19 Early ours',
      '2026-03-20 Database Schema',
      '2026-03-20 Late-written',
      '2026-03-21 Authentication System',
      '2026-03-22 Theirs later',
    ]);
  });

  it('unites accomplishments both sides added to the same build-log entry', () => {
    const seedish = seedList;
    const b = ours(seedish, completeWork('3'));
    const o = ours(b, completeWork('1'));
    const t = theirs(b, completeWork('2'));
    const r = mergeCampaigns(b, o, t);
    assert.deepEqual(r.conflicts, []);
    const last = model(r.text).build_log.at(-1)!;
    assert.deepEqual(last.accomplishments, ['Write API documentation', 'Implement password reset flow', 'Add rate limiting to auth endpoints']);
    assert.equal(model(r.text).remaining_work.length, 0);
  });

  it('merges decisions: a supersession on one side, new decisions on both', () => {
    const o = ours(commented, supersedeDecision('d1', { decision: 'PostgreSQL 16', rationale: 'newer' }));
    const t = theirs(commented, logDecision({ decision: 'Redis for sessions', rationale: 'fast' }));
    const r = mergeCampaigns(commented, o, t);
    assert.deepEqual(r.conflicts, []);
    const m = model(r.text);
    assert.equal(m.decisions_log.find((d) => d.id === 'd1')!.status, 'superseded');
    assert.deepEqual(m.decisions_log.map((d) => d.decision), [
      'PostgreSQL',
      'JWT tokens with 15-minute access tokens',
      'PostgreSQL 16',
      'Redis for sessions',
    ]);
  });

  it('merges identity, constraints and handoff line-wise', () => {
    const o = ours(commented, addConstraint('GDPR applies'), setIdentity({ tech_stack: ['Python', 'PostgreSQL', 'Redis', 'Celery'] }));
    const t = theirs(
      commented,
      removeConstraint('1'),
      setIdentity({ purpose: 'Auth for every app' }),
      setHandoff({ notes: ['Check the auth/reset branch for partial implementation', 'Rotate the keys'] }),
    );
    const r = mergeCampaigns(commented, o, t);
    assert.deepEqual(r.conflicts, []);
    const m = model(r.text);
    assert.deepEqual(m.constraints, ['Must support offline-first mobile clients', 'GDPR applies']);
    assert.deepEqual(m.identity, {
      name: 'Auth Service',
      purpose: 'Auth for every app',
      tech_stack: ['Python', 'PostgreSQL', 'Redis', 'Celery'],
    });
    assert.deepEqual(m.handoff_notes.notes, ['Check the auth/reset branch for partial implementation', 'Rotate the keys']);
    assert.match(r.text, /name: Auth Service {3}# the repo is auth-svc/);
  });

  it('merges changes to the same session field by field', () => {
    const base = ours(commented, startSession({ focus: 'Auth', blockers: ['CI red'] }));
    const o = ours(base, updateSession({ blockers: ['CI red', 'Waiting on design'] }));
    const t = theirs(base, updateSession({ focus: 'Auth and rate limits' }));
    const r = mergeCampaigns(base, o, t);
    assert.deepEqual(r.conflicts, []);
    assert.deepEqual(model(r.text).active_session, {
      started: model(base).active_session!.started,
      focus: 'Auth and rate limits',
      blockers: ['CI red', 'Waiting on design'],
    });
  });

  it('keeps a session ended on one side ended, whatever the other side changed in it', () => {
    const base = ours(commented, startSession({ focus: 'Auth' }));
    const o = ours(base, endSession({ done: ['Half the reset flow'], next: [], notes: [], decisions: [] }));
    const t = theirs(base, updateSession({ blockers: ['Flaky test'] }));
    const r = mergeCampaigns(base, o, t);
    assert.deepEqual(r.conflicts, []);
    assert.equal(model(r.text).active_session, null);
  });

  it('merges files added on both branches (empty base)', () => {
    const o = ours(commented, addWork({ title: 'A' }));
    const t = theirs(commented, addWork({ title: 'B' }));
    const r = mergeCampaigns('', o, t);
    assert.deepEqual(r.conflicts, []);
    assert.deepEqual(model(r.text).remaining_work.map((w) => w.title).slice(-2), ['A', 'B']);
  });

  it('gives a clashing hand-made id of a different item a new branch-safe id', () => {
    const o = commented.replace('  - id: w3\n', '  - id: w4\n    title: Ours w4\n  - id: w3\n');
    const t = commented.replace('  - id: w3\n', '  - id: w4\n    title: Theirs w4\n  - id: w3\n');
    const r = mergeCampaigns(commented, o, t);
    assert.deepEqual(r.conflicts, []);
    const items = model(r.text).remaining_work;
    assert.equal(items.find((w) => w.title === 'Ours w4')!.id, 'w4');
    assert.match(items.find((w) => w.title === 'Theirs w4')!.id!, /^w-[a-z2-9]{4}$/);
  });
});

describe('merge: OURS layout', () => {
  it('keeps OURS comments, unknown keys, BOM and CRLF, changing only merged lines', () => {
    const crlf = `\ufeff${commented.replace(/\n/g, '\r\n')}`;
    const o = ours(crlf, updateWork('w2', { priority: 'high' }));
    const t = theirs(commented, updateWork('w3', { notes: 'OpenAPI' }));
    const r = mergeCampaigns(commented, o, t);
    assert.ok(r.text.startsWith('\ufeff# Campaign: Auth Service\r\n'));
    assert.ok(!/[^\r]\n/.test(r.text));
    const expected = o.replace('    priority: low\r\n    status: todo\r\n\r\nbuild_log', '    priority: low\r\n    status: todo\r\n    notes: OpenAPI\r\n\r\nbuild_log');
    assert.equal(r.text, expected);
  });

  it('merges a seed file whose sections are PyYAML aliases', () => {
    const seed = fixture('seed-started.yaml');
    const o = ours(seed, addConstraint('No vendor lock-in'));
    const t = theirs(seed, addWork({ title: '[LOW] Tidy up' }));
    const r = mergeCampaigns(seed, o, t);
    assert.deepEqual(r.conflicts, []);
    const m = model(r.text);
    assert.ok(m.constraints.includes('No vendor lock-in'));
    assert.equal(m.remaining_work.length, 4);
  });
});

describe('merge: true conflicts', () => {
  it('records the same field changed two ways, keeps OURS, and resolves to either side', () => {
    const o = ours(commented, updateWork('w1', { title: 'Reset flow (email)' }), setIdentity({ name: 'Auth' }));
    const t = theirs(commented, updateWork('w1', { title: 'Reset flow (SMS)' }), addWork({ title: 'Unrelated' }));
    const r = mergeCampaigns(commented, o, t);
    assert.deepEqual(r.conflicts, [{ path: 'remaining_work[w1].title', ours: 'Reset flow (email)', theirs: 'Reset flow (SMS)' }]);
    const cd = CampaignDocument.parse(r.text);
    assert.equal(cd.model.remaining_work[0]!.title, 'Reset flow (email)');
    assert.ok(cd.model.remaining_work.some((w) => w.title === 'Unrelated'));
    assert.deepEqual(readMergeConflicts(cd).map((c) => c.path), ['remaining_work[w1].title']);

    const picked = CampaignDocument.parse(r.text);
    picked.apply(resolveMergeConflict(0, 'theirs'), fixedContext());
    const text = picked.toString();
    assert.equal(model(text).remaining_work[0]!.title, 'Reset flow (SMS)');
    assert.ok(!text.includes('merge_conflicts'));
    assert.deepEqual(readMergeConflicts(CampaignDocument.parse(text)), []);
  });

  it('records two different active sessions', () => {
    const o = ours(commented, startSession({ focus: 'Ours session' }));
    const t = edit(commented, 2, startSession({ focus: 'Theirs session' }));
    const tLater = t.replace(/started: \S+/, 'started: 2026-11-24T13:00:00+00:00');
    const r = mergeCampaigns(commented, o, tLater);
    assert.equal(r.conflicts.length, 1);
    assert.equal(r.conflicts[0]!.path, 'active_session');
    assert.equal((r.conflicts[0]!.theirs as { focus: string }).focus, 'Theirs session');
    assert.equal(model(r.text).active_session!.focus, 'Ours session');
    const cd = CampaignDocument.parse(r.text);
    cd.apply(resolveMergeConflict(0, 'theirs'), fixedContext());
    assert.equal(cd.model.active_session!.focus, 'Theirs session');
  });

  it('treats sessions started on each branch as two sessions, even in the same second', () => {
    const o = ours(commented, startSession({ focus: 'Ours session' }));
    const t = theirs(commented, startSession({ focus: 'Theirs session' }));
    assert.equal(model(o).active_session!.started, model(t).active_session!.started);
    const r = mergeCampaigns(commented, o, t);
    assert.deepEqual(r.conflicts.map((c) => c.path), ['active_session']);
  });

  it('records a deletion against a change of content, either way round', () => {
    const o = ours(commented, updateWork('w3', { notes: 'Use OpenAPI' }));
    const t = theirs(commented, removeWork('w3'));
    const r1 = mergeCampaigns(commented, o, t);
    assert.deepEqual(r1.conflicts.map((c) => [c.path, c.theirs]), [['remaining_work[w3]', null]]);
    assert.ok(model(r1.text).remaining_work.some((w) => w.id === 'w3'));
    const cd = CampaignDocument.parse(r1.text);
    cd.apply(resolveMergeConflict(0, 'theirs'), fixedContext());
    assert.ok(!cd.model.remaining_work.some((w) => w.id === 'w3'));

    const r2 = mergeCampaigns(commented, t, o);
    assert.deepEqual(r2.conflicts.map((c) => [c.path, c.ours]), [['remaining_work[w3]', null]]);
    const cd2 = CampaignDocument.parse(r2.text);
    cd2.apply(resolveMergeConflict(0, 'theirs'), fixedContext());
    assert.equal(cd2.model.remaining_work.find((w) => w.id === 'w3')!.notes, 'Use OpenAPI');
  });

  it('resolves a conflict on a plain-string item, keeping it a plain string', () => {
    const seed = seedList;
    const o = ours(seed, updateWork('1', { priority: 'low' }));
    const t = theirs(seed, updateWork('1', { priority: 'medium' }));
    const r = mergeCampaigns(seed, o, t);
    assert.deepEqual(r.conflicts, [{ path: 'remaining_work["Implement password reset flow"].priority', ours: 'low', theirs: 'medium' }]);
    const cd = CampaignDocument.parse(r.text);
    cd.apply(resolveMergeConflict(0, 'theirs'), fixedContext());
    assert.match(cd.toString(), /- '\[MEDIUM\] Implement password reset flow'/);
  });

  it('keeps conflicts recorded earlier until someone resolves them', () => {
    const o = ours(commented, setIdentity({ name: 'A' }));
    const t = theirs(commented, setIdentity({ name: 'B' }));
    const first = mergeCampaigns(commented, o, t).text;
    const later = theirs(commented, addWork({ title: 'Later' }));
    const r = mergeCampaigns(commented, first, later);
    assert.deepEqual(r.conflicts, []);
    assert.equal(readMergeConflicts(CampaignDocument.parse(r.text)).length, 1);
  });
});

describe('merge: invalid input', () => {
  for (const side of ['base', 'ours', 'theirs'] as const) {
    it(`refuses when ${side} is not valid YAML, naming the side`, () => {
      const texts = { base: commented, ours: commented, theirs: commented };
      texts[side] = fixture('invalid-yaml.yaml');
      assert.throws(() => mergeCampaigns(texts.base, texts.ours, texts.theirs, { path: '.claude/campaign.yaml' }), (err: unknown) => {
        assert.ok(err instanceof CampaignError);
        assert.equal(err.file, `.claude/campaign.yaml (${side})`);
        return true;
      });
    });
  }

  it('refuses a side that does not fit the schema', () => {
    assert.throws(() => mergeCampaigns(commented, commented, fixture('invalid-schema.yaml')), CampaignError);
  });
});

describe('conflict paths', () => {
  it('parse ids, titles, build-log entries and quoted keys', () => {
    assert.deepEqual(parseConflictPath('remaining_work[w-7k2q].priority'), [
      { kind: 'key', key: 'remaining_work' },
      { kind: 'id', id: 'w-7k2q' },
      { kind: 'key', key: 'priority' },
    ]);
    assert.deepEqual(parseConflictPath('remaining_work["a ] \\" b"]'), [
      { kind: 'key', key: 'remaining_work' },
      { kind: 'text', text: 'a ] " b' },
    ]);
    assert.deepEqual(parseConflictPath('build_log[["2026-03-21",null]]."odd key"'), [
      { kind: 'key', key: 'build_log' },
      { kind: 'entry', key: '["2026-03-21",null]' },
      { kind: 'key', key: 'odd key' },
    ]);
    assert.throws(() => parseConflictPath('remaining_work[w1'), CampaignError);
  });

  it('read as words in views', () => {
    assert.equal(conflictLabel('remaining_work[w-7k2q].priority'), 'Work item w-7k2q — priority');
    assert.equal(conflictLabel('remaining_work["Write docs"]'), 'Work item "Write docs"');
    assert.equal(conflictLabel('active_session'), 'Active session');
    assert.equal(conflictLabel('build_log[["2026-03-21","Auth"]].x_mood'), 'Build-log entry 2026-03-21 "Auth" — x_mood');
    assert.equal(conflictLabel('not a [path'), 'not a [path');
    assert.equal(conflictValuePreview(null), '(none)');
    assert.equal(conflictValuePreview({ focus: 'Auth' }), 'Auth {"focus":"Auth"}');
    assert.equal(conflictValuePreview('x'.repeat(100), 10), `${'x'.repeat(9)}…`);
  });
});

describe('merge: random parallel edits', () => {
  /** A small deterministic generator, so a failure can be replayed. */
  function rng(seed: number) {
    let s = seed >>> 0;
    return (n: number) => {
      s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
      return s % n;
    };
  }

  function randomBranch(text: string, seed: number, pick: (n: number) => number): { text: string; added: string[]; removed: string[] } {
    const cd = CampaignDocument.parse(text);
    const ctx = fixedContext('2026-11-24', seed);
    const added: string[] = [];
    const removed: string[] = [];
    for (let step = 0; step < 6; step++) {
      const items = cd.model.remaining_work.filter((w) => w.id && !added.includes(w.id));
      const item = items.length ? items[pick(items.length)] : undefined;
      switch (pick(8)) {
        case 5:
          if (item) cd.apply(updateWork(item.id!, { title: `Renamed ${seed}-${step}` }), ctx);
          break;
        case 6:
          if (item) cd.apply(updateWork(item.id!, { notes: `Note ${seed}-${step}` }), ctx);
          break;
        case 7:
          cd.apply(setHandoff({ next_session: `Next ${seed}-${step}` }), ctx);
          break;
        case 0:
          added.push(cd.apply(addWork({ title: `Task ${seed}-${step}`, priority: (['high', 'medium', 'low'] as const)[pick(3)] }), ctx));
          break;
        case 1:
          added.push(cd.apply(logDecision({ decision: `Decision ${seed}-${step}`, rationale: 'r' }), ctx));
          break;
        case 2:
          if (item) cd.apply(updateWork(item.id!, { priority: (['high', 'medium', 'low'] as const)[pick(3)] }), ctx);
          break;
        case 3:
          if (item) cd.apply(completeWork(item.id!), ctx);
          break;
        default:
          if (item && item.status !== 'done') {
            cd.apply(removeWork(item.id!), ctx);
            removed.push(item.id!);
          }
      }
    }
    return { text: cd.toString(), added, removed };
  }

  it('always yields a valid file with every addition once and every untouched deletion gone', () => {
    let conflicts = 0;
    for (let round = 0; round < 60; round++) {
      const pick = rng(round + 1);
      const o = randomBranch(commented, 100 + round, pick);
      const t = randomBranch(commented, 200 + round, pick);
      const r = mergeCampaigns(commented, o.text, t.text);
      const m = model(r.text);
      const ids = [...m.remaining_work.map((w) => w.id), ...m.decisions_log.map((d) => d.id)];
      for (const id of [...o.added, ...t.added]) assert.equal(count(ids, (x) => x === id), 1, `round ${round}: ${id}`);
      for (const id of [...o.removed, ...t.removed]) {
        if (r.conflicts.some((c) => c.path.includes(`[${id}]`))) continue;
        assert.equal(count(ids, (x) => x === id), 0, `round ${round}: ${id} should be gone`);
      }
      assert.equal(new Set(ids).size, ids.length, `round ${round}: duplicate ids`);
      // Every recorded conflict resolves, to either side, into a valid file without conflicts.
      const resolved = CampaignDocument.parse(r.text);
      for (let i = r.conflicts.length - 1; i >= 0; i--) resolved.apply(resolveMergeConflict(i, i % 2 ? 'ours' : 'theirs'), fixedContext());
      const text = resolved.toString();
      assert.deepEqual(readMergeConflicts(CampaignDocument.parse(text)), [], `round ${round}`);
      conflicts += r.conflicts.length;
    }
    assert.ok(conflicts > 0, 'the rounds include true conflicts');
  });
});
