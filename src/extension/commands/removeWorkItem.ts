// Tree item action (Delete in the Remaining Work view): remove work items
// after a modal confirmation. Removal is not completion: nothing goes to the
// build log.
import { removeWork } from '../../core/operations/workOps';
import { CommandIds } from '../commandIds';
import { combined, onSameItem, workRef } from '../workItemRef';
import { selectedWork, type CampaignCommand } from './commandContext';

export const removeWorkItemCommand: CampaignCommand = {
  id: CommandIds.removeWorkItem,
  async run(ctx, clicked, selection) {
    const nodes = selectedWork(ctx, clicked, selection);
    const store = nodes[0]?.store;
    if (!store) return;
    ctx.writer.assertWritable(store);
    const mine = nodes.filter((n) => n.store === store);
    const what = mine.length === 1 ? `"${mine[0]!.item.title}"` : `${mine.length} work items`;
    const choice = await ctx.ui.showWarningMessage(
      `Remove ${what} from remaining work?`,
      { modal: true, detail: 'It is deleted from the campaign file, not recorded as done. To record it as done, use Complete instead.' },
      'Remove',
    );
    if (choice !== 'Remove') return;
    // Last first, so removing one does not shift the positions of the others.
    const ops = mine.sort((a, b) => b.item.index - a.item.index).map((n) => onSameItem(n.item, removeWork(workRef(n.item))));
    return (await ctx.writer.run(store, combined('work.remove', ops))).result;
  },
};
