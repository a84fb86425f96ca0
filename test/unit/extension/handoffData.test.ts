// The handoff form's prefill and the operation its submit runs: both are the
// core's end-session rule (completedThisSession, endSession), seen from the form.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CampaignDocument } from '../../../src/core/document/campaignDocument';
import { completeWork } from '../../../src/core/operations/workOps';
import { startSession } from '../../../src/core/operations/sessionOps';
import { buildPrefill, endSessionFromForm } from '../../../src/extension/handoffData';
import { fixedContext } from '../../support/fixtures';

// w1 was finished on an earlier day (it is done, but not in this session's record).
const text = `version: 1
active_session: null
remaining_work:
  - id: w1
    title: Implement password reset flow
    priority: high
    status: done
    done: 2026-11-20
  - id: w2
    title: Add rate limiting
    priority: medium
    status: todo
  - id: w3
    title: Write API docs
    priority: low
    status: in_progress
  - '[LOW] Tidy the README'
build_log:
  - date: 2026-11-20
    accomplishments:
      - Implement password reset flow
`;

function startedAndWorked(): CampaignDocument {
  const cd = CampaignDocument.parse(text);
  const ctx = fixedContext();
  cd.apply(startSession({ focus: 'Password reset' }), ctx);
  cd.apply(completeWork('w3'), ctx);
  cd.apply(completeWork('Tidy the README'), ctx);
  return CampaignDocument.parse(cd.toString());
}

describe('buildPrefill', () => {
  it('prefills only work completed during this session, then commits; never work done on an earlier day', () => {
    const cd = startedAndWorked();
    const prefill = buildPrefill(cd.model, ['Add reset email', 'write api docs']);
    assert.equal(prefill.focus, 'Password reset');
    assert.match(prefill.started, /^2026-11-24T12:00:00/);
    assert.deepEqual(prefill.accomplishments, ['Write API docs', 'Tidy the README', 'Add reset email']);
    assert.deepEqual(prefill.suggestedNext, [{ title: 'Add rate limiting', priority: 'medium' }]);
  });
});

describe('endSessionFromForm', () => {
  it('logs exactly the rows kept in the form; next steps naming open work re-prioritize it', () => {
    const cd = startedAndWorked();
    // The person removed the "Tidy the README" row before submitting.
    cd.apply(
      endSessionFromForm({
        done: ['Write API docs'],
        next: [
          { title: 'add rate limiting', priority: 'high' },
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
      m.remaining_work.map((i) => [i.title, i.priority, i.status]),
      [['Add rate limiting', 'high', 'todo'], ['Add audit log', 'medium', 'todo']],
    );
    assert.deepEqual(m.build_log.map((e) => e.accomplishments), [['Implement password reset flow'], ['Write API docs']]);
    assert.equal(m.handoff_notes.next_session, 'Start with rate limiting');
    assert.equal(m.decisions_log.at(-1)?.decision, 'Reset tokens expire in 1h');
  });
});
