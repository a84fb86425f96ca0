// Which workspace folder a command acts on in a multi-root workspace.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { chooseFolder } from '../../../src/extension/folderChoice';

const a = { key: 'file:///a', hasCampaign: true };
const b = { key: 'file:///b', hasCampaign: true };
const c = { key: 'file:///c', hasCampaign: false };

describe('chooseFolder', () => {
  it('takes the only folder without asking', () => {
    assert.deepEqual(chooseFolder([a], 'campaign'), { kind: 'chosen', key: a.key });
  });
  it('takes the active editor’s folder when it qualifies', () => {
    assert.deepEqual(chooseFolder([a, b, c], 'campaign', b.key), { kind: 'chosen', key: b.key });
  });
  it('asks when several folders qualify and none is active', () => {
    assert.deepEqual(chooseFolder([a, b, c], 'campaign'), { kind: 'ask', keys: [a.key, b.key] });
  });
  it('ignores an active folder that does not qualify', () => {
    assert.deepEqual(chooseFolder([a, c], 'campaign', c.key), { kind: 'chosen', key: a.key });
    assert.deepEqual(chooseFolder([a, b, c], 'campaign', c.key), { kind: 'ask', keys: [a.key, b.key] });
  });
  it('finds folders without a campaign for Initialize', () => {
    assert.deepEqual(chooseFolder([a, b, c], 'noCampaign'), { kind: 'chosen', key: c.key });
    assert.deepEqual(chooseFolder([a, b], 'noCampaign'), { kind: 'none' });
  });
  it('says none when nothing qualifies', () => {
    assert.deepEqual(chooseFolder([], 'any'), { kind: 'none' });
    assert.deepEqual(chooseFolder([c], 'campaign'), { kind: 'none' });
  });
});
