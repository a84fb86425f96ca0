// Campaign: Add Work Item — a title, then a priority. From a priority group's
// inline "+" the group's priority is used and only the title is asked.
import type * as vscode from 'vscode';
import { PRIORITIES, type Priority } from '../../core/model/model';
import { addWork } from '../../core/operations/workOps';
import { CommandIds } from '../commandIds';
import { requiredText } from '../inputValidation';
import { PRIORITY_LABELS } from '../workGroups';
import { campaignStore, type CampaignCommand, type CommandContext } from './commandContext';

interface PriorityPick extends vscode.QuickPickItem {
  priority: Priority;
}

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

/** High, Medium, Low — with the current priority marked when there is one; `preselect` (else the current one) starts active. */
export async function askPriority(
  ctx: CommandContext,
  title: string,
  current?: Priority,
  choices: readonly Priority[] = PRIORITIES,
  preselect: Priority | undefined = current,
): Promise<Priority | undefined> {
  const picks: PriorityPick[] = choices.map((priority) => ({
    label: PRIORITY_LABELS[priority],
    description: priority === current ? 'current' : undefined,
    ...(priority === preselect ? { picked: true } : {}),
    priority,
  }));
  return (await ctx.ui.showQuickPick(picks, { title, placeHolder: 'Priority' }))?.priority;
}
