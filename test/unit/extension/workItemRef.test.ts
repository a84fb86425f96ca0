// How views address work items: by id, else by position with a check that the
// same title is still there.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CampaignDocument } from '../../../src/core/document/campaignDocument';
import { completeWork, removeWork, updateWork } from '../../../src/core/operations/workOps';
import { combined, onSameItem, workRef } from '../../../src/extension/workItemRef';
import { fixedContext } from '../../support/fixtures';

const plain = `remaining_work:
  - '[HIGH] Implement password reset flow'
  - '[MEDIUM] Add rate limiting'
  - '[LOW] Write API documentation'
`;

describe('workRef', () => {
  it('uses the id when there is one, else the 1-based position', () => {
    assert.equal(workRef({ id: 'w-7k2q', index: 4 }), 'w-7k2q');
    assert.equal(workRef({ index: 0 }), '1');
  });
});

describe('onSameItem', () => {
  it('runs the operation while the item is where the view saw it', () => {
    const cd = CampaignDocument.parse(plain);
    const item = cd.model.remaining_work[1]!;
    cd.apply(onSameItem(item, updateWork(workRef(item), { priority: 'high' })), fixedContext());
    assert.match(cd.toString(), /'\[HIGH\] Add rate limiting'/);
  });
  it('refuses, changing nothing, when another item is now at that position', () => {
    const seen = CampaignDocument.parse(plain).model.remaining_work[1]!;
    const changed = CampaignDocument.parse(plain.replace("  - '[HIGH] Implement password reset flow'\n", ''));
    const before = changed.toString();
    assert.throws(() => changed.apply(onSameItem(seen, removeWork(workRef(seen))), fixedContext()), /no longer in remaining work/);
    assert.equal(changed.toString(), before);
  });
});

describe('combined', () => {
  it('applies several operations as one edit (last position first)', () => {
    const cd = CampaignDocument.parse(plain);
    const items = [...cd.model.remaining_work].sort((a, b) => b.index - a.index);
    cd.apply(combined('work.complete', [items[0]!, items[2]!].map((i) => onSameItem(i, completeWork(workRef(i))))), fixedContext());
    assert.deepEqual(cd.model.remaining_work.map((i) => i.title), ['Add rate limiting']);
  });
});
