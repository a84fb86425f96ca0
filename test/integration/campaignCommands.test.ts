// Job: the command surface matches the manifest — every contributed command is
// registered and every registered one is contributed, ids agree with
// commandIds.ts, titles are the issue's, and item-only commands are hidden
// from the Command Palette.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { CommandIds, ViewIds } from '../../src/extension/commandIds';
import { campaignApi } from './campaignHarness';
import { EXTENSION_ID } from './helpers';

interface Manifest {
  contributes: {
    commands: { command: string; title: string; category?: string }[];
    menus: Record<string, { command: string; when?: string }[]>;
    keybindings?: { command: string }[];
    views: Record<string, { id: string }[]>;
  };
}

describe('Campaign commands', () => {
  let manifest: Manifest;
  before(async () => {
    await campaignApi();
    manifest = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as Manifest;
  });

  it('registers exactly the commands package.json contributes', async () => {
    const contributed = manifest.contributes.commands.map((c) => c.command).sort();
    // VS Code adds `<viewId>.focus` and friends for every view; those are not ours to contribute.
    const viewPrefixes = [ViewIds.session, ViewIds.remainingWork, ViewIds.decisions, ViewIds.buildLog].map((v) => `${v}.`);
    const registered = (await vscode.commands.getCommands(true))
      .filter((c) => c.startsWith('campaign.') && !viewPrefixes.some((p) => c.startsWith(p)))
      .sort();
    assert.deepEqual(registered, contributed);
    assert.deepEqual([...Object.values(CommandIds)].sort(), contributed);
  });

  it('uses the issue’s titles under the Campaign category', () => {
    const title = (id: string) => manifest.contributes.commands.find((c) => c.command === id);
    const expected: Record<string, string> = {
      [CommandIds.startSession]: 'Start Session',
      [CommandIds.endSession]: 'End Session',
      [CommandIds.copyPrimer]: 'Copy Session Primer',
      [CommandIds.addWorkItem]: 'Add Work Item',
      [CommandIds.logDecision]: 'Log Decision',
      [CommandIds.initialize]: 'Initialize Campaign',
      [CommandIds.openFile]: 'Open Campaign File',
      [CommandIds.showPrimer]: 'Show Primer',
      [CommandIds.connectAgents]: 'Connect Agents…',
      [CommandIds.disconnectAgents]: 'Disconnect Agents',
      [CommandIds.connectClaudeCode]: 'Connect Claude Code',
      [CommandIds.disconnectClaudeCode]: 'Disconnect Claude Code',
      [CommandIds.importCampaign]: 'Import Campaign…',
      [CommandIds.resolveMergeConflicts]: 'Resolve Merge Conflicts…',
      [CommandIds.keepOurs]: 'Keep Ours',
      [CommandIds.takeTheirs]: 'Take Theirs',
      [CommandIds.setUpGitMerges]: 'Set Up Git Merges',
      [CommandIds.removeGitMergeSetup]: 'Remove Git Merge Setup',
      [CommandIds.archive]: 'Archive Old Entries',
    };
    for (const [id, t] of Object.entries(expected)) assert.equal(title(id)?.title, t, id);
    for (const c of manifest.contributes.commands) assert.equal(c.category, 'Campaign', c.command);
  });

  it('hides item-only commands from the palette and gives every other one a when clause', () => {
    const palette = new Map(manifest.contributes.menus.commandPalette!.map((m) => [m.command, m.when]));
    for (const id of [
      CommandIds.completeWorkItem,
      CommandIds.startSessionOnItem,
      CommandIds.changePriority,
      CommandIds.editWorkItem,
      CommandIds.removeWorkItem,
      CommandIds.sessionMenu,
      CommandIds.keepOurs,
      CommandIds.takeTheirs,
    ]) {
      assert.equal(palette.get(id), 'false', id);
    }
    for (const id of [CommandIds.addWorkItem, CommandIds.logDecision, CommandIds.startSession, CommandIds.connectClaudeCode, CommandIds.resolveMergeConflicts, CommandIds.archive]) {
      assert.match(palette.get(id) ?? '', /!campaign\.readOnly/, `${id} is hidden in untrusted workspaces`);
      assert.match(palette.get(id) ?? '', /!campaign\.invalid/, `${id} is hidden while the file is invalid`);
    }
  });

  it('shows the git, archive and Claude Code commands only where they can run', () => {
    const palette = new Map(manifest.contributes.menus.commandPalette!.map((m) => [m.command, m.when]));
    for (const id of [CommandIds.connectAgents, CommandIds.disconnectAgents, CommandIds.connectClaudeCode, CommandIds.disconnectClaudeCode, CommandIds.importCampaign, CommandIds.setUpGitMerges, CommandIds.removeGitMergeSetup, CommandIds.archive]) {
      assert.match(palette.get(id) ?? '', /!campaign\.readOnly/, id);
    }
    assert.match(palette.get(CommandIds.setUpGitMerges) ?? '', /campaign\.gitRepo/);
    assert.match(palette.get(CommandIds.resolveMergeConflicts) ?? '', /campaign\.hasMergeConflicts/);
    const explorer = manifest.contributes.menus['explorer/context'] ?? [];
    // VS Code normalizes the clause (quotes, order) when it loads the manifest.
    assert.match(explorer.find((m) => m.command === CommandIds.importCampaign)?.when ?? '', /resourceExtname == '?\.md'?/);
  });

  it('refers only to contributed commands from menus and keybindings', () => {
    const contributed = new Set(manifest.contributes.commands.map((c) => c.command));
    for (const [menu, entries] of Object.entries(manifest.contributes.menus)) {
      for (const e of entries) assert.ok(contributed.has(e.command), `${menu}: ${e.command}`);
    }
    for (const k of manifest.contributes.keybindings ?? []) assert.ok(contributed.has(k.command), k.command);
  });

  it('contributes the four views in the Campaign container', () => {
    assert.deepEqual(
      manifest.contributes.views.campaign!.map((v) => v.id),
      [ViewIds.session, ViewIds.remainingWork, ViewIds.decisions, ViewIds.buildLog],
    );
  });
});
