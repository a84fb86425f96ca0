// The whole-line replacement an operation makes in an open editor.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { lineReplacement } from '../../../src/extension/textReplacement';

function apply(before: string, after: string): string {
  const r = lineReplacement(before, after);
  return before.slice(0, r.start) + r.text + before.slice(r.end);
}

describe('lineReplacement', () => {
  it('replaces only the changed lines', () => {
    const before = 'a\nb\nc\nd\n';
    const after = 'a\nb\nX\nY\nd\n';
    const r = lineReplacement(before, after);
    assert.deepEqual(r, { start: 4, end: 6, text: 'X\nY\n' });
    assert.equal(apply(before, after), after);
  });
  it('handles appends, removals, identical text and CRLF', () => {
    const cases: [string, string][] = [
      ['a\nb\n', 'a\nb\nc\n'],
      ['a\nb\nc\n', 'a\nc\n'],
      ['same\n', 'same\n'],
      ['a\r\nb\r\n', 'a\r\nB\r\n'],
      ['no newline', 'no newline!'],
      ['', 'new\n'],
      ['x\n', ''],
      ['a\nb\na\nb\n', 'a\nb\n'],
    ];
    for (const [before, after] of cases) assert.equal(apply(before, after), after, JSON.stringify([before, after]));
  });
  it('never splits a CRLF pair', () => {
    const r = lineReplacement('a\r\nb\r\n', 'a\r\nc\r\n');
    assert.equal(r.start, 3);
    assert.equal(r.text, 'c\r\n');
  });
});
