// Multi-root: choose which folder's campaign the views and status bar show
// (an editor in another folder takes over again when it becomes active).
import { CommandIds } from '../commandIds';
import type { CampaignCommand } from './commandContext';

export const selectFolderCommand: CampaignCommand = {
  id: CommandIds.selectFolder,
  async run(ctx) {
    const picked = await ctx.ui.showQuickPick(
      ctx.workspace.stores.map((store) => ({
        label: store.folder.name,
        description: store.hasFile ? store.relativePath : 'no campaign file',
        store,
      })),
      { title: 'Show the Campaign of…', placeHolder: 'Workspace folder' },
    );
    if (picked) ctx.workspace.setActive(picked.store);
  },
};
