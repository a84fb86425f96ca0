// Job: the sidebar you can act on — the context-menu commands (Set Status…,
// Edit Notes…, Reopen, Supersede…, Copy), click-to-reveal's selection in the
// file, welcome states instead of empty groups, the notification after
// Initialize, and the smaller points of issue 12 (primer wording for
// superseded decisions, Medium preselected, the current priority shown, the
// handoff row read aloud, the session menu while the file is broken, settings
// order).
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { CampaignDocument } from '../../src/core/document/campaignDocument';
import type { BuildLogNode } from '../../src/extension/buildLogTree';
import type { DecisionNode } from '../../src/extension/decisionsTree';
import type { CampaignExtensionApi } from '../../src/extension/extension';
import { campaignApi, campaignPath, readCampaign, SAMPLE, ScriptedUi, setCampaignOnDisk, withUi, workNode } from './campaignHarness';
import { waitFor } from './helpers';

const model = () => CampaignDocument.parse(readCampaign()).model;
const work = (id: string) => model().remaining_work.find((w) => w.id === id);

function decisionNode(api: CampaignExtensionApi, text: string): DecisionNode {
  const found = api.views.decisions.getChildren().find((n) => n.decision.decision === text);
  assert.ok(found, `no decision "${text}" in the view`);
  return found;
}

