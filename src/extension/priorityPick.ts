// Job: the priority quick pick that Add Work Item and Change Priority share:
// High, Medium, Low, with the current priority marked when there is one.
import type * as vscode from 'vscode';
import { PRIORITIES, type Priority } from '../core/model/model';
import type { Ui } from './ui';
import { PRIORITY_LABELS } from './workGroups';

interface PriorityPick extends vscode.QuickPickItem {
  priority: Priority;
}

export async function askPriority(ctx: { ui: Ui }, title: string, current?: Priority, choices: readonly Priority[] = PRIORITIES): Promise<Priority | undefined> {
  const picks: PriorityPick[] = choices.map((priority) => ({
    label: PRIORITY_LABELS[priority],
    description: priority === current ? 'current' : undefined,
    priority,
  }));
  return (await ctx.ui.showQuickPick(picks, { title, placeHolder: 'Priority' }))?.priority;
}
