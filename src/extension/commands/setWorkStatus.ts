// Tree item action (context menu): Set Status… — to do, in progress, blocked
// or done, with the current status marked. Done goes through the same
// operation as Complete (a plain-string item is recorded for the session).
import type * as vscode from 'vscode';
import { WORK_STATUSES, type WorkStatus } from '../../core/model/model';
import { completeWork, updateWork } from '../../core/operations/workOps';
import { CommandIds } from '../commandIds';
import { STATUS_LABELS, statusIcon } from '../workGroups';
import { combined, onSameItem, workRef } from '../workItemRef';
import { selectedWork, type CampaignCommand } from './commandContext';

interface StatusPick extends vscode.QuickPickItem {
  status: WorkStatus;
}

export const setWorkStatusCommand: CampaignCommand = {
  id: CommandIds.setWorkStatus,
  async run(ctx, target, selection) {
    const nodes = selectedWork(ctx, target, selection);
    const store = nodes[0]?.store;
    if (!store) return;
    ctx.writer.assertWritable(store);
    const mine = nodes.filter((n) => n.store === store);
    const current = mine.every((n) => n.item.status === mine[0]!.item.status) ? mine[0]!.item.status : undefined;
    const picks: StatusPick[] = WORK_STATUSES.map((status) => ({
      label: `$(${statusIcon(status).id}) ${capitalize(STATUS_LABELS[status])}`,
      description: status === current ? 'current' : undefined,
      status,
    }));
    const title = mine.length === 1 ? `Set Status: ${mine[0]!.item.title}` : `Set Status of ${mine.length} Items`;
    const pick = await ctx.ui.showQuickPick(picks, { title, placeHolder: 'Status' });
    if (!pick) return;
    const changing = mine.filter((n) => n.item.status !== pick.status);
    if (changing.length === 0) return [];
    // Last first: completing a plain-string item removes it, which would shift later positions.
    const ops = changing
      .sort((a, b) => b.item.index - a.item.index)
      .map((n) => onSameItem(n.item, pick.status === 'done' ? completeWork(workRef(n.item)) : updateWork(workRef(n.item), { status: pick.status })));
    return (await ctx.writer.run(store, combined('work.update', ops))).result;
  },
};

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
