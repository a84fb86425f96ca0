// Tree item action (F2 in the Remaining Work view): rename a work item.
import { updateWork } from '../../core/operations/workOps';
import { CommandIds } from '../commandIds';
import { requiredText } from '../inputValidation';
import { onSameItem, workRef } from '../workItemRef';
import { singleWork, type CampaignCommand } from './commandContext';

export const editWorkItemCommand: CampaignCommand = {
  id: CommandIds.editWorkItem,
  async run(ctx, clicked) {
    const node = singleWork(ctx, clicked);
    if (!node) return;
    ctx.writer.assertWritable(node.store);
    const title = await ctx.ui.showInputBox({
      title: 'Edit Work Item',
      prompt: 'Title',
      value: node.item.title,
      validateInput: requiredText('The title'),
    });
    if (title === undefined || title.trim() === node.item.title) return;
    return (await ctx.writer.run(node.store, onSameItem(node.item, updateWork(workRef(node.item), { title })))).result;
  },
};
