// Job: the Remaining Work view's item actions — complete, change priority,
// edit, remove (with its confirmation), start a session on an item — and drag
// and drop between priority groups.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { CampaignDocument } from '../../src/core/document/campaignDocument';
import type { CampaignExtensionApi } from '../../src/extension/extension';
import { campaignApi, readCampaign, SAMPLE, ScriptedUi, setCampaignOnDisk, sleep, withUi, workNode } from './campaignHarness';
import { waitFor } from './helpers';

const PLAIN = `# Seed-style list
remaining_work:
  - '[HIGH] Implement password reset flow'
  - '[MEDIUM] Add rate limiting to auth endpoints'
  - '[LOW] Write API documentation'
`;

const model = () => CampaignDocument.parse(readCampaign()).model;

describe('Campaign work item actions', () => {
  let api: CampaignExtensionApi;
  before(async () => {
    api = await campaignApi();
  });

  it('Complete marks a mapping item done (it stays until End Session)', async () => {
    await setCampaignOnDisk(api, SAMPLE);
    await vscode.commands.executeCommand('campaign.completeWorkItem', workNode(api, 'Implement password reset flow'));
    assert.equal(model().remaining_work[0]!.status, 'done');
    const item = api.views.remainingWork.getTreeItem(workNode(api, 'Implement password reset flow'));
    assert.equal((item.iconPath as vscode.ThemeIcon).id, 'pass-filled');
    assert.equal(item.contextValue, 'campaign.work.done');
  });

  it('Complete on several selected plain-string items completes them all in one write', async () => {
    await setCampaignOnDisk(api, PLAIN);
    const a = workNode(api, 'Implement password reset flow');
    const c = workNode(api, 'Write API documentation');
    await vscode.commands.executeCommand('campaign.completeWorkItem', a, [a, c]);
    assert.deepEqual(model().remaining_work.map((i) => i.title), ['Add rate limiting to auth endpoints']);
    assert.match(readCampaign(), /^# Seed-style list/);
  });

  it('Change Priority offers every priority, the current one marked and active, and moves the item', async () => {
    await setCampaignOnDisk(api, PLAIN);
    const ui = new ScriptedUi().answer({ pick: 'Low' });
    await withUi(api, ui, () => vscode.commands.executeCommand('campaign.changePriority', workNode(api, 'Implement password reset flow')));
    ui.assertDone();
    assert.deepEqual(ui.offered[0], ['High', 'Medium', 'Low']);
    const offered = ui.offeredItems[0]!;
    assert.deepEqual(offered.map((i) => i.description), ['current', undefined, undefined]);
    assert.deepEqual(offered.map((i) => !!i.picked), [true, false, false]);
    assert.match(readCampaign(), /- '\[LOW\] Implement password reset flow'/);
  });

  it('drag and drop onto another group changes the priority', async () => {
    await setCampaignOnDisk(api, SAMPLE);
    const tree = api.views.remainingWork;
    const dragged = [workNode(api, 'Write API documentation'), workNode(api, 'Add rate limiting to auth endpoints')];
    const data = new vscode.DataTransfer();
    tree.handleDrag(dragged, data);
    const high = tree.getChildren().find((g) => g.kind === 'group' && g.priority === 'high')!;
    await tree.handleDrop(high, data);
    assert.deepEqual(model().remaining_work.map((i) => i.priority), ['high', 'high', 'high']);
    assert.equal(tree.getChildren(tree.getChildren()[0]).length, 3);
  });

  it('Edit renames an item', async () => {
    await setCampaignOnDisk(api, SAMPLE);
    const ui = new ScriptedUi().answer({ input: 'Implement password reset (email + SMS)' });
    await withUi(api, ui, () => vscode.commands.executeCommand('campaign.editWorkItem', workNode(api, 'Implement password reset flow')));
    assert.equal(model().remaining_work[0]!.title, 'Implement password reset (email + SMS)');
    assert.match(readCampaign(), /notes: "Partial work/, 'the other fields are untouched');
  });

  it('Remove asks first; Cancel keeps the item, Remove deletes it', async () => {
    await setCampaignOnDisk(api, SAMPLE);
    const cancel = new ScriptedUi().answer({ button: undefined });
    await withUi(api, cancel, () => vscode.commands.executeCommand('campaign.removeWorkItem', workNode(api, 'Write API documentation')));
    assert.equal(readCampaign(), SAMPLE);
    assert.match(cancel.messages[0]!.message, /Remove "Write API documentation" from remaining work\?/);

    const confirm = new ScriptedUi().answer({ button: 'Remove' });
    await withUi(api, confirm, () => vscode.commands.executeCommand('campaign.removeWorkItem', workNode(api, 'Write API documentation')));
    assert.deepEqual(model().remaining_work.map((i) => i.title), ['Implement password reset flow', 'Add rate limiting to auth endpoints']);
  });

  it('a stale item (the file changed underneath) is refused, not misapplied', async () => {
    await setCampaignOnDisk(api, PLAIN);
    const stale = workNode(api, 'Add rate limiting to auth endpoints');
    await setCampaignOnDisk(api, PLAIN.replace("  - '[HIGH] Implement password reset flow'\n", "  - '[HIGH] Something else'\n  - '[HIGH] Implement password reset flow'\n"));
    const ui = new ScriptedUi().answer({ button: 'Remove' });
    await withUi(api, ui, () => vscode.commands.executeCommand('campaign.removeWorkItem', stale));
    assert.match(ui.lastError()?.message ?? '', /no longer in remaining work as shown/);
    assert.equal(model().remaining_work.length, 4);
  });

  it('keyboard path: F2 and Delete act on the item selected in the view', async () => {
    await setCampaignOnDisk(api, SAMPLE);
    const view = api.views.remainingWorkView;
    // As a person would: the view is open and has focus before keys act on it.
    await vscode.commands.executeCommand('campaign.remainingWork.focus');
    await waitFor(() => view.visible, 'the Remaining Work view to be visible');
    await view.reveal(workNode(api, 'Write API documentation'), { select: true, focus: true });
    // The workbench may still be (re)loading the view's rows; wait until the selection holds.
    await waitFor(async () => {
      await sleep(150);
      const selected = view.selection;
      return selected.length === 1 && selected[0]!.kind === 'work' && selected[0]!.item.title === 'Write API documentation';
    }, 'the selection to settle');
    const ui = new ScriptedUi().answer({ input: 'Write the API reference' });
    // Keybindings run the command without an item argument.
    await withUi(api, ui, () => vscode.commands.executeCommand('campaign.editWorkItem'));
    ui.assertDone();
    assert.equal(model().remaining_work[2]!.title, 'Write the API reference');
  });

  it('Start Session on This Item focuses it and marks it in progress', async () => {
    await setCampaignOnDisk(api, SAMPLE);
    const ui = new ScriptedUi().answer({ input: '' });
    await withUi(api, ui, () => vscode.commands.executeCommand('campaign.startSessionOnItem', workNode(api, 'Add rate limiting to auth endpoints')));
    ui.assertDone();
    const m = model();
    assert.equal(m.active_session?.focus, 'Add rate limiting to auth endpoints');
    assert.equal(m.remaining_work[1]!.status, 'in_progress');
    assert.match(api.statusBar.item.text, /^\$\(target\) Add rate limiting to auth endpoints · <1m$/);
  });
});
