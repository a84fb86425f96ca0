// Job: the extension stays true to the file — external edits reach the views
// (how fast: the bench, bench/extension.ts); invalid YAML keeps the last good state, lands in the
// Problems panel at its line and column, and blocks writes; and with unsaved
// changes in an editor, operations edit the editor (undoable), not the disk.
import * as assert from 'node:assert/strict';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as vscode from 'vscode';
import { generateCampaignOfSize } from '../../bench/generateCampaign';
import { CampaignDocument } from '../../src/core/document/campaignDocument';
import { addWork } from '../../src/core/operations/workOps';
import { CampaignError } from '../../src/core/model/problems';
import type { CampaignExtensionApi } from '../../src/extension/extension';
import { campaignApi, campaignPath, readCampaign, SAMPLE, ScriptedUi, setCampaignOnDisk, withUi, waitForStore } from './campaignHarness';
import { waitFor, workspaceRoot } from './helpers';

const workTitles = (api: CampaignExtensionApi) =>
  api.views.remainingWork.getChildren().flatMap((g) => api.views.remainingWork.getChildren(g)).map((n) => (n.kind === 'work' ? n.item.title : ''));

const INVALID = SAMPLE.replace('  - id: w2\n    title: Add rate limiting', '  - id: w2\n     title: [unclosed\n    title: Add rate limiting');

