// When Campaign refuses to write, and what it says: the untrusted-workspace
// guard (the in-host tests run trusted, so the rule itself is checked here).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkWritable } from '../../../src/extension/writeGuard';

const base = { trusted: true, state: 'valid' as const, fileLabel: '.claude/campaign.yaml' };

describe('checkWritable', () => {
  it('allows a valid file in a trusted workspace', () => {
    assert.equal(checkWritable(base), undefined);
  });
  it('refuses in an untrusted workspace, whatever the file’s state, and says why', () => {
    for (const state of ['valid', 'invalid', 'missing', 'loading'] as const) {
      const r = checkWritable({ ...base, trusted: false, state });
      assert.equal(r?.reason, 'untrusted');
      assert.match(r!.message, /not trusted/);
      assert.match(r!.message, /read-only/);
    }
  });
  it('refuses an invalid file, naming the first problem and the count', () => {
    const r = checkWritable({ ...base, state: 'invalid', firstProblem: { line: 3, column: 7, message: 'bad indentation' }, problemCount: 2 });
    assert.equal(r?.reason, 'invalid');
    assert.match(r!.message, /Line 3, column 7: bad indentation/);
    assert.match(r!.message, /2 problems/);
  });
  it('refuses when there is no file and points at Initialize Campaign', () => {
    const r = checkWritable({ ...base, state: 'missing' });
    assert.equal(r?.reason, 'missing');
    assert.match(r!.message, /Initialize Campaign/);
  });
  it('refuses while the first read is still running', () => {
    assert.equal(checkWritable({ ...base, state: 'loading' })?.reason, 'loading');
  });
});
