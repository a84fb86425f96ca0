// Tree item action: mark work done. Items written as mappings stay listed as
// done until End Session moves them to the build log; plain-string items
// leave the list at once (the core records them for the session).
import { completeWork } from '../../core/operations/workOps';
import { CommandIds } from '../commandIds';
import { combined, onSameItem, workRef } from '../workItemRef';
import { selectedWork, type CampaignCommand } from './commandContext';

export const completeWorkItemCommand: CampaignCommand = {
  id: CommandIds.completeWorkItem,
  async run(ctx, clicked, selection) {
    const nodes = selectedWork(ctx, clicked, selection).filter((n) => n.item.status !== 'done');
    const store = nodes[0]?.store;
    if (!store) return;
    ctx.writer.assertWritable(store);
    // Last first: completing a plain-string item removes it, which would shift the positions of later ones.
    const ops = nodes
      .filter((n) => n.store === store)
      .sort((a, b) => b.item.index - a.item.index)
      .map((n) => onSameItem(n.item, completeWork(workRef(n.item))));
    return (await ctx.writer.run(store, combined('work.complete', ops))).result;
  },
};
