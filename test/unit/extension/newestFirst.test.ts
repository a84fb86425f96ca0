// Newest-first order for Decisions and Build Log.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { newestFirst } from '../../../src/extension/newestFirst';

describe('newestFirst', () => {
  it('orders by date, newest first; later file entries first among equal dates', () => {
    const entries = [
      { id: 'a', date: '2026-03-20' },
      { id: 'b', date: '2026-03-21' },
      { id: 'c', date: '2026-03-20' },
      { id: 'd', date: '2026-03-21T10:00:00' },
    ];
    assert.deepEqual(newestFirst(entries, (e) => e.date).map((e) => e.id), ['d', 'b', 'c', 'a']);
  });
  it('puts undated entries last, in reverse file order', () => {
    const entries = [{ id: 'x', date: '' }, { id: 'y', date: '2026-01-01' }, { id: 'z', date: 'someday' }];
    assert.deepEqual(newestFirst(entries, (e) => e.date).map((e) => e.id), ['y', 'z', 'x']);
  });
});
