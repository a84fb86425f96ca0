// Campaign: Add Work Item — a title, then a priority. From a priority group's
// inline "+" the group's priority is used and only the title is asked.
import { PRIORITIES, type Priority } from '../../core/model/model';
import { addWork } from '../../core/operations/workOps';
import { CommandIds } from '../commandIds';
import { requiredText } from '../inputValidation';
import { askPriority } from '../priorityPick';
import { campaignStore, type CampaignCommand } from './commandContext';

export const addWorkItemCommand: CampaignCommand = {
  id: CommandIds.addWorkItem,
  async run(ctx, arg) {
    const store = await campaignStore(ctx, arg);
    if (!store) return;
    ctx.writer.assertWritable(store);
    const title = await ctx.ui.showInputBox({
      title: 'Add Work Item',
      prompt: 'What needs doing?',
      placeHolder: 'e.g. Add rate limiting to auth endpoints',
      validateInput: requiredText('The title'),
    });
    if (title === undefined) return;
    // Medium is what the file and the handoff form default to, so it is the one Enter picks.
    const priority = groupPriority(arg) ?? (await askPriority(ctx, 'Add Work Item: Priority', undefined, PRIORITIES, 'medium'));
    if (!priority) return;
    return (await ctx.writer.run(store, addWork({ title, priority }))).result;
  },
};

function groupPriority(arg: unknown): Priority | undefined {
  if (typeof arg !== 'object' || arg === null) return undefined;
  const node = arg as { kind?: unknown; priority?: unknown };
  return node.kind === 'group' && (PRIORITIES as readonly unknown[]).includes(node.priority) ? (node.priority as Priority) : undefined;
}
