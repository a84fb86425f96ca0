// Tree item action (context menu): Edit Notes… — the item's notes in an input
// box; clearing the box removes them.
import { updateWork } from '../../core/operations/workOps';
import { CommandIds } from '../commandIds';
import { optionalText } from '../inputValidation';
import { onSameItem, workRef } from '../workItemRef';
import { singleWork, type CampaignCommand } from './commandContext';

export const editWorkNotesCommand: CampaignCommand = {
  id: CommandIds.editWorkNotes,
  async run(ctx, target) {
    const node = singleWork(ctx, target);
    if (!node) return;
    ctx.writer.assertWritable(node.store);
    const notes = await ctx.ui.showInputBox({
      title: `Edit Notes: ${node.item.title}`,
      prompt: 'Notes (leave empty to remove them)',
      value: node.item.notes ?? '',
      validateInput: optionalText('The notes'),
    });
    if (notes === undefined || notes.trim() === (node.item.notes ?? '').trim()) return;
    const op = updateWork(workRef(node.item), { notes: notes.trim() === '' ? null : notes });
    return (await ctx.writer.run(node.store, onSameItem(node.item, op))).result;
  },
};
