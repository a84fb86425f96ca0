// The campaign.file setting: relative paths only, never outside the folder.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { campaignLocation, DEFAULT_CAMPAIGN_FILE } from '../../../src/extension/campaignLocation';

describe('campaignLocation', () => {
  it('defaults to .claude/campaign.yaml', () => {
    assert.deepEqual(campaignLocation(undefined), { relativePath: DEFAULT_CAMPAIGN_FILE });
    assert.deepEqual(campaignLocation('  '), { relativePath: DEFAULT_CAMPAIGN_FILE });
  });
  it('normalizes a relative path', () => {
    assert.deepEqual(campaignLocation('./docs//campaign.yaml'), { relativePath: 'docs/campaign.yaml' });
    assert.deepEqual(campaignLocation('docs\\campaign.yaml'), { relativePath: 'docs/campaign.yaml' });
  });
  it('refuses paths that leave the folder, with a warning', () => {
    for (const bad of ['/etc/passwd', 'C:\\x.yaml', '~/campaign.yaml', '../other/campaign.yaml', 'a/../../b.yaml', '.']) {
      const r = campaignLocation(bad);
      assert.equal(r.relativePath, DEFAULT_CAMPAIGN_FILE, bad);
      assert.ok(r.warning, bad);
    }
  });
  it('refuses non-string values', () => {
    assert.ok(campaignLocation(42).warning);
  });
});
