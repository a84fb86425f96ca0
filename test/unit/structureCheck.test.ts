// The structural refusals of a campaign file, found in one walk
// (src/core/document/structureCheck.ts): each is reported where it is, in
// the order a person fixes them, and what is allowed stays allowed.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CampaignDocument } from '../../src/core/document/campaignDocument';
import { CampaignError } from '../../src/core/model/problems';
import { MAX_NESTING_DEPTH } from '../../src/core/model/limits';

function refusal(text: string): CampaignError {
  try {
    CampaignDocument.parse(text, { file: 'campaign.yaml' });
  } catch (err) {
    if (err instanceof CampaignError) return err;
    throw err;
  }
  assert.fail('the file was accepted');
}

const at = (err: CampaignError) => err.problems.map((p) => `${p.line}:${p.column}`);

describe('structural refusals, in one walk of the file', () => {
  it('collection and alias keys are each reported at their line and column, in file order', () => {
    const err = refusal('version: 1\nx_a:\n  ? [a, b]\n  : 1\nx_b:\n  - *k : 2\nx_c: {{p: 1}: 3}\n');
    assert.match(err.message, /mapping, list or alias as a key/);
    assert.deepEqual(at(err), ['3:5', '6:5', '7:7']);
  });

  it('a key inside a collection key is not reported a second time', () => {
    const err = refusal('version: 1\nx_a: {{{q: 1}: 1}: 2}\n');
    assert.equal(err.problems.length, 1);
  });

  it('anchors no YAML writer accepts are each reported, in file order', () => {
    const err = refusal('version: 1\nx_a: &a\u0001b one\nx_b:\n  - &ok two\n  - &c\u0002d three\n');
    assert.match(err.message, /anchor/);
    assert.deepEqual(at(err), ['2:11', '5:10']);
  });

  it('sets and ordered maps are refused inside campaign sections, kept under a key Campaign does not know', () => {
    const err = refusal('version: 1\nremaining_work: !!omap [a: 1]\nx_extra: !!set {p, q}\nidentity:\n  name: A\n  tags: !!set {t}\n');
    assert.match(err.message, /!!set, !!omap, !!pairs/);
    assert.deepEqual(at(err), ['2:24', '6:15']);
    assert.doesNotThrow(() => CampaignDocument.parse('version: 1\nx_extra: !!set {p, q}\n'));
  });

  it('nesting deeper than the limit is refused at the first collection past it, before anything else', () => {
    const deep = `version: 1\nx_a: &a\u0001b ${'['.repeat(MAX_NESTING_DEPTH + 5)}${']'.repeat(MAX_NESTING_DEPTH + 5)}\n`;
    const err = refusal(deep);
    assert.match(err.message, /nested too deeply/);
    assert.equal(err.problems.length, 1);
    assert.equal(err.problems[0]!.line, 2);
  });

  it('a file with none of these reads, anchors and aliases included', () => {
    const cd = CampaignDocument.parse('version: 1\nidentity:\n  name: &n Auth\nx_copy: *n\nremaining_work:\n  - id: w1\n    title: T\n    priority: high\n    status: todo\n');
    assert.equal(cd.model.identity.name, 'Auth');
  });
});
