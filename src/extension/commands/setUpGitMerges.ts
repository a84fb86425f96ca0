// Campaign: Set Up Git Merges — `campaign git-setup`: git merges the campaign
// file (and its archive files) with Campaign's semantic merge driver. The
// .gitattributes lines are for the whole team (commit them); the driver
// command goes into this clone's .git/config and runs this extension's own
// CLI (gitMerges.ts). Running it again changes nothing, or refreshes a stale
// driver command.
import * as vscode from 'vscode';
import { CommandIds } from '../commandIds';
import { targetStore, type CampaignCommand } from './commandContext';

export const setUpGitMergesCommand: CampaignCommand = {
  id: CommandIds.setUpGitMerges,
  async run(ctx, arg) {
    const store = await targetStore(ctx, 'any', arg);
    if (!store) return;
    ctx.writer.assertTrusted(store);
    const r = await ctx.gitMerges.setUp(store);
    if (!r) {
      void ctx.ui.showInformationMessage(`${store.folder.name} is not in a git repository, so there are no git merges to set up.`);
      return;
    }
    const message =
      r.attributes === 'present' && r.config === 'present'
        ? 'Git merges of the campaign file were already set up here; nothing changed.'
        : r.attributes === 'added'
          ? 'Git now merges the campaign file by meaning. Commit .gitattributes so your team’s merges use it too; each teammate runs “Set Up Git Merges” once.'
          : `Git now merges the campaign file by meaning (the merge driver was ${r.config === 'set' ? 'set up' : 'brought up to date'} in this clone’s git config).`;
    void ctx.ui.showInformationMessage(message, ...(r.attributes === 'added' ? ['Open .gitattributes'] : [])).then((choice) => {
      if (choice) void vscode.window.showTextDocument(vscode.Uri.joinPath(vscode.Uri.file(r.repoRoot), '.gitattributes'));
    });
    return r;
  },
};
