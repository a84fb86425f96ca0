// Campaign: Show Primer — the session primer in a read-only markdown editor
// that follows the campaign as it changes.
import { CommandIds } from '../commandIds';
import { campaignStore, type CampaignCommand } from './commandContext';

export const showPrimerCommand: CampaignCommand = {
  id: CommandIds.showPrimer,
  async run(ctx, arg) {
    const store = await campaignStore(ctx, arg);
    if (!store) return;
    return ctx.primerPreview.show(store);
  },
};
