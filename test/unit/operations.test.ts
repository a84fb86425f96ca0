// Named operations on real fixture files: each changes only the lines it
// must, keeps comments, unknown keys, quoting, BOM and CRLF, and refuses
// what it cannot do without touching the text.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CampaignDocument } from '../../src/core/document/campaignDocument';
import { addWork, completeWork, removeWork, updateWork } from '../../src/core/operations/workOps';
import { endSession, endSessionWithDefaults, startSession, updateSession } from '../../src/core/operations/sessionOps';
import { logDecision, supersedeDecision } from '../../src/core/operations/decisionOps';
import { addConstraint, removeConstraint, setHandoff, setIdentity } from '../../src/core/operations/identityOps';
import type { Operation } from '../../src/core/operations/operation';
import { CampaignError } from '../../src/core/model/problems';
import { changedLines, fixedContext, fixture } from '../support/fixtures';

function run<R>(text: string, ...ops: Operation<R>[]): { text: string; cd: CampaignDocument; results: R[] } {
  const cd = CampaignDocument.parse(text);
  const ctx = fixedContext();
  const results = ops.map((op) => cd.apply(op, ctx));
  return { text: cd.toString(), cd, results };
}

const commented = fixture('commented.yaml');

describe('work operations', () => {
  it('adds an item with a branch-safe id, touching only new lines', () => {
    const { text, results } = run(commented, addWork({ title: 'Add audit log', priority: 'high', notes: 'SOC2' }));
    assert.match(results[0]!, /^w-[a-z2-9]{4}$/);
    const expected = commented.replace(
      '    status: todo\n\nbuild_log:',
      `    status: todo\n  - id: ${results[0]}\n    title: Add audit log\n    priority: high\n    status: todo\n    notes: SOC2\n    added: 2026-11-24\n\nbuild_log:`,
    );
    assert.equal(text, expected);
  });

  it('completes a mapping item in place: status done and the date', () => {
    const { text } = run(commented, completeWork('w2'));
    assert.equal(
      text,
      commented.replace(
        '    title: Add rate limiting to auth endpoints\n    priority: medium\n    status: todo\n',
        '    title: Add rate limiting to auth endpoints\n    priority: medium\n    status: done\n    done: 2026-11-24\n',
      ),
    );
  });

  it('finds items by id, 1-based position and title', () => {
    for (const ref of ['w3', '3', 'Write API documentation', 'write api documentation']) {
      const { results } = run(commented, updateWork(ref, { priority: 'high' }));
      assert.equal(results[0]!.id, 'w3', ref);
    }
    assert.throws(() => run(commented, updateWork('9', { priority: 'high' })), /position 9/);
    assert.throws(() => run(commented, removeWork('nope')), CampaignError);
  });

  it('changes priority and status, and removes items', () => {
    const { text } = run(commented, updateWork('w2', { priority: 'high', status: 'blocked' }), removeWork('w3'));
    const { removed, added } = changedLines(commented, text);
    assert.deepEqual(added.sort(), ['    priority: high', '    status: blocked'].sort());
    assert.ok(removed.includes('    title: Write API documentation'));
    assert.ok(text.includes('  # Security first\n'));
  });

  it('keeps a plain-string list (as the seed writes it) plain', () => {
    const seed = fixture('seed-ended.yaml');
    const { text, cd } = run(seed, addWork({ title: 'Harden cookies', priority: 'high' }));
    assert.equal(text, seed.replace('- Write tests for reset flow\n', "- Write tests for reset flow\n- '[HIGH] Harden cookies'\n"));
    assert.deepEqual(cd.model.remaining_work.map((w) => w.form), ['string', 'string', 'string']);
  });

  it('moves a completed plain-string item into the session, then the build log', () => {
    const seed = fixture('seed-ended.yaml');
    const { cd } = run(
      seed,
      startSession({ focus: 'Rate limits' }) as Operation<unknown>,
      completeWork('Add rate limiting') as Operation<unknown>,
      // No accomplishments given: the default is what was completed this session.
      endSessionWithDefaults({ next: [], notes: [], decisions: [] }) as Operation<unknown>,
    );
    const m = cd.model;
    assert.deepEqual(m.remaining_work.map((w) => w.title), ['Write tests for reset flow']);
    assert.deepEqual(m.build_log.at(-1)!.accomplishments, ['Add rate limiting']);
    assert.equal(m.active_session, null);
  });

  it('refuses an empty title and leaves the document as it was', () => {
    const cd = CampaignDocument.parse(commented);
    assert.throws(() => cd.apply(addWork({ title: '  \n ' }), fixedContext()), /needs a title/);
    assert.equal(cd.toString(), commented);
  });
});

