// Tree item action (context menu on done items): Reopen — back to to do (the
// `done:` date goes with it), through the same update as Set Status.
import { updateWork } from '../../core/operations/workOps';
import { CommandIds } from '../commandIds';
import { combined, onSameItem, workRef } from '../workItemRef';
import { selectedWork, type CampaignCommand } from './commandContext';

export const reopenWorkItemCommand: CampaignCommand = {
  id: CommandIds.reopenWorkItem,
  async run(ctx, target, selection) {
    const nodes = selectedWork(ctx, target, selection).filter((n) => n.item.status === 'done');
    const store = nodes[0]?.store;
    if (!store) return;
    ctx.writer.assertWritable(store);
    const ops = nodes.filter((n) => n.store === store).map((n) => onSameItem(n.item, updateWork(workRef(n.item), { status: 'todo' })));
    return (await ctx.writer.run(store, combined('work.update', ops))).result;
  },
};
