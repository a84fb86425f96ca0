// Job: untrusted workspaces are read-only. The test host runs with workspace
// trust off (always trusted), so the extension's trust seam simulates an
// untrusted window; the decision rule itself is unit-tested in
// test/unit/extension/writeGuard.test.ts.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { CampaignExtensionApi } from '../../src/extension/extension';
import { campaignApi, readCampaign, SAMPLE, ScriptedUi, setCampaignOnDisk, withUi, endSessionCapturingForm } from './campaignHarness';
import { workspaceRoot } from './helpers';

describe('Campaign in an untrusted workspace', () => {
  let api: CampaignExtensionApi;
  before(async () => {
    api = await campaignApi();
    await setCampaignOnDisk(api, SAMPLE);
    api.trust.simulateUntrusted(true);
  });
  after(async () => {
    api.trust.simulateUntrusted(undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('sets campaign.readOnly, which hides the writing commands', () => {
    assert.equal(api.contextKeys.current['campaign.readOnly'], true);
  });

  it('refuses every write, saying why and offering Manage Workspace Trust', async () => {
    const runs: [string, ...unknown[]][] = [
      ['campaign.addWorkItem'],
      ['campaign.logDecision'],
      ['campaign.startSession'],
      ['campaign.initialize'],
      ['campaign.connectClaudeCode'],
      ['campaign.disconnectClaudeCode'],
      ['campaign.importCampaign', vscode.Uri.joinPath(workspaceRoot(), 'CAMPAIGN.md')],
      ['campaign.resolveMergeConflicts'],
      ['campaign.setUpGitMerges'],
      ['campaign.removeGitMergeSetup'],
      ['campaign.archive'],
    ];
    for (const [command, ...args] of runs) {
      const ui = new ScriptedUi();
      await withUi(api, ui, () => vscode.commands.executeCommand(command, ...args));
      const error = ui.lastError();
      assert.match(error?.message ?? '', /not trusted, so Campaign is read-only/, command);
      assert.deepEqual(error?.actions, ['Manage Workspace Trust'], command);
      assert.deepEqual(ui.asked, [], `${command} refused before asking anything`);
    }
    const tree = api.views.remainingWork;
    const item = tree.getChildren(tree.getChildren()[0])[0]!;
    for (const command of ['campaign.completeWorkItem', 'campaign.removeWorkItem', 'campaign.changePriority', 'campaign.editWorkItem']) {
      const ui = new ScriptedUi();
      await withUi(api, ui, () => vscode.commands.executeCommand(command, item, [item]));
      assert.match(ui.lastError()?.message ?? '', /read-only/, command);
    }
    assert.equal(readCampaign(), SAMPLE, 'nothing written');
  });

  it('still shows the views and the primer', async () => {
    assert.equal(api.views.remainingWork.getChildren().length, 3);
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>('campaign.showPrimer');
    assert.match(editor?.document.getText() ?? '', /Auth Service/);
  });

  it('opens the handoff form read-only', async () => {
    await setCampaignOnDisk(api, SAMPLE.replace('active_session: null', `active_session:\n  started: '${new Date().toISOString()}'\n  focus: Reading only`));
    const opened = await endSessionCapturingForm(api);
    assert.equal(opened?.readOnly, true);
    await assert.rejects(opened!.onSubmit({ done: [], next: [], notes: [], decisions: [] }), /not trusted/);
    assert.match(readCampaign(), /focus: Reading only/);
    await setCampaignOnDisk(api, SAMPLE);
  });
});
