// Campaign: Remove Git Merge Setup — `campaign git-setup --undo`: takes out
// exactly what Set Up Git Merges added (its .gitattributes lines, the file
// itself if it held nothing else, and the driver in .git/config).
import { CommandIds } from '../commandIds';
import { targetStore, type CampaignCommand } from './commandContext';

export const removeGitMergeSetupCommand: CampaignCommand = {
  id: CommandIds.removeGitMergeSetup,
  async run(ctx, arg) {
    const store = await targetStore(ctx, 'any', arg);
    if (!store) return;
    ctx.writer.assertTrusted(store);
    const r = await ctx.gitMerges.undo(store);
    if (!r) {
      void ctx.ui.showInformationMessage(`${store.folder.name} is not in a git repository; there is no git merge setup to remove.`);
      return;
    }
    void ctx.ui.showInformationMessage(
      r.attributes === 'absent' && r.config === 'absent'
        ? 'Git merges of the campaign file were not set up here; nothing to remove.'
        : `Removed the campaign merge driver (${r.attributes === 'removed' ? 'its .gitattributes lines' : 'no .gitattributes lines'}, ${r.config === 'removed' ? 'the git config' : 'no git config'}). Git merges the campaign file as text again.`,
    );
    return r;
  },
};
