// The benchmark's campaign generator (bench/generateCampaign.ts), run once on
// the smallest size: the same seed gives the same text, and the text is a
// valid campaign. The benchmarks themselves never run inside `npm test`.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { generateCampaign } from '../../bench/generateCampaign';
import { CampaignDocument } from '../../src/core/document/campaignDocument';

describe('bench campaign generator', () => {
  const first = generateCampaign({ entries: 10, seed: 1 });

  it('is deterministic for a seed', () => {
    assert.equal(generateCampaign({ entries: 10, seed: 1 }).text, first.text);
    assert.notEqual(generateCampaign({ entries: 10, seed: 2 }).text, first.text);
  });

  it('writes a valid campaign with the requested entries, comments and remaining work', () => {
    const model = CampaignDocument.parse(first.text, { file: 'generated.yaml' }).model;
    assert.equal(model.build_log.length, 10);
    assert.equal(model.decisions_log.length, 10);
    assert.equal(model.remaining_work.length, first.remainingWork);
    assert.ok(model.remaining_work.some((w) => w.priority === 'high'));
    assert.ok(model.identity.name && model.constraints.length > 0);
    assert.ok(model.active_session?.focus && model.active_session.blockers.length > 0);
    assert.ok(model.handoff_notes.next_session && model.handoff_notes.notes.length > 0);
    const ids = new Set(model.decisions_log.map((d) => d.id));
    for (const d of model.decisions_log) if (d.superseded_by) assert.ok(ids.has(d.superseded_by), `${d.superseded_by} exists`);
    assert.ok(first.text.split('\n').filter((l) => /^\s*#/.test(l)).length >= 5, 'has YAML comments');
    assert.equal(first.bytes, Buffer.byteLength(first.text));
  });
});
