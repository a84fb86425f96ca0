// Re-reads every folder's campaign file now (the watcher normally does this;
// this is for file systems whose change events do not arrive).
import { CommandIds } from '../commandIds';
import type { CampaignCommand } from './commandContext';

export const refreshCommand: CampaignCommand = {
  id: CommandIds.refresh,
  async run(ctx) {
    await Promise.all(ctx.workspace.stores.map((s) => s.reload()));
  },
};
