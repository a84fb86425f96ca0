// Job: the extension applies an operation to the campaign it already holds
// parsed, and does not parse the file again when its own write comes back
// through the file watcher; a file changed on disk behind its back is read
// again and the operation re-applied to it, so nobody's edit is lost.
import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import type { CampaignExtensionApi } from '../../src/extension/extension';
import type { CampaignStore } from '../../src/extension/campaignStore';
import { campaignApi, campaignPath, readCampaign, SAMPLE, setCampaignOnDisk, workNode } from './campaignHarness';

/** The next read of the file the store makes (the watcher's, or a reload). */
function nextRead(store: CampaignStore): Promise<{ parsed: boolean }> {
  return new Promise((resolve) => {
    const sub = store.onDidRead((e) => {
      sub.dispose();
      resolve(e);
    });
  });
}

describe('Campaign warm writes', () => {
  let api: CampaignExtensionApi;
  before(async () => {
    api = await campaignApi();
  });

  it('does not parse the file again after its own write', async () => {
    await setCampaignOnDisk(api, SAMPLE);
    const store = api.workspace.active!;
    const parses = store.parses;
    await vscode.commands.executeCommand('campaign.completeWorkItem', workNode(api, 'Implement password reset flow'));
    assert.match(readCampaign(), /status: done/, 'the completion is on disk');
    assert.equal(store.campaign?.remaining_work[0]?.status, 'done', 'the views see it at once');
    assert.equal(store.parses, parses, 'the operation was applied to the document the store held');
    // The watcher reports the write; the store recognises its own text and does not parse it.
    const read = await nextRead(store);
    assert.equal(read.parsed, false);
    assert.equal(store.parses, parses);
    // Every byte outside the changed item is as it was.
    const before = SAMPLE.split('\n');
    const after = readCampaign().split('\n');
    assert.deepEqual(after.slice(0, 5), before.slice(0, 5));
  });

  it('re-reads and re-applies when the file changed on disk after it was read', async () => {
    await setCampaignOnDisk(api, SAMPLE);
    const store = api.workspace.active!;
    const node = workNode(api, 'Implement password reset flow');
    // Someone else's edit, written before the store has seen it.
    writeFileSync(campaignPath(), SAMPLE.replace('# Hand-written;', '# Edited elsewhere;'));
    await vscode.commands.executeCommand('campaign.completeWorkItem', node);
    const text = readCampaign();
    assert.match(text, /# Edited elsewhere;/, 'the other edit is kept');
    assert.match(text, /status: done/, 'the operation is applied to it');
    assert.equal(store.state.kind === 'valid' && store.state.text, text);
  });
});
