// Campaign: Open Campaign File — the YAML in an editor, at its first problem
// when it has any.
import { showCampaignFile } from '../campaignFileEditor';
import { CommandIds } from '../commandIds';
import { campaignStore, type CampaignCommand } from './commandContext';

export const openCampaignFileCommand: CampaignCommand = {
  id: CommandIds.openFile,
  async run(ctx, arg) {
    const store = await campaignStore(ctx, arg);
    if (!store) return;
    return showCampaignFile(store);
  },
};
