// Job: a person's day through the real commands (answers from a scripted Ui):
// initialize, add work, start a session on an item, the status bar, log a
// decision, copy and show the primer, end the session through the handoff
// form — and the file keeps its comments throughout.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { CampaignDocument } from '../../src/core/document/campaignDocument';
import type { CampaignExtensionApi } from '../../src/extension/extension';
import { campaignApi, campaignExists, readCampaign, SAMPLE, ScriptedUi, setCampaignOnDisk, withUi, endSessionCapturingForm } from './campaignHarness';
import { waitFor } from './helpers';

const model = () => CampaignDocument.parse(readCampaign()).model;

describe('Campaign session commands', () => {
  let api: CampaignExtensionApi;
  before(async () => {
    api = await campaignApi();
  });
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('Initialize Campaign creates the file from a name (prefilled with the folder’s) and a purpose', async () => {
    await setCampaignOnDisk(api, undefined);
    const ui = new ScriptedUi().answer({ input: '' }, { input: 'Auth Service' }, { input: 'Self-hosted auth' });
    await withUi(api, ui, () => vscode.commands.executeCommand('campaign.initialize'));
    ui.assertDone();
    assert.deepEqual(ui.validationErrors, ['The name cannot be empty.']);
    assert.ok(campaignExists());
    const m = model();
    assert.equal(m.identity.name, 'Auth Service');
    assert.equal(m.identity.purpose, 'Self-hosted auth');
    assert.match(readCampaign(), /^# Campaign: Auth Service/);
    assert.equal(api.contextKeys.current['campaign.hasCampaign'], true);
    assert.ok(ui.messages.some((m) => m.kind === 'info' && /Campaign initialized/.test(m.message)));
  });

  it('Initialize Campaign leaves an existing file alone', async () => {
    await setCampaignOnDisk(api, SAMPLE);
    const ui = new ScriptedUi();
    await withUi(api, ui, () => vscode.commands.executeCommand('campaign.initialize'));
    assert.equal(readCampaign(), SAMPLE);
    assert.match(ui.messages.at(-1)?.message ?? '', /already has a campaign file/);
  });

  it('Add Work Item asks a title, then a priority', async () => {
    await setCampaignOnDisk(api, SAMPLE);
    const ui = new ScriptedUi().answer({ input: 'Add audit log' }, { pick: 'High' });
    const id = await withUi(api, ui, () => vscode.commands.executeCommand<string>('campaign.addWorkItem'));
    ui.assertDone();
    assert.match(id ?? '', /^w-/);
    const added = model().remaining_work.at(-1)!;
    assert.deepEqual([added.title, added.priority, added.status], ['Add audit log', 'high', 'todo']);
    assert.match(readCampaign(), /# Security first/, 'comments are kept');
    // The view shows it without waiting for the watcher: the writer reloads.
    const tree = api.views.remainingWork;
    const high = tree.getChildren()[0]!;
    assert.deepEqual(tree.getChildren(high).map((n) => (n.kind === 'work' ? n.item.title : '')), ['Implement password reset flow', 'Add audit log']);
  });

  it('Start Session offers open work high first; picking an item focuses it and marks it in progress', async () => {
    await setCampaignOnDisk(api, SAMPLE);
    assert.equal(api.statusBar.item.text, '$(circle-slash) No active session');
    assert.equal(api.statusBar.item.command, 'campaign.startSession');
    const ui = new ScriptedUi().answer({ pick: 'Implement password reset flow' }, { input: 'SMTP creds; staging down' });
    await withUi(api, ui, () => vscode.commands.executeCommand('campaign.startSession'));
    ui.assertDone();
    assert.deepEqual(ui.offered[0]!.map((l) => l.replace(/^\$\([^)]+\) /, '')), [
      'Implement password reset flow',
      'Add rate limiting to auth endpoints',
      'Write API documentation',
    ]);
    const m = model();
    assert.equal(m.active_session?.focus, 'Implement password reset flow');
    assert.deepEqual(m.active_session?.blockers, ['SMTP creds', 'staging down']);
    assert.equal(m.remaining_work[0]!.status, 'in_progress');
    assert.equal(api.statusBar.item.text, '$(target) Implement password reset flow · <1m');
    assert.equal(api.statusBar.item.command, 'campaign.sessionMenu');
    assert.equal(api.statusBar.item.backgroundColor, undefined);
    assert.equal(api.contextKeys.current['campaign.sessionActive'], true);
  });

  it('Start Session takes free text as the focus', async () => {
    await setCampaignOnDisk(api, SAMPLE);
    const ui = new ScriptedUi().answer({ typed: 'Spike: passkeys' }, { input: '' });
    await withUi(api, ui, () => vscode.commands.executeCommand('campaign.startSession'));
    assert.equal(model().active_session?.focus, 'Spike: passkeys');
    assert.deepEqual(model().active_session?.blockers, []);
  });

  it('Start Session with a session already active asks before replacing it', async () => {
    await setCampaignOnDisk(api, SAMPLE.replace('active_session: null', "active_session:\n  started: '2026-03-21T09:00:00'\n  focus: Old focus"));
    const ui = new ScriptedUi().answer({ button: undefined });
    await withUi(api, ui, () => vscode.commands.executeCommand('campaign.startSession'));
    ui.assertDone();
    assert.equal(model().active_session?.focus, 'Old focus', 'cancel keeps the session');
  });

  it('the status bar reminds when the session began on an earlier day', async () => {
    const yesterday = new Date(Date.now() - 26 * 3_600_000).toISOString();
    await setCampaignOnDisk(api, SAMPLE.replace('active_session: null', `active_session:\n  started: '${yesterday}'\n  focus: Long one`));
    assert.match(api.statusBar.item.text, /^\$\(target\) Long one · 1d 2h$/);
    assert.equal(api.statusBar.reminder, 'earlierDay');
    assert.deepEqual(api.statusBar.item.backgroundColor, new vscode.ThemeColor('statusBarItem.warningBackground'));
  });

  it('the status bar follows campaign.statusBar.enabled', async () => {
    await setCampaignOnDisk(api, SAMPLE);
    const config = vscode.workspace.getConfiguration('campaign');
    await config.update('statusBar.enabled', false, vscode.ConfigurationTarget.Workspace);
    try {
      await waitFor(() => !api.statusBar.visible, 'the status bar item to hide');
    } finally {
      await config.update('statusBar.enabled', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitFor(() => api.statusBar.visible, 'the status bar item to come back');
  });

  it('Log Decision requires the decision and its rationale', async () => {
    await setCampaignOnDisk(api, SAMPLE);
    const ui = new ScriptedUi().answer({ input: 'Argon2 for password hashes' }, { input: '  ' }, { input: 'Memory-hard, OWASP recommended' });
    await withUi(api, ui, () => vscode.commands.executeCommand('campaign.logDecision'));
    ui.assertDone();
    assert.deepEqual(ui.validationErrors, ['The rationale cannot be empty.']);
    const d = model().decisions_log.at(-1)!;
    assert.deepEqual([d.decision, d.rationale], ['Argon2 for password hashes', 'Memory-hard, OWASP recommended']);
    const tree = api.views.decisions;
    assert.equal(tree.getTreeItem(tree.getChildren()[0]!).label, 'Argon2 for password hashes', 'newest first');
  });

  it('Escape at any prompt changes nothing', async () => {
    await setCampaignOnDisk(api, SAMPLE);
    const ui = new ScriptedUi().answer({ input: 'Half an idea' }, { pick: undefined });
    await withUi(api, ui, () => vscode.commands.executeCommand('campaign.addWorkItem'));
    ui.assertDone();
    assert.equal(readCampaign(), SAMPLE);
  });

  it('End Session opens the handoff form prefilled; submitting ends the session in one edit', async () => {
    // w1 was completed during this session: the session recorded it.
    await setCampaignOnDisk(
      api,
      SAMPLE.replace(
        'active_session: null',
        `active_session:\n  started: '${new Date(Date.now() - 3_600_000).toISOString()}'\n  focus: Password reset\n  completed:\n    - w1`,
      )
        .replace('status: todo\n    notes:', 'status: done\n    notes:'),
    );
    const opened = await endSessionCapturingForm(api);
    assert.ok(opened, 'the form opened');
    assert.equal(opened.readOnly, false);
    assert.equal(opened.prefill.focus, 'Password reset');
    // No git repository in the test folder: the prefill still works, from completed work alone.
    assert.deepEqual(opened.prefill.accomplishments, ['Implement password reset flow']);
    assert.deepEqual(opened.prefill.suggestedNext.map((s) => s.title), ['Add rate limiting to auth endpoints', 'Write API documentation']);

    await opened.onSubmit({
      done: ['Implement password reset flow', 'Reset emails'],
      next: [{ title: 'Add rate limiting to auth endpoints', priority: 'high' }, { title: 'Add audit log', priority: 'low' }],
      handoff: 'Rate limiting next',
      notes: ['Reset tokens live 1h'],
      decisions: [{ decision: 'Tokens in Redis', rationale: 'Expiry for free' }],
    });
    const m = model();
    assert.equal(m.active_session, null);
    assert.deepEqual(m.build_log.at(-1)?.accomplishments, ['Implement password reset flow', 'Reset emails']);
    assert.equal(m.build_log.at(-1)?.title, 'Password reset');
    assert.deepEqual(m.remaining_work.map((i) => `${i.priority}:${i.title}`), [
      'high:Add rate limiting to auth endpoints',
      'low:Write API documentation',
      'low:Add audit log',
    ]);
    assert.equal(m.handoff_notes.next_session, 'Rate limiting next');
    assert.equal(m.decisions_log.at(-1)?.decision, 'Tokens in Redis');
    assert.match(readCampaign(), /# Security first/);
    assert.equal(api.statusBar.item.text, '$(circle-slash) No active session');
  });

  it('End Session shows the real handoff webview', async () => {
    await setCampaignOnDisk(api, SAMPLE.replace('active_session: null', `active_session:\n  started: '${new Date().toISOString()}'\n  focus: Webview check`));
    await vscode.commands.executeCommand('campaign.endSession');
    const tab = await waitFor(
      () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputWebview && /handoff/i.test(t.input.viewType)),
      'the handoff webview tab',
    );
    assert.match(tab.label, /End Session/);
  });

  it('Copy Session Primer puts the primer on the clipboard and reports its tokens', async () => {
    await setCampaignOnDisk(api, SAMPLE);
    const ui = new ScriptedUi();
    const primer = await withUi(api, ui, () => vscode.commands.executeCommand<{ text: string; tokens: number; budget: number }>('campaign.copyPrimer'));
    assert.ok(primer && primer.text.includes('Auth Service'));
    assert.ok(primer.tokens > 0 && primer.tokens <= primer.budget);
    assert.equal(await vscode.env.clipboard.readText(), primer.text);
    const note = ui.messages.find((m) => m.kind === 'info')!;
    assert.match(note.message, new RegExp(`Session primer copied: ${primer.tokens.toLocaleString('en-US')} tokens \\(budget 2,000\\)`));
    assert.deepEqual(note.actions, ['Show Primer']);
  });

  it('the status bar’s session menu runs the chosen command', async () => {
    await setCampaignOnDisk(api, SAMPLE.replace('active_session: null', `active_session:\n  started: '${new Date().toISOString()}'\n  focus: Menu`));
    await vscode.env.clipboard.writeText('');
    const ui = new ScriptedUi().answer({ pick: 'Copy Session Primer' });
    await withUi(api, ui, () => vscode.commands.executeCommand('campaign.sessionMenu'));
    ui.assertDone();
    assert.ok(ui.offered[0]!.some((l) => l.includes('End Session')));
    assert.match(await vscode.env.clipboard.readText(), /Auth Service/);
  });

  it('Show Primer opens a read-only markdown document that follows the file', async () => {
    await setCampaignOnDisk(api, SAMPLE);
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>('campaign.showPrimer');
    assert.ok(editor);
    const doc = editor.document;
    assert.equal(doc.uri.scheme, 'campaign-primer');
    assert.equal(doc.languageId, 'markdown');
    assert.match(doc.getText(), /Implement password reset flow/);
    await setCampaignOnDisk(api, SAMPLE.replace('Implement password reset flow', 'Implement passkeys'));
    await waitFor(() => doc.getText().includes('Implement passkeys'), 'the primer document to follow the file');
  });
});

