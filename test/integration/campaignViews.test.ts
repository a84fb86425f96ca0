// Job: what the four views show for a campaign file — groups, icons, tooltips
// (plain text, never trusted markdown), newest-first history, dimmed
// superseded decisions — and the welcome state without a file.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { relativeText } from '../../src/core/model/timeFormat';
import type { CampaignExtensionApi } from '../../src/extension/extension';
import { campaignApi, SAMPLE, setCampaignOnDisk } from './campaignHarness';

const label = (item: vscode.TreeItem) => (typeof item.label === 'string' ? item.label : item.label?.label ?? '');
const iconId = (item: vscode.TreeItem) => (item.iconPath instanceof vscode.ThemeIcon ? item.iconPath.id : undefined);

describe('Campaign views', () => {
  let api: CampaignExtensionApi;
  before(async () => {
    api = await campaignApi();
  });

  it('without a campaign file: empty views (the welcome shows), hasCampaign off, no status bar text', async () => {
    await setCampaignOnDisk(api, undefined);
    const v = api.views;
    assert.deepEqual(v.session.getChildren(), []);
    assert.deepEqual(v.remainingWork.getChildren(), []);
    assert.deepEqual(v.decisions.getChildren(), []);
    assert.deepEqual(v.buildLog.getChildren(), []);
    assert.equal(api.contextKeys.current['campaign.hasCampaign'], false);
    assert.equal(api.contextKeys.current['campaign.loaded'], true);
  });

  it('Remaining Work: High / Medium / Low groups, status icons, notes in a safe tooltip', async () => {
    await setCampaignOnDisk(api, SAMPLE);
    const tree = api.views.remainingWork;
    const groups = tree.getChildren();
    assert.deepEqual(groups.map((g) => label(tree.getTreeItem(g))), ['High', 'Medium', 'Low']);
    const items = groups.map((g) => tree.getChildren(g).map((n) => tree.getTreeItem(n)));
    assert.deepEqual(items.map((g) => g.map(label)), [
      ['Implement password reset flow'],
      ['Add rate limiting to auth endpoints'],
      ['Write API documentation'],
    ]);
    const reset = items[0]![0]!;
    assert.equal(iconId(reset), 'circle-large-outline');
    assert.equal(reset.contextValue, 'campaign.work.todo');
    assert.equal(iconId(items[2]![0]!), 'circle-slash', 'blocked');
    assert.equal(items[2]![0]!.description, 'blocked');
    const tip = reset.tooltip as vscode.MarkdownString;
    assert.ok(tip instanceof vscode.MarkdownString);
    assert.equal(tip.isTrusted, false);
    assert.ok(!tip.supportHtml);
    // Campaign text is escaped: markdown, HTML and command links show literally.
    assert.match(tip.value, /\\\*\\\*auth\/reset\\\*\\\*/);
    assert.doesNotMatch(tip.value, /\]\(command:/);
    assert.doesNotMatch(tip.value, /<b>/);
  });

  it('Decisions: newest first, rationale as description, superseded ones dimmed', async () => {
    await setCampaignOnDisk(api, SAMPLE);
    const tree = api.views.decisions;
    const items = tree.getChildren().map((n) => tree.getTreeItem(n));
    assert.deepEqual(items.map(label), ['JWT tokens', 'PostgreSQL', 'MongoDB']);
    assert.equal(items[0]!.description, 'Stateless auth, scalable');
    const superseded = items[2]!;
    assert.match(String(superseded.description), /^superseded by d2 · Flexible documents/);
    assert.equal(superseded.resourceUri?.scheme, 'campaign-tree');
    assert.equal(items[0]!.resourceUri, undefined);
    assert.equal(iconId(superseded), 'circle-slash');
  });

  it('Build Log: entries newest first with their accomplishments and decisions', async () => {
    await setCampaignOnDisk(api, SAMPLE);
    const tree = api.views.buildLog;
    const entries = tree.getChildren();
    // Labelled by title (dates alone look alike in a narrow sidebar), the date beside it in the UI's one format.
    const now = new Date();
    assert.deepEqual(entries.map((e) => [label(tree.getTreeItem(e)), tree.getTreeItem(e).description]), [
      ['Authentication System', relativeText('2026-03-21', now)],
      ['Database Schema', relativeText('2026-03-20', now)],
    ]);
    assert.match(relativeText('2026-03-21', now), /^Mar 21/);
    assert.equal(tree.getTreeItem(entries[0]!).collapsibleState, vscode.TreeItemCollapsibleState.Expanded);
    assert.equal(tree.getTreeItem(entries[1]!).collapsibleState, vscode.TreeItemCollapsibleState.Collapsed);
    assert.deepEqual(tree.getChildren(entries[0]).map((n) => label(tree.getTreeItem(n))), ['Implemented JWT-based auth', 'JWT tokens']);
  });

  it('Session: no active session (click starts one) and the last handoff notes', async () => {
    await setCampaignOnDisk(api, SAMPLE);
    const tree = api.views.session;
    const rows = tree.getChildren();
    const items = rows.map((n) => tree.getTreeItem(n));
    assert.deepEqual(items.map(label), ['No active session', 'Handoff notes']);
    assert.equal(items[0]!.command?.command, 'campaign.startSession');
    assert.deepEqual(tree.getChildren(rows[1]).map((n) => label(tree.getTreeItem(n))), ['Start with password reset', 'Check the auth/reset branch']);
  });

  it('Session: focus, start, elapsed time and blockers of an active session', async () => {
    const started = new Date(Date.now() - 72 * 60_000);
    const iso = started.toISOString();
    await setCampaignOnDisk(
      api,
      SAMPLE.replace('active_session: null', `active_session:\n  started: '${iso}'\n  focus: Password reset\n  blockers: [Waiting for SMTP credentials]`),
    );
    const tree = api.views.session;
    const rows = tree.getChildren();
    const items = rows.map((n) => tree.getTreeItem(n));
    assert.equal(label(items[0]!), 'Password reset');
    assert.equal(items[0]!.description, 'focus');
    assert.equal(items[1]!.description, 'started');
    assert.equal(label(items[2]!), '1h 12m');
    assert.equal(label(items[3]!), '1 blocker');
    assert.deepEqual(tree.getChildren(rows[3]).map((n) => label(tree.getTreeItem(n))), ['Waiting for SMTP credentials']);
    assert.equal(api.contextKeys.current['campaign.sessionActive'], true);
  });
});
