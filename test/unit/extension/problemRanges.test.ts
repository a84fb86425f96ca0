// Where a core problem (1-based line/column) is underlined in the editor.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { problemPosition, problemRange } from '../../../src/extension/problemRanges';

const text = 'version: 1\nidentity:\n  name: "unterminated\n\nlast: x   \n';

describe('problemRange', () => {
  it('turns 1-based line/column into a 0-based range to the end of the line’s content', () => {
    assert.deepEqual(problemRange({ line: 3, column: 9 }, text), { startLine: 2, startCharacter: 8, endLine: 2, endCharacter: 21 });
  });
  it('ignores trailing spaces', () => {
    assert.deepEqual(problemRange({ line: 5, column: 1 }, text), { startLine: 4, startCharacter: 0, endLine: 4, endCharacter: 7 });
  });
  it('keeps a problem at the end of a line at its column, so the Problems panel and the views say the same column', () => {
    // `identity:` is 9 characters; the core reports column 10 (after the colon). The panel used to say 9.
    assert.deepEqual(problemRange({ line: 2, column: 10 }, text), { startLine: 1, startCharacter: 9, endLine: 1, endCharacter: 9 });
    assert.deepEqual(problemPosition({ line: 2, column: 10 }, text), { line: 2, column: 10 });
  });
  it('says the position the panel shows when the reported one is past the line', () => {
    assert.deepEqual(problemPosition({ line: 2, column: 30 }, text), { line: 2, column: 10 });
    assert.deepEqual(problemPosition({ line: 99, column: 1 }, text), { line: 6, column: 1 });
  });
  it('handles empty lines, lines past the end, CRLF and no text', () => {
    assert.deepEqual(problemRange({ line: 4, column: 1 }, text), { startLine: 3, startCharacter: 0, endLine: 3, endCharacter: 0 });
    assert.equal(problemRange({ line: 99, column: 1 }, text).startLine, 5);
    assert.deepEqual(problemRange({ line: 2, column: 1 }, 'a: 1\r\nbb: 2\r\n'), { startLine: 1, startCharacter: 0, endLine: 1, endCharacter: 5 });
    assert.deepEqual(problemRange({ line: 3, column: 4 }, undefined), { startLine: 0, startCharacter: 0, endLine: 0, endCharacter: 0 });
  });
});
