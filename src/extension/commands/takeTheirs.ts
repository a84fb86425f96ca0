// Take Theirs — a merge conflict row's inline action: the other branch's
// value replaces yours, and the conflict entry goes.
import { CommandIds } from '../commandIds';
import type { CampaignCommand } from './commandContext';
import { resolveConflictNode } from './resolveMergeConflicts';

export const takeTheirsCommand: CampaignCommand = {
  id: CommandIds.takeTheirs,
  run: (ctx, node) => resolveConflictNode(ctx, node, 'theirs'),
};
