// Opens the "Campaign" log (Output panel), where every operation and every
// unexpected error is recorded.
import { CommandIds } from '../commandIds';
import type { CampaignCommand } from './commandContext';

export const showLogCommand: CampaignCommand = {
  id: CommandIds.showLog,
  run(ctx) {
    ctx.log.show();
  },
};
