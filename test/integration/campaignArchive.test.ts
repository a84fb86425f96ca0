// Job: archiving from the extension — Archive Old Entries, and the automatic
// run after the extension's own write once the file is bigger than
// campaign.archive.autoAboveKB (off by default).
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { CampaignExtensionApi } from '../../src/extension/extension';
import { campaignApi, readCampaign, SAMPLE, ScriptedUi, setCampaignOnDisk, withUi } from './campaignHarness';
import { waitFor, workspaceRoot } from './helpers';

const archiveDir = () => join(workspaceRoot().fsPath, '.claude', 'campaign-archive');

/** SAMPLE with twelve more build-log entries from 2025, before its own two. */
function longCampaign(): string {
  const entries = Array.from({ length: 12 }, (_, i) => {
    const day = String(i + 1).padStart(2, '0');
    return `  - date: "2025-06-${day}"\n    title: Session ${i + 1}\n    accomplishments:\n      - Did the things of day ${i + 1}\n`;
  }).join('');
  return SAMPLE.replace('build_log:\n', `build_log:\n${entries}`);
}

describe('Campaign archive', () => {
  let api: CampaignExtensionApi;
  before(async () => {
    api = await campaignApi();
  });
  afterEach(async () => {
    await vscode.workspace.getConfiguration('campaign').update('archive.autoAboveKB', undefined, vscode.ConfigurationTarget.Workspace);
    rmSync(archiveDir(), { recursive: true, force: true });
  });

  it('Archive Old Entries moves all but the newest build-log entries, and superseded decisions, to the archive', async () => {
    await setCampaignOnDisk(api, longCampaign());
    const ui = new ScriptedUi();
    await withUi(api, ui, () => vscode.commands.executeCommand('campaign.archive', { keep: 2 }));
    assert.equal(ui.lastError(), undefined);
    assert.match(ui.messages.at(-1)?.message ?? '', /^Archived 12 build-log entries and 1 decision to \.claude\/campaign-archive\//);
    const text = readCampaign();
    assert.match(text, /^archive: \.claude\/campaign-archive\/$/m);
    assert.doesNotMatch(text, /Session \d/);
    assert.match(text, /title: Database Schema/);
    assert.match(text, /title: Authentication System/);
    assert.doesNotMatch(text, /decision: MongoDB/, 'the superseded decision moved');
    assert.match(readFileSync(join(archiveDir(), '2025.yaml'), 'utf8'), /Session 1\b/);
    assert.equal(api.workspace.active?.state.kind === 'valid' && api.workspace.active.state.text, text, 'the store re-read the file');
  });

  it('after a write that leaves the file above campaign.archive.autoAboveKB, archives on its own', async () => {
    await setCampaignOnDisk(api, longCampaign());
    // Off by default: a write changes nothing else.
    await withUi(api, new ScriptedUi().answer({ input: 'First item' }, { pick: 'Low' }), () => vscode.commands.executeCommand('campaign.addWorkItem'));
    assert.ok(!existsSync(archiveDir()));
    const kb = Math.floor(statSync(join(workspaceRoot().fsPath, '.claude', 'campaign.yaml')).size / 1024);
    await vscode.workspace.getConfiguration('campaign').update('archive.autoAboveKB', kb, vscode.ConfigurationTarget.Workspace);
    await waitFor(() => vscode.workspace.getConfiguration('campaign').get('archive.autoAboveKB') === kb, 'the setting');
    await withUi(api, new ScriptedUi().answer({ input: 'Second item' }, { pick: 'Low' }), () => vscode.commands.executeCommand('campaign.addWorkItem'));
    const text = readCampaign();
    assert.match(text, /Second item/);
    assert.match(text, /^archive: \.claude\/campaign-archive\/$/m, 'archived before the command returned');
    assert.ok(existsSync(join(archiveDir(), '2025.yaml')));
    assert.equal((text.match(/^ {2}- date:/gm) ?? []).length, 10, 'the newest ten build-log entries stay');
  });
});