describe('Campaign sidebar actions', () => {
  let api: CampaignExtensionApi;
  before(async () => {
    api = await campaignApi();
  });
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('Set Status… offers all four with the current one marked, and sets it', async () => {
    await setCampaignOnDisk(api, SAMPLE);
    const ui = new ScriptedUi().answer({ pick: 'Blocked' });
    await withUi(api, ui, () => vscode.commands.executeCommand('campaign.setWorkStatus', workNode(api, 'Add rate limiting to auth endpoints')));
    ui.assertDone();
    const offered = ui.offeredItems[0]!;
    assert.deepEqual(offered.map((i) => i.label.replace(/^\$\([^)]*\) /, '')), ['To do', 'In progress', 'Blocked', 'Done']);
    assert.deepEqual(offered.map((i) => i.description), ['current', undefined, undefined, undefined]);
    assert.equal(work('w2')?.status, 'blocked');
    assert.equal(work('w1')?.status, 'todo', 'no other item changes');
  });

  it('Set Status… Done completes the item (with its done date), like Complete', async () => {
    await setCampaignOnDisk(api, SAMPLE);
    const ui = new ScriptedUi().answer({ pick: 'Done' });
    await withUi(api, ui, () => vscode.commands.executeCommand('campaign.setWorkStatus', workNode(api, 'Write API documentation')));
    assert.equal(work('w3')?.status, 'done');
    assert.ok(work('w3')?.done, 'a done date');
  });

  it('Edit Notes… sets the notes and an empty answer removes them', async () => {
    await setCampaignOnDisk(api, SAMPLE);
    await withUi(api, new ScriptedUi().answer({ input: 'Ask Ana about the SMTP relay' }), () =>
      vscode.commands.executeCommand('campaign.editWorkNotes', workNode(api, 'Add rate limiting to auth endpoints')),
    );
    assert.equal(work('w2')?.notes, 'Ask Ana about the SMTP relay');
    await withUi(api, new ScriptedUi().answer({ input: '' }), () => vscode.commands.executeCommand('campaign.editWorkNotes', workNode(api, 'Add rate limiting to auth endpoints')));
    assert.equal(work('w2')?.notes, undefined);
    assert.doesNotMatch(readCampaign(), /SMTP relay/);
  });

  it('Reopen puts a done item back to to do and drops its done date', async () => {
    await setCampaignOnDisk(api, SAMPLE.replace('    status: blocked', "    status: done\n    done: '2026-03-22'"));
    const node = workNode(api, 'Write API documentation');
    assert.equal(api.views.remainingWork.getTreeItem(node).contextValue, 'campaign.work.done');
    await vscode.commands.executeCommand('campaign.reopenWorkItem', node);
    assert.equal(work('w3')?.status, 'todo');
    assert.equal(work('w3')?.done, undefined);
  });

  it('Supersede… records the new decision and marks the old one superseded by it', async () => {
    await setCampaignOnDisk(api, SAMPLE);
    const ui = new ScriptedUi().answer({ input: 'Opaque session tokens' }, { input: 'Instant revocation matters more than statelessness' });
    const newId = await withUi(api, ui, () => vscode.commands.executeCommand<string>('campaign.supersedeDecision', decisionNode(api, 'JWT tokens')));
    ui.assertDone();
    const decisions = model().decisions_log;
    const old = decisions.find((d) => d.id === 'd3')!;
    const added = decisions.find((d) => d.id === newId)!;
    assert.equal(old.status, 'superseded');
    assert.equal(old.superseded_by, newId);
    assert.deepEqual([added.decision, added.rationale, added.status], ['Opaque session tokens', 'Instant revocation matters more than statelessness', 'active']);
    assert.equal(api.views.decisions.getTreeItem(decisionNode(api, 'JWT tokens')).contextValue, 'campaign.decision.superseded');
  });

  it('Copy puts a work item, a decision and a build-log entry on the clipboard as text', async () => {
    await setCampaignOnDisk(api, SAMPLE);
    await vscode.commands.executeCommand('campaign.copyEntry', workNode(api, 'Write API documentation'));
    assert.equal(await vscode.env.clipboard.readText(), 'Write API documentation (blocked)');
    await vscode.commands.executeCommand('campaign.copyEntry', decisionNode(api, 'PostgreSQL'));
    assert.equal(await vscode.env.clipboard.readText(), 'PostgreSQL\nWhy: ACID compliance needed');
    const entry = api.views.buildLog.getChildren()[0] as BuildLogNode;
    await vscode.commands.executeCommand('campaign.copyEntry', entry);
    assert.equal(await vscode.env.clipboard.readText(), '2026-03-21 — Authentication System\n- Implemented JWT-based auth\n- Decision: JWT tokens');
  });

  it('a click reveals the entry in the file: its lines selected, the editor opened without taking the focus', async () => {
    await setCampaignOnDisk(api, SAMPLE);
    const tree = api.views.remainingWork;
    const node = workNode(api, 'Add rate limiting to auth endpoints');
    const command = tree.getTreeItem(node).command!;
    assert.equal(command.command, 'campaign.revealInFile');
    await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
    const editor = await waitFor(() => vscode.window.visibleTextEditors.find((e) => e.document.uri.fsPath === campaignPath()), 'the campaign file to open');
    const lines = readCampaign().split('\n');
    const selected = editor.document.getText(editor.selection);
    assert.equal(editor.selection.start.line, lines.indexOf('  - id: w2'));
    assert.equal(selected, 'id: w2\n    title: Add rate limiting to auth endpoints\n    priority: medium\n    status: todo');
    // Decisions and build-log entries too.
    const d = api.views.decisions.getTreeItem(decisionNode(api, 'PostgreSQL')).command!;
    await vscode.commands.executeCommand(d.command, ...(d.arguments ?? []));
    assert.equal(vscode.window.activeTextEditor?.selection.start.line, lines.indexOf('  - id: d2'));
    const b = api.views.buildLog.getTreeItem(api.views.buildLog.getChildren()[0]!).command!;
    await vscode.commands.executeCommand(b.command, ...(b.arguments ?? []));
    assert.equal(vscode.window.activeTextEditor?.selection.start.line, lines.indexOf('  - date: "2026-03-21"'));
  });

  it('a click right after the file changed on disk, with the file already open, still selects the entry', async () => {
    await setCampaignOnDisk(api, SAMPLE);
    const open = await vscode.workspace.openTextDocument(vscode.Uri.file(campaignPath()));
    await vscode.window.showTextDocument(open, { preserveFocus: true, preview: true });
    // An agent or the CLI rewrites the file: the views learn of it first, the open editor reloads later.
    const changed = SAMPLE.replace('Add rate limiting to auth endpoints', 'Add rate limiting to every endpoint');
    await setCampaignOnDisk(api, changed);
    const node = workNode(api, 'Add rate limiting to every endpoint');
    const command = api.views.remainingWork.getTreeItem(node).command!;
    const selection = (await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []))) as vscode.Range | undefined;
    const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.fsPath === campaignPath())!;
    assert.ok(selection, 'the entry was selected, not just the file shown');
    assert.equal(editor.document.getText(editor.selection), 'id: w2\n    title: Add rate limiting to every endpoint\n    priority: medium\n    status: todo');
  });

  it('a campaign without work, decisions or history shows no rows (the welcome content with its button shows)', async () => {
    await setCampaignOnDisk(api, 'version: 1\nidentity:\n  name: Empty\n');
    await waitFor(() => api.views.remainingWork.getChildren().length === 0 || undefined, 'no groups');
    assert.deepEqual(api.views.decisions.getChildren(), []);
    assert.deepEqual(api.views.buildLog.getChildren(), []);
    const manifest = readManifest();
    for (const view of ['campaign.remainingWork', 'campaign.decisions', 'campaign.buildLog']) {
      const welcome = manifest.contributes.viewsWelcome.filter((w) => w.view === view && w.when.includes('!campaign.readOnly'));
      assert.ok(welcome.length > 0 && welcome.every((w) => /\[[^\]]+\]\(command:campaign\.\w+\)/.test(w.contents)), `${view} has a welcome button`);
    }
  });

  it('Initialize offers Connect Agents… next', async () => {
    await setCampaignOnDisk(api, undefined);
    const ui = new ScriptedUi().answer({ input: 'Auth Service' }, { input: '' });
    await withUi(api, ui, () => vscode.commands.executeCommand('campaign.initialize'));
    const note = ui.messages.find((m) => m.kind === 'info' && /Campaign initialized/.test(m.message));
    assert.deepEqual(note?.actions, ['Add Work Item', 'Connect Agents…', 'Open File']);
  });

  it('Copy Session Primer says a superseded decision was not included, not "left out to fit"', async () => {
    await setCampaignOnDisk(api, SAMPLE);
    const ui = new ScriptedUi();
    await withUi(api, ui, () => vscode.commands.executeCommand('campaign.copyPrimer'));
    const note = ui.messages.find((m) => /Session primer copied/.test(m.message))!;
    assert.doesNotMatch(note.message, /Left out to fit/);
    assert.match(note.message, /1 superseded decision is not included\./);
  });

  it('Add Work Item starts on Medium, the default of the file and the handoff form', async () => {
    await setCampaignOnDisk(api, SAMPLE);
    const ui = new ScriptedUi().answer({ input: 'Rotate signing keys' }, { pick: 'Medium' });
    await withUi(api, ui, () => vscode.commands.executeCommand('campaign.addWorkItem'));
    const offered = ui.offeredItems[0]!;
    assert.deepEqual(offered.filter((i) => i.picked).map((i) => i.label), ['Medium']);
  });

  it('the handoff row is read aloud by its content, not its tooltip', async () => {
    await setCampaignOnDisk(api, SAMPLE);
    const tree = api.views.session;
    const row = tree.getChildren().find((n) => n.kind === 'handoff')!;
    const item = tree.getTreeItem(row);
    assert.equal(item.accessibilityInformation?.label, 'Handoff notes. Next session: Start with password reset. 1 note: Check the auth/reset branch');
    assert.notEqual(item.accessibilityInformation?.label, item.tooltip);
  });

  it('the session menu offers no write while the file is broken', async () => {
    await setCampaignOnDisk(api, SAMPLE.replace('active_session: null', `active_session:\n  started: '${new Date().toISOString()}'\n  focus: Menu`));
    await setCampaignOnDisk(api, readCampaign().replace('remaining_work:', 'remaining_work: [unclosed'));
    assert.equal(api.contextKeys.current['campaign.invalid'], true);
    const ui = new ScriptedUi().answer({ pick: undefined });
    const offered = await withUi(api, ui, () => vscode.commands.executeCommand<string[]>('campaign.sessionMenu'));
    assert.deepEqual(offered, ['campaign.copyPrimer', 'campaign.showPrimer', 'campaign.openFile']);
  });

  it('the status bar leads to the problem, not to Start Session, while the file is broken', async () => {
    await setCampaignOnDisk(api, SAMPLE);
    assert.equal(api.statusBar.item.command, 'campaign.startSession');
    await setCampaignOnDisk(api, SAMPLE.replace('remaining_work:', 'remaining_work: [unclosed'));
    assert.equal(api.statusBar.item.command, 'campaign.openFile');
    assert.match(api.statusBar.item.text, /^\$\(warning\)/);
    await setCampaignOnDisk(api, SAMPLE);
    assert.equal(api.statusBar.item.command, 'campaign.startSession');
    assert.doesNotMatch(api.statusBar.item.text, /warning/);
  });

  it('views start at relative sizes (no fixed sizes): Remaining Work gets the most room', () => {
    const views = readManifest().contributes.views.campaign;
    for (const v of views) assert.equal(typeof v.initialSize, 'number', `${v.id} has a relative initial size`);
    const largest = [...views].sort((a, b) => b.initialSize - a.initialSize)[0]!;
    assert.equal(largest.id, 'campaign.remainingWork');
  });

  it('settings: common ones first, the rare security flag last', () => {
    const props = readManifest().contributes.configuration.properties;
    const ordered = Object.entries(props).sort(([, a], [, b]) => a.order - b.order).map(([k]) => k);
    for (const [k, v] of Object.entries(props)) assert.equal(typeof v.order, 'number', `${k} has an order`);
    assert.equal(ordered[0], 'campaign.statusBar.enabled');
    assert.equal(ordered.at(-1), 'campaign.allowSymlinkOutsideWorkspace');
  });
});

interface Manifest {
  contributes: {
    viewsWelcome: { view: string; contents: string; when: string }[];
    views: { campaign: { id: string; initialSize: number }[] };
    configuration: { properties: Record<string, { order: number }> };
  };
}

function readManifest(): Manifest {
  const ext = vscode.extensions.getExtension('campaign-tools.campaign')!;
  return JSON.parse(readFileSync(join(ext.extensionPath, 'package.json'), 'utf8')) as Manifest;
}
