// Commit subjects that prefill the handoff's accomplishments.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { commitSubjectsSince } from '../../../src/extension/commitSubjects';

const at = (h: number, m = 0) => new Date(2026, 2, 21, h, m);

describe('commitSubjectsSince', () => {
  it('keeps commits since the start, oldest first, subject line only', () => {
    const commits = [
      { message: 'Add reset email template\n\nLonger body', commitDate: at(11) },
      { message: 'Yesterday’s work', commitDate: at(8) },
      { message: 'Password reset endpoint', commitDate: at(10), parents: ['p1'] },
    ];
    assert.deepEqual(commitSubjectsSince(commits, at(9)), ['Password reset endpoint', 'Add reset email template']);
  });
  it('keeps git log order (newest first) for commits made in the same second', () => {
    const commits = [
      { message: 'Second', commitDate: at(10) },
      { message: 'First', commitDate: at(10) },
    ];
    assert.deepEqual(commitSubjectsSince(commits, at(9)), ['First', 'Second']);
  });
  it('leaves out merges, repeats, empty subjects and undated commits', () => {
    const commits = [
      { message: "Merge branch 'x'", commitDate: at(10), parents: ['a', 'b'] },
      { message: 'Fix typo', commitDate: at(10, 5) },
      { message: 'Fix typo', commitDate: at(10, 6) },
      { message: '\n', commitDate: at(10, 7) },
      { message: 'No date' },
      { message: 'Author date only', authorDate: at(10, 8) },
    ];
    assert.deepEqual(commitSubjectsSince(commits, at(9)), ['Fix typo', 'Author date only']);
  });
});
