// The preview of a big campaign file (core/document/sectionPreview.ts): the
// extension shows Remaining Work from it while the whole file is parsed, so
// every section it keeps must read exactly as in the whole file, and where a
// line scan cannot cut the file safely there must be no preview at all.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { generateCampaignOfSize } from '../../bench/generateCampaign';
import { CampaignDocument } from '../../src/core/document/campaignDocument';
import { LONG_SECTIONS, MIN_PREVIEW_SAVING, previewText } from '../../src/core/document/sectionPreview';
import type { Campaign } from '../../src/core/model/model';
import { fuzzRuns, fuzzSeed, generatedCampaign } from '../support/campaignArbitraries';
import { spliceFile } from '../support/spliceArbitraries';

/** What the preview must show as the whole file does: everything but the long logs. */
function keptSections(c: Campaign): Omit<Campaign, 'build_log' | 'decisions_log'> {
  const { build_log: _b, decisions_log: _d, ...rest } = c;
  return rest;
}

function assertSameKeptSections(text: string, preview: string): void {
  const whole = CampaignDocument.parse(text).model;
  const shown = CampaignDocument.parse(preview).model;
  assert.deepEqual(keptSections(shown), keptSections(whole));
  assert.deepEqual(shown.build_log, []);
  assert.deepEqual(shown.decisions_log, []);
}

describe('section preview', () => {
  const big = generateCampaignOfSize(100_000).text;

  it('leaves out the build log and the decisions of a 100 KB file, and the rest reads as in the whole file', () => {
    const preview = previewText(big);
    assert.ok(preview !== undefined, 'a 100 KB campaign gets a preview');
    assert.ok(preview.length < big.length / 10, `the preview is ${preview.length} of ${big.length} characters`);
    assertSameKeptSections(big, preview);
  });

  it('keeps CRLF line endings and a BOM readable', () => {
    const crlf = `\uFEFF${big.replace(/\n/g, '\r\n')}`;
    const preview = previewText(crlf);
    assert.ok(preview !== undefined);
    assert.ok(preview.includes('\r\n') && !preview.replace(/\r\n/g, '').includes('\n'), 'every line keeps its CRLF');
    assertSameKeptSections(crlf, preview);
  });

  it('gives no preview when there is little to leave out', () => {
    assert.equal(previewText(generateCampaignOfSize(20_000).text), undefined);
    assert.ok(MIN_PREVIEW_SAVING > 0);
  });

  it('gives no preview where a line scan cannot tell sections apart', () => {
    const log = `build_log:\n${'  - date: "2026-01-01"\n    summary: x\n'.repeat(4)}`;
    const cases: Record<string, string> = {
      'a document marker': `---\nversion: 1\n${log}`,
      'a directive': `%YAML 1.2\n---\nversion: 1\n${log}`,
      'a flow list continuing at column 0': `constraints: [a,\nb]\n${log}`,
      'a quoted value continuing at column 0': `identity:\n  name: x\n  purpose: "one\ntwo"\n${log}`,
      'a repeated key': `version: 1\n${log}${log}`,
      'a list item before any key': `- a\n${log}`,
      'a tab at column 0': `version: 1\n\t\n${log}`,
      'a quoted top-level key': `"version": 1\n${log}`,
      'an explicit key': `? version\n: 1\n${log}`,
    };
    for (const [what, text] of Object.entries(cases)) assert.equal(previewText(text, LONG_SECTIONS, 0), undefined, what);
  });

  it('cuts a list written flush with its key, with comments and blank lines', () => {
    const text = [
      '# Campaign',
      'version: 1',
      '',
      'identity:',
      '  name: Shop',
      'remaining_work:',
      '- title: Pay   # aligned',
      '  priority: high',
      '',
      'build_log:',
      '- date: "2026-01-02"',
      '  summary: did things',
      '# a comment between sections',
      'decisions_log:',
      '- decision: Use Postgres',
      '  rationale: boring',
      'handoff_notes:',
      '  next_session: ship it',
      '',
    ].join('\n');
    const preview = previewText(text, LONG_SECTIONS, 0);
    assert.ok(preview !== undefined);
    assert.ok(!preview.includes('did things') && !preview.includes('Postgres'));
    assertSameKeptSections(text, preview);
  });

  it('reads every generated campaign it cuts as the whole file does', () => {
    let cut = 0;
    fc.assert(
      fc.property(fc.oneof(generatedCampaign.map((g) => g.text), spliceFile.map((f) => f.text)), (text) => {
        const preview = previewText(text, LONG_SECTIONS, 0);
        if (preview === undefined) return;
        cut++;
        assertSameKeptSections(text, preview);
      }),
      { numRuns: fuzzRuns(150), seed: fuzzSeed() },
    );
    assert.ok(cut > 0, 'some generated campaigns get a preview');
  });
});
