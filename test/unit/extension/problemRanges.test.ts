// Where a core problem (1-based line/column) is underlined in the editor.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { problemRange } from '../../../src/extension/problemRanges';

const text = 'version: 1\nidentity:\n  name: "unterminated\n\nlast: x   \n';

describe('problemRange', () => {
  it('turns 1-based line/column into a 0-based range to the end of the line’s content', () => {
    assert.deepEqual(problemRange({ line: 3, column: 9 }, text), { startLine: 2, startCharacter: 8, endLine: 2, endCharacter: 21 });
  });
  it('ignores trailing spaces', () => {
    assert.deepEqual(problemRange({ line: 5, column: 1 }, text), { startLine: 4, startCharacter: 0, endLine: 4, endCharacter: 7 });
  });
  it('underlines the last character for a problem at the end of a line', () => {
    assert.deepEqual(problemRange({ line: 2, column: 10 }, text), { startLine: 1, startCharacter: 8, endLine: 1, endCharacter: 9 });
  });
  it('handles empty lines, lines past the end, CRLF and no text', () => {
    assert.deepEqual(problemRange({ line: 4, column: 1 }, text), { startLine: 3, startCharacter: 0, endLine: 3, endCharacter: 0 });
    assert.equal(problemRange({ line: 99, column: 1 }, text).startLine, 5);
    assert.deepEqual(problemRange({ line: 2, column: 1 }, 'a: 1\r\nbb: 2\r\n'), { startLine: 1, startCharacter: 0, endLine: 1, endCharacter: 5 });
    assert.deepEqual(problemRange({ line: 3, column: 4 }, undefined), { startLine: 0, startCharacter: 0, endLine: 0, endCharacter: 0 });
  });
});
