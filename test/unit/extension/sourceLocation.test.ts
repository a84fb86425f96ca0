// Where click-to-reveal selects an entry in the file, and what Copy and the
// Build Log rows say about an entry.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CampaignDocument } from '../../../src/core/document/campaignDocument';
import { entryTitle } from '../../../src/extension/buildLogLabels';
import { buildLogText, decisionText, workText } from '../../../src/extension/entryText';
import { entryRange } from '../../../src/extension/sourceLocation';

const TEXT = [
  'version: 1',
  'remaining_work:',
  '  # first',
  '  - id: w1',
  '    title: First',
  '  - Second as a plain string',
  '',
  'decisions_log:',
  '  - id: d1',
  '    date: "2026-03-20"',
  '    decision: Use YAML',
  '    rationale: People edit it',
  'build_log:',
  '  - date: "2026-03-21"',
  '    accomplishments: [One]',
  '',
].join('\n');

describe('entryRange', () => {
  const cd = CampaignDocument.parse(TEXT);
  it('selects a mapping item from its first key to its last value', () => {
    assert.deepEqual(entryRange(cd.doc, TEXT, 'remaining_work', 0), { startLine: 3, startCharacter: 4, endLine: 4, endCharacter: 16 });
  });
  it('selects a plain-string item, without the blank line after it', () => {
    assert.deepEqual(entryRange(cd.doc, TEXT, 'remaining_work', 1), { startLine: 5, startCharacter: 4, endLine: 5, endCharacter: 28 });
  });
  it('finds decisions and build-log entries by their position in the file', () => {
    assert.equal(entryRange(cd.doc, TEXT, 'decisions_log', 0)?.startLine, 8);
    assert.equal(entryRange(cd.doc, TEXT, 'build_log', 0)?.startLine, 13);
  });
  it('counts lines the same in a file with a BOM and CRLF endings', () => {
    const crlf = `\ufeff${TEXT.replace(/\n/g, '\r\n')}`;
    const doc = CampaignDocument.parse(crlf);
    assert.deepEqual(entryRange(doc.doc, crlf, 'remaining_work', 0), { startLine: 3, startCharacter: 4, endLine: 4, endCharacter: 16 });
  });
  it('is undefined for an entry that is not there', () => {
    assert.equal(entryRange(cd.doc, TEXT, 'remaining_work', 5), undefined);
    assert.equal(entryRange(cd.doc, TEXT, 'build_log', -1), undefined);
  });
});

describe('entry labels and copied text', () => {
  it('titles a build-log row by its title, else its first accomplishment', () => {
    assert.equal(entryTitle({ date: '2026-03-21', title: 'Auth', accomplishments: ['JWT'], decisions: [] }), 'Auth');
    assert.equal(entryTitle({ date: '2026-03-21', accomplishments: ['', 'JWT login'], decisions: [] }), 'JWT login');
    assert.equal(entryTitle({ date: '2026-03-21', accomplishments: [], decisions: ['a', 'b'] }), '2 decisions');
  });
  it('copies entries as plain text, dates as written', () => {
    assert.equal(workText({ title: 'Fix login', priority: 'high', status: 'in_progress', notes: 'See #12', index: 0, form: 'map' }), 'Fix login (in progress)\nSee #12');
    assert.equal(
      decisionText({ id: 'd1', date: '2026-03-20', decision: 'MongoDB', rationale: 'Flexible', status: 'superseded', superseded_by: 'd2', index: 0 }),
      'MongoDB (superseded by d2)\nWhy: Flexible',
    );
    assert.equal(buildLogText({ date: '2026-03-21', accomplishments: ['JWT'], decisions: [] }), '2026-03-21\n- JWT');
  });
});
