// Keep Ours — a merge conflict row's inline action: the value your branch had
// stays, and the conflict entry goes.
import { CommandIds } from '../commandIds';
import type { CampaignCommand } from './commandContext';
import { resolveConflictNode } from './resolveMergeConflicts';

export const keepOursCommand: CampaignCommand = {
  id: CommandIds.keepOurs,
  run: (ctx, node) => resolveConflictNode(ctx, node, 'ours'),
};
