// Tree item action: start a session on this work item (it becomes the focus
// and goes in progress), with optional blockers.
import { startSession } from '../../core/operations/sessionOps';
import { CommandIds } from '../commandIds';
import { onSameItem, workRef } from '../workItemRef';
import { singleWork, type CampaignCommand } from './commandContext';
import { askBlockers, confirmReplace } from './startSession';

export const startSessionOnItemCommand: CampaignCommand = {
  id: CommandIds.startSessionOnItem,
  async run(ctx, clicked) {
    const node = singleWork(ctx, clicked);
    if (!node) return;
    ctx.writer.assertWritable(node.store);
    const replace = await confirmReplace(ctx, node.store);
    if (replace === undefined) return;
    const blockers = await askBlockers(ctx);
    if (blockers === undefined) return;
    const op = onSameItem(node.item, startSession({ workRef: workRef(node.item), blockers, replace }));
    return (await ctx.writer.run(node.store, op)).result;
  },
};
