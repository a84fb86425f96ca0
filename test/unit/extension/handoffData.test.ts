// The handoff form's prefill and the operation its submit runs.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CampaignDocument } from '../../../src/core/document/campaignDocument';
import { completeWork } from '../../../src/core/operations/workOps';
import { buildPrefill, completedInSession, endSessionFromForm } from '../../../src/extension/handoffData';
import { fixedContext } from '../../support/fixtures';

const text = `version: 1
active_session:
  started: '2026-11-24T09:00:00+00:00'
  focus: Password reset
  blockers: []
remaining_work:
  - id: w1
    title: Implement password reset flow
    priority: high
    status: done
  - id: w2
    title: Add rate limiting
    priority: medium
    status: todo
  - id: w3
    title: Write API docs
    priority: low
    status: in_progress
`;

describe('buildPrefill', () => {
  it('prefills work done this session and commits, and suggests open work high first', () => {
    const cd = CampaignDocument.parse(text);
    const prefill = buildPrefill(cd.model, ['Fixed the login page'], ['Add reset email', 'Implement password reset flow']);
    assert.equal(prefill.focus, 'Password reset');
    assert.equal(prefill.started, '2026-11-24T09:00:00+00:00');
    assert.deepEqual(prefill.accomplishments, ['Implement password reset flow', 'Fixed the login page', 'Add reset email']);
    assert.deepEqual(prefill.suggestedNext, [
      { title: 'Add rate limiting', priority: 'medium' },
      { title: 'Write API docs', priority: 'low' },
    ]);
  });
});

describe('completedInSession', () => {
  it('reads plain-string items completed during the session', () => {
    const cd = CampaignDocument.parse(`active_session:\n  started: '2026-11-24'\n  focus: x\nremaining_work:\n  - '[HIGH] One'\n  - '[LOW] Two'\n`);
    cd.apply(completeWork('1'), fixedContext());
    const reparsed = CampaignDocument.parse(cd.toString());
    assert.deepEqual(completedInSession(reparsed), ['One']);
  });
  it('is empty without a session', () => {
    assert.deepEqual(completedInSession(CampaignDocument.parse('remaining_work: []\n')), []);
  });
});

describe('endSessionFromForm', () => {
  it('ends the session; next steps that are already open work are kept, not duplicated', () => {
    const cd = CampaignDocument.parse(text);
    cd.apply(
      endSessionFromForm({
        done: ['Implement password reset flow'],
        next: [
          { title: 'add rate limiting', priority: 'high' },
          { title: 'Write API docs', priority: 'low' },
          { title: 'Add audit log', priority: 'medium' },
        ],
        handoff: 'Start with rate limiting',
        notes: [],
        decisions: [{ decision: 'Reset tokens expire in 1h', rationale: 'Limits exposure' }],
      }),
      fixedContext(),
    );
    const m = cd.model;
    assert.equal(m.active_session, null);
    assert.deepEqual(
      m.remaining_work.map((i) => [i.title, i.priority]),
      [['Add rate limiting', 'high'], ['Write API docs', 'low'], ['Add audit log', 'medium']],
    );
    assert.deepEqual(m.build_log.at(-1)?.accomplishments, ['Implement password reset flow']);
    assert.equal(m.handoff_notes.next_session, 'Start with rate limiting');
    assert.equal(m.decisions_log.at(-1)?.decision, 'Reset tokens expire in 1h');
  });
});
