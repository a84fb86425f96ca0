// How views address merge conflicts: by what they are (path and both values),
// so a row drawn before the list shifted still resolves its own conflict, and
// one that is gone is refused.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CampaignDocument } from '../../../src/core/document/campaignDocument';
import { readMergeConflicts } from '../../../src/core/operations/mergeConflictOps';
import { resolveSameConflict } from '../../../src/extension/mergeConflictRef';
import { fixedContext } from '../../support/fixtures';

const text = `version: 1
identity:
  name: Demo
remaining_work:
  - id: w1
    title: Reset by email
    priority: high
    status: todo
handoff_notes:
  next_session: Ours next
merge_conflicts:
  - path: remaining_work[w1].title
    ours: Reset by email
    theirs: Reset by SMS
  - path: handoff_notes.next_session
    ours: Ours next
    theirs: Theirs next
`;

describe('resolveSameConflict', () => {
  it('resolves the conflict at its index while it is still there', () => {
    const cd = CampaignDocument.parse(text);
    const [first] = readMergeConflicts(cd);
    cd.apply(resolveSameConflict(first!, 'theirs'), fixedContext());
    assert.equal(cd.model.remaining_work[0]!.title, 'Reset by SMS');
    assert.deepEqual(readMergeConflicts(cd).map((c) => c.path), ['handoff_notes.next_session']);
  });

  it('finds a conflict that moved up the list', () => {
    const cd = CampaignDocument.parse(text);
    const [first, second] = readMergeConflicts(cd);
    cd.apply(resolveSameConflict(first!, 'ours'), fixedContext());
    cd.apply(resolveSameConflict(second!, 'theirs'), fixedContext()); // drawn as #2, now #1
    assert.equal(cd.model.handoff_notes.next_session, 'Theirs next');
    assert.equal(cd.model.remaining_work[0]!.title, 'Reset by email');
    assert.doesNotMatch(cd.toString(), /merge_conflicts/);
  });

  it('refuses, changing nothing, a conflict that is no longer there or has other values', () => {
    const cd = CampaignDocument.parse(text);
    const [first] = readMergeConflicts(cd);
    cd.apply(resolveSameConflict(first!, 'ours'), fixedContext());
    const before = cd.toString();
    assert.throws(() => cd.apply(resolveSameConflict(first!, 'theirs'), fixedContext()), /no longer in the file as shown/);
    assert.throws(() => cd.apply(resolveSameConflict({ index: 0, path: 'handoff_notes.next_session', ours: 'Ours next', theirs: 'Other' }, 'theirs'), fixedContext()), /no longer/);
    assert.equal(cd.toString(), before);
  });
});
