// Campaign: Resolve Merge Conflicts… — goes through the conflicts a git merge
// left under `merge_conflicts:` (docs/team.md), one Quick Pick each showing
// both values: Keep Ours, Take Theirs, or Skip. Each choice is written at
// once (one operation per conflict), so stopping half-way loses nothing.
// From a conflict's row in the Session view it asks about that one conflict.
import type * as vscode from 'vscode';
import { conflictLabel, conflictValuePreview } from '../../core/merge/conflictLabels';
import { readMergeConflicts, type ConflictSide, type RecordedConflict } from '../../core/operations/mergeConflictOps';
import type { CampaignStore } from '../campaignStore';
import { CommandIds } from '../commandIds';
import { isConflictNode } from '../mergeConflictItems';
import { resolveSameConflict } from '../mergeConflictRef';
import { campaignStore, type CampaignCommand, type CommandContext } from './commandContext';

interface SidePick extends vscode.QuickPickItem {
  side: ConflictSide | undefined;
}

/** Keeps one side of a conflict row's conflict (Keep Ours / Take Theirs). */
export async function resolveConflictNode(ctx: CommandContext, node: unknown, side: ConflictSide): Promise<RecordedConflict | undefined> {
  if (!isConflictNode(node)) return undefined;
  ctx.writer.assertWritable(node.store);
  return (await ctx.writer.run(node.store, resolveSameConflict(node.conflict, side))).result;
}

export const resolveMergeConflictsCommand: CampaignCommand = {
  id: CommandIds.resolveMergeConflicts,
  async run(ctx, arg) {
    const store = await campaignStore(ctx, arg);
    if (!store) return;
    ctx.writer.assertWritable(store);
    const conflicts = isConflictNode(arg) ? [arg.conflict] : store.document ? readMergeConflicts(store.document) : [];
    if (conflicts.length === 0) {
      void ctx.ui.showInformationMessage(`There are no merge conflicts in ${store.relativePath}.`);
      return 0;
    }
    let resolved = 0;
    for (const [i, conflict] of conflicts.entries()) {
      const side = await askSide(ctx, conflict, conflicts.length > 1 ? ` (${i + 1}/${conflicts.length})` : '');
      if (side === 'stop') break;
      if (side === undefined) continue;
      await ctx.writer.run(store, resolveSameConflict(conflict, side));
      resolved++;
    }
    if (resolved > 0) void ctx.ui.showInformationMessage(summary(store, resolved));
    return resolved;
  },
};

async function askSide(ctx: CommandContext, c: RecordedConflict, counter: string): Promise<ConflictSide | 'stop' | undefined> {
  const items: SidePick[] = [
    { label: 'Keep Ours', description: 'your branch’s value, in the file now', detail: conflictValuePreview(c.ours, 200), side: 'ours' },
    { label: 'Take Theirs', description: 'the other branch’s value', detail: conflictValuePreview(c.theirs, 200), side: 'theirs' },
    { label: 'Skip', description: 'decide later', side: undefined },
  ];
  const pick = await ctx.ui.showQuickPick(items, {
    title: `Resolve Merge Conflicts${counter}: ${conflictLabel(c.path)}`,
    placeHolder: `${c.path} — which value should the campaign keep?`,
    ignoreFocusOut: true,
  });
  return pick ? pick.side : 'stop';
}

function summary(store: CampaignStore, resolved: number): string {
  const left = store.document ? readMergeConflicts(store.document).length : 0;
  const done = `Resolved ${resolved} merge conflict${resolved === 1 ? '' : 's'} in ${store.relativePath}.`;
  return left === 0 ? `${done} None are left: stage the file (git add) to finish the merge.` : `${done} ${left} left.`;
}
