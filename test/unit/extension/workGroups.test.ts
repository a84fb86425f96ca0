// Grouping remaining work by priority, pick order for Start Session, and the
// status icons.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { WorkItem } from '../../../src/core/model/model';
import { groupByPriority, openWorkInPickOrder, statusIcon } from '../../../src/extension/workGroups';

const item = (title: string, priority: WorkItem['priority'], status: WorkItem['status'] = 'todo', index = 0): WorkItem => ({
  title,
  priority,
  status,
  index,
  form: 'map',
});

const work = [
  item('docs', 'low', 'todo', 0),
  item('reset', 'high', 'in_progress', 1),
  item('rate limit', 'medium', 'todo', 2),
  item('shipped', 'high', 'done', 3),
  item('tests', 'high', 'blocked', 4),
];

describe('groupByPriority', () => {
  it('always returns High, Medium, Low, items in file order', () => {
    const groups = groupByPriority(work);
    assert.deepEqual(groups.map((g) => g.priority), ['high', 'medium', 'low']);
    assert.deepEqual(groups[0]!.items.map((i) => i.title), ['reset', 'shipped', 'tests']);
    assert.deepEqual(groups[1]!.items.map((i) => i.title), ['rate limit']);
    assert.deepEqual(groups[2]!.items.map((i) => i.title), ['docs']);
  });
  it('keeps empty groups (they are drop targets)', () => {
    assert.deepEqual(groupByPriority([]).map((g) => [g.priority, g.items.length]), [['high', 0], ['medium', 0], ['low', 0]]);
  });
});

describe('openWorkInPickOrder', () => {
  it('leaves out done work and puts high priority first', () => {
    assert.deepEqual(openWorkInPickOrder(work).map((i) => i.title), ['reset', 'tests', 'rate limit', 'docs']);
  });
});

describe('statusIcon', () => {
  it('gives each status its own codicon', () => {
    const ids = (['todo', 'in_progress', 'blocked', 'done'] as const).map((s) => statusIcon(s).id);
    assert.equal(new Set(ids).size, 4);
    assert.equal(statusIcon('done').id, 'pass-filled');
  });
});

