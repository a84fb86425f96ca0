// Job: Import Campaign… moving in from a memory bank as a person does it: the
// Quick Pick offers the folder's memory bank (and Markdown files), the import
// writes the campaign, reports what went where, and a second import offers
// Merge, which adds nothing twice.
import * as assert from 'node:assert/strict';
import { cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { CampaignExtensionApi } from '../../src/extension/extension';
import type { ImportReport } from '../../src/core/import/importReport';
import { campaignApi, readCampaign, ScriptedUi, setCampaignOnDisk, withUi } from './campaignHarness';
import { EXTENSION_ID, workspaceRoot } from './helpers';

const at = (...p: string[]) => join(workspaceRoot().fsPath, ...p);

describe('Import Campaign… from a memory bank', () => {
  let api: CampaignExtensionApi;
  before(async () => {
    api = await campaignApi();
  });
  beforeEach(async () => {
    await setCampaignOnDisk(api, undefined);
    const bank = join(vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath, 'test/fixtures/import/memory-bank/0xCosmicTofu__ui-mapper');
    cpSync(bank, at('memory-bank'), { recursive: true });
  });
  afterEach(() => {
    rmSync(at('memory-bank'), { recursive: true, force: true });
    rmSync(at('.claude', 'campaign-primer.md'), { force: true });
  });

  it('offers the folder’s memory bank, imports it and reports what went where', async () => {
    const ui = new ScriptedUi().answer({ pick: 'Memory bank in memory-bank/' });
    const result = (await withUi(api, ui, () => vscode.commands.executeCommand('campaign.importCampaign'))) as { report: ImportReport };
    ui.assertDone();
    assert.deepEqual(ui.offered[0], ['Memory bank in memory-bank/ (6 files)', 'A Markdown file…']);
    const done = ui.messages.at(-1)!;
    assert.match(done.message, /^Imported 6 work item\(s\), 0 decision\(s\) and 2 build-log entries into \.claude\/campaign\.yaml\. 43 line\(s\) had no place/);
    assert.deepEqual(done.actions, ['Show Report', 'Open File']);
    assert.equal(result.report.unplacedLines, 43);
    const model = api.workspace.active!.campaign!;
    assert.equal(model.identity.name, 'Webflow UI Mapper');
    assert.equal(model.active_session, null, 'an import is not a session');
    assert.equal(model.handoff_notes.next_session, 'Debugging Google OAuth authentication error after account selection.');
    assert.match(readCampaign(), /import_unplaced:\n {2}- "memory-bank\/projectbrief\.md:9: ## Primary Goals"/);
  });

  it('a second import asks Merge or Replace; Merge adds nothing twice', async () => {
    await withUi(api, new ScriptedUi().answer({ pick: 'Memory bank' }), () => vscode.commands.executeCommand('campaign.importCampaign'));
    const before = readCampaign();
    const ui = new ScriptedUi().answer({ pick: 'Memory bank' }, { button: 'Merge' });
    await withUi(api, ui, () => vscode.commands.executeCommand('campaign.importCampaign'));
    ui.assertDone();
    assert.match(ui.messages.find((m) => m.kind === 'warning')!.message, /already exists\. Replace it .* or merge the import into it/);
    assert.match(ui.messages.at(-1)!.message, /0 added, \d+ already there/);
    assert.equal(readCampaign(), before);
    assert.equal(api.workspace.active!.campaign!.remaining_work.length, 6);
  });
});
