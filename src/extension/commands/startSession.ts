// Campaign: Start Session — pick a piece of remaining work (high priority
// first) or type a focus, then optionally name blockers. Starting on a work
// item marks it in progress.
import * as vscode from 'vscode';
import type { WorkItem } from '../../core/model/model';
import { startSession } from '../../core/operations/sessionOps';
import type { CampaignStore } from '../campaignStore';
import { CommandIds } from '../commandIds';
import { escapeIcons } from '../sessionClock';
import { openWorkInPickOrder, PRIORITY_LABELS, STATUS_LABELS, statusIcon } from '../workGroups';
import { onSameItem, workRef } from '../workItemRef';
import { campaignStore, type CampaignCommand, type CommandContext } from './commandContext';

interface WorkPick extends vscode.QuickPickItem {
  item: WorkItem;
}

export const startSessionCommand: CampaignCommand = {
  id: CommandIds.startSession,
  async run(ctx, arg) {
    const store = await campaignStore(ctx, arg);
    if (!store) return;
    ctx.writer.assertWritable(store);
    const replace = await confirmReplace(ctx, store);
    if (replace === undefined) return;

    const picks: WorkPick[] = openWorkInPickOrder(store.campaign?.remaining_work ?? []).map((item) => ({
      label: `$(${statusIcon(item.status).id}) ${escapeIcons(item.title)}`,
      description: `${PRIORITY_LABELS[item.priority]}${item.status === 'todo' ? '' : ` · ${STATUS_LABELS[item.status]}`}`,
      detail: item.notes,
      item,
    }));
    const choice = await ctx.ui.pickOrType(picks, {
      title: 'Start Session',
      placeholder: picks.length ? 'Pick remaining work, or type what this session is for' : 'Type what this session is for',
      typedLabel: (typed) => `$(edit) Focus: ${typed}`,
    });
    if (!choice) return;
    const blockers = await askBlockers(ctx);
    if (blockers === undefined) return;
    const op =
      'picked' in choice
        ? onSameItem(choice.picked.item, startSession({ workRef: workRef(choice.picked.item), blockers, replace }))
        : startSession({ focus: choice.typed, blockers, replace });
    return (await ctx.writer.run(store, op)).result;
  },
};

/**
 * With a session already active: undefined (cancelled) unless the person
 * chooses to replace it. Replacing drops that session without a build-log
 * entry, so the modal offers End Session first.
 */
export async function confirmReplace(ctx: CommandContext, store: CampaignStore): Promise<boolean | undefined> {
  const active = store.campaign?.active_session;
  if (!active) return false;
  const choice = await ctx.ui.showWarningMessage(
    `A session is already active (focus: ${active.focus}).`,
    { modal: true, detail: 'Replacing it starts a new session without recording this one in the build log. End Session records it with a handoff.' },
    'Replace Session',
    'End Session…',
  );
  if (choice === 'End Session…') {
    await vscode.commands.executeCommand(CommandIds.endSession);
    return undefined;
  }
  return choice === 'Replace Session' ? true : undefined;
}

/** Blockers, separated by semicolons; an empty answer means none, Escape cancels. */
export async function askBlockers(ctx: CommandContext): Promise<string[] | undefined> {
  const answer = await ctx.ui.showInputBox({
    title: 'Start Session: Blockers (optional)',
    prompt: 'Anything blocking this session? Separate several with ";". Leave empty for none.',
    placeHolder: 'e.g. waiting for API keys; staging is down',
  });
  if (answer === undefined) return undefined;
  return answer
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);
}
