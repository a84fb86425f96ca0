// Tree item action (inline and context menu): move work to another priority.
// Drag and drop between the priority groups lands here too (moveWorkItems).
import type { Priority, WorkItem } from '../../core/model/model';
import { updateWork } from '../../core/operations/workOps';
import type { CampaignStore } from '../campaignStore';
import { CommandIds } from '../commandIds';
import { askPriority } from '../priorityPick';
import { combined, onSameItem, workRef } from '../workItemRef';
import { selectedWork, type CampaignCommand, type CommandContext } from './commandContext';

export const changePriorityCommand: CampaignCommand = {
  id: CommandIds.changePriority,
  async run(ctx, clicked, selection) {
    const nodes = selectedWork(ctx, clicked, selection);
    const store = nodes[0]?.store;
    if (!store) return;
    ctx.writer.assertWritable(store);
    const items = nodes.filter((n) => n.store === store).map((n) => n.item);
    const current = items.every((i) => i.priority === items[0]!.priority) ? items[0]!.priority : undefined;
    // All three, the current one marked (and active, so Enter changes nothing).
    const priority = await askPriority(ctx, items.length === 1 ? `Change Priority: ${items[0]!.title}` : `Change Priority of ${items.length} Items`, current);
    if (!priority) return;
    return moveWorkItems(ctx, store, items, priority);
  },
};

/** Sets `priority` on every item, in one write (one undo step in an open editor). */
export async function moveWorkItems(ctx: CommandContext, store: CampaignStore, items: readonly WorkItem[], priority: Priority): Promise<WorkItem[]> {
  const moving = items.filter((i) => i.priority !== priority);
  if (moving.length === 0) return [];
  const ops = moving.map((item) => onSameItem(item, updateWork(workRef(item), { priority })));
  return (await ctx.writer.run(store, combined('work.update', ops))).result;
}
