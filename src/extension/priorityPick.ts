// Job: the priority quick pick that Add Work Item and Change Priority share:
// High, Medium, Low, with the current priority marked when there is one.
import type * as vscode from 'vscode';
import { PRIORITIES, type Priority } from '../core/model/model';
import type { Ui } from './ui';
import { PRIORITY_LABELS } from './workGroups';

interface PriorityPick extends vscode.QuickPickItem {
  priority: Priority;
}

/** High, Medium, Low — with the current priority marked when there is one; `preselect` (else the current one) starts active. */
export async function askPriority(
  ctx: { ui: Ui },
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
