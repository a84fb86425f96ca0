// Job: merge conflicts a git merge left in the campaign file — the Session
// view's warning row with one row per conflict (Keep Ours / Take Theirs
// inline), the context key and the badge, and Resolve Merge Conflicts…
// walking them with both values shown; every choice written through the
// writer.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { CampaignExtensionApi } from '../../src/extension/extension';
import type { SessionNode } from '../../src/extension/sessionTree';
import { campaignApi, readCampaign, SAMPLE, ScriptedUi, setCampaignOnDisk, withUi } from './campaignHarness';

const label = (item: vscode.TreeItem) => (typeof item.label === 'string' ? item.label : (item.label?.label ?? ''));

const CONFLICTED = `${SAMPLE.replace('title: Implement password reset flow', 'title: Reset by email')}
merge_conflicts:
  - path: remaining_work[w1].title
    ours: Reset by email
    theirs: Reset by SMS
  - path: handoff_notes.next_session
    ours: Start with password reset
    theirs: Start with rate limiting
  - path: remaining_work[w2].priority
    ours: medium
    theirs: high
`;

describe('Campaign merge conflicts', () => {
  let api: CampaignExtensionApi;
  const sessionRoots = () => api.views.session.getChildren();
  const rows = (): SessionNode[] => {
    const header = sessionRoots().find((n) => n.kind === 'conflicts');
    return header ? api.views.session.getChildren(header) : [];
  };
  before(async () => {
    api = await campaignApi();
  });

  it('warns at the top of the Session view with one row per conflict and both values; sets campaign.hasMergeConflicts and a badge', async () => {
    await setCampaignOnDisk(api, CONFLICTED);
    const tree = api.views.session;
    const first = sessionRoots()[0]!;
    assert.equal(first.kind, 'conflicts');
    const warning = tree.getTreeItem(first);
    assert.equal(label(warning), '3 merge conflicts');
    assert.equal(warning.collapsibleState, vscode.TreeItemCollapsibleState.Expanded);
    assert.equal(warning.command?.command, 'campaign.resolveMergeConflicts');
    const items = rows().map((n) => tree.getTreeItem(n));
    assert.deepEqual(items.map(label), ['Work item w1 — title', 'Handoff notes — next_session', 'Work item w2 — priority']);
    assert.equal(items[0]!.description, 'ours: Reset by email · theirs: Reset by SMS');
    assert.ok(items.every((r) => r.contextValue === 'campaign.mergeConflict'), 'rows carry the inline Keep Ours / Take Theirs actions');
    assert.equal(api.views.sessionView.badge?.value, 3);
    assert.equal(api.contextKeys.current['campaign.hasMergeConflicts'], true);
  });

  it('Keep Ours and Take Theirs on a row resolve that conflict, even after the list shifted', async () => {
    await setCampaignOnDisk(api, CONFLICTED);
    const [title, , priority] = rows();
    await withUi(api, new ScriptedUi(), () => vscode.commands.executeCommand('campaign.takeTheirs', title));
    let text = readCampaign();
    assert.match(text, /title: Reset by SMS/);
    assert.doesNotMatch(text, /path: remaining_work\[w1\]\.title/);
    // `priority` was drawn as conflict #3; it is #2 now, and is found all the same.
    await withUi(api, new ScriptedUi(), () => vscode.commands.executeCommand('campaign.keepOurs', priority));
    text = readCampaign();
    assert.match(text, /id: w2\n {4}title: Add rate limiting to auth endpoints\n {4}priority: medium/);
    assert.doesNotMatch(text, /remaining_work\[w2\]/);
    assert.match(text, /path: handoff_notes\.next_session/, 'the other conflict is still there');
    assert.equal(rows().length, 1);
    assert.equal(label(api.views.session.getTreeItem(sessionRoots()[0]!)), '1 merge conflict');
    // A stale row (its conflict already resolved) is refused, not misapplied.
    const ui = new ScriptedUi();
    await withUi(api, ui, () => vscode.commands.executeCommand('campaign.keepOurs', title));
    assert.match(ui.lastError()?.message ?? '', /no longer in the file as shown/);
    assert.equal(readCampaign(), text);
  });

  it('Resolve Merge Conflicts… walks them with both values; the list goes once all are resolved', async () => {
    await setCampaignOnDisk(api, CONFLICTED);
    const ui = new ScriptedUi().answer({ pick: 'Take Theirs' }, { pick: 'Skip' }, { pick: 'Keep Ours' });
    await withUi(api, ui, () => vscode.commands.executeCommand('campaign.resolveMergeConflicts'));
    ui.assertDone();
    assert.deepEqual(ui.asked, [
      'Resolve Merge Conflicts (1/3): Work item w1 — title',
      'Resolve Merge Conflicts (2/3): Handoff notes — next_session',
      'Resolve Merge Conflicts (3/3): Work item w2 — priority',
    ]);
    assert.deepEqual(ui.offered[0], ['Keep Ours', 'Take Theirs', 'Skip']);
    assert.match(ui.messages.at(-1)?.message ?? '', /^Resolved 2 merge conflicts in \.claude\/campaign\.yaml\. 1 left\.$/);
    let text = readCampaign();
    assert.match(text, /title: Reset by SMS/);
    assert.match(text, /priority: medium/);
    assert.equal(api.contextKeys.current['campaign.hasMergeConflicts'], true);

    // The skipped one, from its row: Take Theirs. No conflicts left: the list, the rows, the badge and the key go.
    const ui2 = new ScriptedUi().answer({ pick: 'Take Theirs' });
    await withUi(api, ui2, () => vscode.commands.executeCommand('campaign.resolveMergeConflicts', rows()[0]));
    ui2.assertDone();
    assert.match(ui2.messages.at(-1)?.message ?? '', /None are left: stage the file \(git add\)/);
    text = readCampaign();
    assert.match(text, /next_session: Start with rate limiting/);
    assert.doesNotMatch(text, /merge_conflicts/);
    assert.deepEqual(rows(), []);
    assert.ok(!sessionRoots().some((n) => n.kind === 'conflicts'));
    assert.equal(api.views.sessionView.badge, undefined);
    assert.equal(api.contextKeys.current['campaign.hasMergeConflicts'], false);
  });

  it('Escape stops the walk without writing', async () => {
    await setCampaignOnDisk(api, CONFLICTED);
    const ui = new ScriptedUi().answer({ pick: undefined });
    await withUi(api, ui, () => vscode.commands.executeCommand('campaign.resolveMergeConflicts'));
    assert.equal(readCampaign(), CONFLICTED);
  });
});