describe('Campaign live updates', () => {
  let api: CampaignExtensionApi;
  before(async () => {
    api = await campaignApi();
  });
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('an edit on disk updates the views and the status bar', async function () {
    this.timeout(40_000);
    await setCampaignOnDisk(api, SAMPLE);
    // The workbench's file watcher starts after the window opens: wait until it reports at all.
    const warmUp = SAMPLE.replace('Write API documentation', 'Watcher warm-up');
    writeFileSync(campaignPath(), warmUp);
    await waitForStore(api, warmUp, 'the file watcher to report a change', 30_000);
    writeFileSync(
      campaignPath(),
      SAMPLE.replace('active_session: null', `active_session:\n  started: '${new Date().toISOString()}'\n  focus: From an agent`).replace(
        'remaining_work:\n',
        'remaining_work:\n  - Written by the CLI\n',
      ),
    );
    // The "within 1.5 s" target is measured by `npm run bench` (bench/extension.ts), not asserted here.
    await waitFor(() => workTitles(api).includes('Written by the CLI'), 'the tree to show the new item', 30_000);
    assert.equal(api.statusBar.item.text, '$(target) From an agent · <1m');
  });

  it('invalid YAML: last good state kept, problems at line and column, writes refused', async () => {
    await setCampaignOnDisk(api, SAMPLE);
    const before = workTitles(api);
    await setCampaignOnDisk(api, INVALID);

    let expected: CampaignError | undefined;
    try {
      CampaignDocument.parse(INVALID);
    } catch (err) {
      expected = err as CampaignError;
    }
    assert.ok(expected && expected.problems.length > 0);
    const diagnostics = vscode.languages.getDiagnostics(vscode.Uri.file(campaignPath()));
    assert.equal(diagnostics.length, expected.problems.length);
    const first = diagnostics[0]!;
    assert.equal(first.range.start.line + 1, expected.problems[0]!.line);
    assert.equal(first.range.start.character + 1, expected.problems[0]!.column);
    assert.equal(first.message, expected.problems[0]!.message);
    assert.equal(first.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(first.source, 'campaign');

    assert.deepEqual(workTitles(api), before, 'the views keep the last good state');
    assert.equal(api.contextKeys.current['campaign.invalid'], true);
    // One message: the Session view's problem row (at the panel's line and column), a badge on that view, a word elsewhere.
    assert.deepEqual(api.views.messages.filter(Boolean), [], 'no view repeats a warning');
    const sessionRows = api.views.session.getChildren();
    assert.equal(sessionRows[0]?.kind, 'problem');
    const problemLabel = String(api.views.session.getTreeItem(sessionRows[0]!).label);
    assert.equal(problemLabel, `Campaign file has problems (line ${first.range.start.line + 1}, column ${first.range.start.character + 1})`);
    assert.equal(api.views.sessionView.badge?.value, expected.problems.length);
    assert.deepEqual(api.views.descriptions, [undefined, 'last good state', 'last good state', 'last good state']);

    const ui = new ScriptedUi();
    await withUi(api, ui, () => vscode.commands.executeCommand('campaign.addWorkItem'));
    // Refused without a notification: it would stay on screen after the fix.
    assert.equal(ui.lastError(), undefined);
    assert.deepEqual(ui.asked, [], 'refused before asking anything');
    assert.equal(readCampaign(), INVALID, 'nothing written');

    await setCampaignOnDisk(api, SAMPLE);
    await waitFor(() => vscode.languages.getDiagnostics(vscode.Uri.file(campaignPath())).length === 0, 'the problems to clear');
    assert.equal(api.contextKeys.current['campaign.invalid'], false);
    assert.deepEqual(api.views.messages.filter(Boolean), []);
    assert.equal(api.views.sessionView.badge, undefined, 'the badge goes with the fix');
    assert.deepEqual(api.views.descriptions, [undefined, undefined, undefined, undefined]);
    assert.notEqual(api.views.session.getChildren()[0]?.kind, 'problem');
  });

  it('follows campaign.file to another place in the folder', async () => {
    await setCampaignOnDisk(api, SAMPLE);
    const other = join(workspaceRoot().fsPath, 'docs', 'memory.yaml');
    mkdirSync(dirname(other), { recursive: true });
    writeFileSync(other, SAMPLE.replace('Implement password reset flow', 'From docs/memory.yaml'));
    const config = vscode.workspace.getConfiguration('campaign', vscode.workspace.workspaceFolders![0]);
    await config.update('file', 'docs/memory.yaml', vscode.ConfigurationTarget.Workspace);
    try {
      await waitFor(() => workTitles(api).includes('From docs/memory.yaml'), 'the views to show the other file');
      assert.equal(api.workspace.active?.relativePath, 'docs/memory.yaml');
    } finally {
      await config.update('file', undefined, vscode.ConfigurationTarget.Workspace);
      rmSync(dirname(other), { recursive: true, force: true });
    }
    await waitFor(() => workTitles(api).includes('Implement password reset flow'), 'the views to return to .claude/campaign.yaml');
  });

  it('the first read of a big file shows Remaining Work from a preview, offering no action, then the whole file; a write meanwhile waits for it', async function () {
    this.timeout(30_000);
    await setCampaignOnDisk(api, SAMPLE);
    const store = api.workspace.active!;
    const big = generateCampaignOfSize(100_000).text;
    const other = join(workspaceRoot().fsPath, 'docs', 'big.yaml');
    mkdirSync(dirname(other), { recursive: true });
    writeFileSync(other, big);
    // What the views held at each change of the store, taken the moment it happened.
    const seen: { state: string; previewing: boolean; titles: string[]; contexts: (string | undefined)[]; clickable: boolean; decisions: number }[] = [];
    let written: Promise<unknown> | undefined;
    const sub = store.onDidChange(() => {
      const rows = api.views.remainingWork.getChildren().flatMap((g) => [g, ...api.views.remainingWork.getChildren(g)]);
      const items = rows.map((n) => api.views.remainingWork.getTreeItem(n));
      // A person acting on the campaign while it is still being read: the write waits for the whole file.
      if (store.previewing && !written) written = api.commands.writer.run(store, addWork({ title: 'Added during the preview', priority: 'high' }));
      seen.push({
        state: store.fileState,
        previewing: store.previewing,
        titles: workTitles(api),
        contexts: items.map((i) => i.contextValue),
        clickable: items.some((i) => i.command !== undefined),
        decisions: api.views.decisions.getChildren().length,
      });
    });
    const config = vscode.workspace.getConfiguration('campaign', vscode.workspace.workspaceFolders![0]);
    await config.update('file', 'docs/big.yaml', vscode.ConfigurationTarget.Workspace);
    try {
      await waitFor(() => store.fileState === 'valid' && store.relativePath === 'docs/big.yaml', 'the big file to be read');
      const whole = CampaignDocument.parse(big).model;
      const preview = seen.find((s) => s.previewing);
      assert.ok(preview, `a preview was shown first (states: ${seen.map((s) => s.state).join(', ')})`);
      assert.equal(preview.state, 'loading');
      // The whole file as first read (the write started during the preview may land after it).
      const last = seen.find((s, i) => i > seen.indexOf(preview!) && s.state === 'valid')!;
      assert.ok(last, `the whole file was read after the preview (states: ${seen.map((s) => s.state).join(', ')})`);
      assert.deepEqual([...last.titles].sort(), whole.remaining_work.map((w) => w.title).sort());
      assert.deepEqual(preview.titles, last.titles, 'the preview shows the rows the whole file does, in the same order');
      assert.ok(preview.contexts.length > 0 && preview.contexts.every((c) => c === 'campaign.preview'), 'no menu is offered on preview rows');
      assert.equal(preview.clickable, false, 'a click on a preview row does nothing');
      assert.equal(preview.decisions, 0, 'the decisions wait for the whole file');
      assert.equal(last.previewing, false);
      assert.equal(last.decisions, whole.decisions_log.length);
      assert.ok(last.contexts.every((c) => c !== 'campaign.preview'));
      await written;
      const after = CampaignDocument.parse(readFileSync(other, 'utf8')).model;
      assert.deepEqual(after.remaining_work.map((w) => w.title), [...whole.remaining_work.map((w) => w.title), 'Added during the preview']);
      assert.equal(after.decisions_log.length, whole.decisions_log.length, 'the write kept every section the preview left out');
      await waitFor(() => workTitles(api).includes('Added during the preview'), 'the view to show the new item');
    } finally {
      sub.dispose();
      await config.update('file', undefined, vscode.ConfigurationTarget.Workspace);
      rmSync(dirname(other), { recursive: true, force: true });
    }
    await waitFor(() => workTitles(api).includes('Implement password reset flow'), 'the views to return to .claude/campaign.yaml');
  });

  it('Open Campaign File on an invalid file goes to the first problem', async () => {
    await setCampaignOnDisk(api, INVALID);
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>('campaign.openFile');
    const problem = api.workspace.active!.problems[0]!;
    assert.equal(editor?.selection.active.line, problem.line - 1);
    await setCampaignOnDisk(api, SAMPLE);
  });

  it('with unsaved changes in an editor, Add Work Item edits the editor (undo works) and leaves the disk alone', async () => {
    await setCampaignOnDisk(api, SAMPLE);
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(campaignPath()));
    const editor = await vscode.window.showTextDocument(doc);
    await editor.edit((b) => b.insert(new vscode.Position(2, 0), '# an unsaved note\n'));
    assert.ok(doc.isDirty);
    const dirtyText = doc.getText();

    const ui = new ScriptedUi().answer({ input: 'Typed while dirty' }, { pick: 'Low' });
    await withUi(api, ui, () => vscode.commands.executeCommand('campaign.addWorkItem'));
    ui.assertDone();
    assert.equal(ui.lastError(), undefined, ui.lastError()?.message);

    assert.ok(doc.isDirty, 'the document stays dirty (not saved behind the person’s back)');
    assert.match(doc.getText(), /title: Typed while dirty/);
    assert.match(doc.getText(), /# an unsaved note/, 'the unsaved edit is kept');
    assert.equal(readCampaign(), SAMPLE, 'the file on disk is unchanged');
    assert.ok(workTitles(api).includes('Typed while dirty'), 'the views show what the editor holds');

    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('undo');
    await waitFor(() => doc.getText() === dirtyText, 'undo to restore the text before the operation');
    await waitFor(() => !workTitles(api).includes('Typed while dirty'), 'the views to follow the undo');

    await vscode.commands.executeCommand('workbench.action.files.revert');
    await waitFor(() => !doc.isDirty, 'the revert');
    await waitForStore(api, SAMPLE, 'the store to read the disk again');
  });
});