describe('session operations', () => {
  it('starts a session on a work item: focus, blockers, item in progress', () => {
    const { text, cd } = run(commented, startSession({ workRef: 'w1', blockers: ['SMTP credentials'] }));
    const s = cd.model.active_session!;
    assert.equal(s.focus, 'Implement password reset flow');
    assert.deepEqual(s.blockers, ['SMTP credentials']);
    assert.match(s.started, /^2026-11-24T12:00:00[+-]\d\d:\d\d$/);
    assert.equal(cd.model.remaining_work[0]!.status, 'in_progress');
    const { removed } = changedLines(commented, text);
    assert.deepEqual(removed.sort(), ['    status: todo', 'active_session: null'].sort());
  });

  it('refuses a second session unless asked to replace it', () => {
    const { text } = run(commented, startSession({ focus: 'One' }));
    assert.throws(() => run(text, startSession({ focus: 'Two' })), /already active/);
    assert.equal(run(text, startSession({ focus: 'Two', replace: true })).cd.model.active_session!.focus, 'Two');
  });

  it('ends a session: build log, completed work swept, next steps, decisions, handoff', () => {
    const { text, cd } = run(
      commented,
      startSession({ focus: 'Reset flow' }) as Operation<unknown>,
      completeWork('w2') as Operation<unknown>,
      endSession({
        done: ['Reset emails'],
        next: [{ title: 'Reset UI', priority: 'high' }],
        handoff: 'Do the UI next',
        notes: ['Templates live in templates/email'],
        decisions: [{ decision: 'Use SES', rationale: 'Already on AWS' }],
      }) as Operation<unknown>,
    );
    const m = cd.model;
    assert.equal(m.active_session, null);
    assert.deepEqual(m.build_log.at(-1), {
      date: '2026-11-24',
      title: 'Reset flow',
      // Exactly the accomplishments given; the completed item w2 still leaves the list (below).
      accomplishments: ['Reset emails'],
      decisions: ['Use SES'],
    });
    assert.deepEqual(m.remaining_work.map((w) => w.title), ['Implement password reset flow', 'Write API documentation', 'Reset UI']);
    assert.equal(m.decisions_log.at(-1)!.rationale, 'Already on AWS');
    assert.deepEqual(m.handoff_notes, { next_session: 'Do the UI next', notes: ['Templates live in templates/email'], updated: '2026-11-24' });
    // Comments and the team's unknown keys survive.
    for (const keep of ['# Hand-written; the team edits this file directly too.', '  # Security first', 'x_team:', '  pager: "#auth-oncall"', '  name: Auth Service   # the repo is auth-svc']) {
      assert.ok(text.includes(keep), keep);
    }
    // The date quoting style of the existing handoff field is kept.
    assert.ok(text.includes('  updated: "2026-11-24"'));
  });

  it('ends a session started by the seed without losing any aliased section', () => {
    const { cd, text } = run(fixture('seed-started.yaml'), endSession({ done: ['Reset done'], next: [], notes: [], decisions: [] }));
    const m = cd.model;
    assert.equal(m.active_session, null);
    assert.equal(m.identity.name, 'Auth Service');
    assert.equal(m.constraints.length, 2);
    assert.equal(m.remaining_work.length, 3);
    assert.equal(m.decisions_log.length, 2);
    assert.doesNotMatch(text, /\*id0/);
    CampaignDocument.parse(text);
  });

  it('updates focus and blockers of the active session', () => {
    const { cd } = run(commented, startSession({ focus: 'A' }) as Operation<unknown>, updateSession({ focus: 'B', blockers: ['x'] }) as Operation<unknown>);
    assert.deepEqual([cd.model.active_session!.focus, cd.model.active_session!.blockers], ['B', ['x']]);
    assert.throws(() => run(commented, updateSession({ focus: 'B' })), /No session is active/);
  });
});

describe('decisions, identity, constraints, handoff', () => {
  it('logs a decision with rationale and refuses one without', () => {
    const { cd, results } = run(commented, logDecision({ decision: 'Argon2id', rationale: 'Memory-hard hashing' }));
    assert.match(results[0]!, /^d-[a-z2-9]{4}$/);
    assert.equal(cd.model.decisions_log.at(-1)!.decision, 'Argon2id');
    assert.throws(() => run(commented, logDecision({ decision: 'X', rationale: ' ' })), /rationale/);
  });

  it('supersedes a decision: old one marked and linked', () => {
    const { cd, results } = run(commented, supersedeDecision('d2', { decision: 'Opaque tokens', rationale: 'Revocation' }));
    const old = cd.model.decisions_log.find((d) => d.id === 'd2')!;
    assert.equal(old.status, 'superseded');
    assert.equal(old.superseded_by, results[0]);
    assert.throws(() => run(cd.toString(), supersedeDecision('d2', { decision: 'Y', rationale: 'Z' })), /already superseded/);
  });

  it('edits identity, constraints and handoff notes in place', () => {
    const { text } = run(
      commented,
      setIdentity({ purpose: 'Auth for mobile and web' }),
      addConstraint('GDPR: EU data residency'),
      removeConstraint('1'),
      setHandoff({ next_session: 'Finish rate limiting' }),
    );
    const { removed, added } = changedLines(commented, text);
    assert.deepEqual(removed.sort(), [
      '  - No external auth providers (self-hosted requirement)',
      '  next_session: Start with password reset',
      '  purpose: Self-hosted authentication for the mobile app',
      '  updated: "2026-03-21"',
    ].sort());
    assert.deepEqual(added.sort(), [
      '  - "GDPR: EU data residency"',
      '  next_session: Finish rate limiting',
      '  purpose: Auth for mobile and web',
      '  updated: "2026-11-24"',
    ].sort());
  });
});

describe('file format preservation', () => {
  it('keeps BOM and CRLF through an edit, with a minimal diff', () => {
    const original = `\ufeff${commented.replace(/\n/g, '\r\n')}`;
    const { text } = run(original, completeWork('w2'));
    assert.ok(text.startsWith('\ufeff'));
    assert.doesNotMatch(text.replace(/\r\n/g, ''), /\n/);
    const { removed, added } = changedLines(original.slice(1).replace(/\r\n/g, '\n'), text.slice(1).replace(/\r\n/g, '\n'));
    assert.deepEqual(removed, ['    status: todo']);
    assert.deepEqual(added.sort(), ['    done: 2026-11-24', '    status: done']);
  });

  it('creates missing sections in canonical order', () => {
    const { text } = run('# mine\nidentity:\n  name: X\nx_custom: 1\n', addWork({ title: 'First', priority: 'low' }), logDecision({ decision: 'D', rationale: 'R' }));
    const keys = text.split('\n').filter((l) => /^[a-z_]+:/.test(l)).map((l) => l.split(':')[0]);
    assert.deepEqual(keys, ['identity', 'remaining_work', 'decisions_log', 'x_custom']);
    assert.ok(text.startsWith('# mine\n'));
  });

  it('adds to an empty file', () => {
    const { cd } = run('', addWork({ title: 'First' }));
    assert.equal(cd.model.remaining_work[0]!.title, 'First');
  });
});
