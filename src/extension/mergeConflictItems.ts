// Merge conflicts a git merge left in the campaign file (`merge_conflicts:`,
// docs/team.md) as the Session view shows them: a warning row at the top,
// expanded to one row per conflict — where it is and both values — with Keep
// Ours / Take Theirs as inline actions (package.json, viewItem
// campaign.mergeConflict).
import * as vscode from 'vscode';
import { conflictLabel, conflictValuePreview } from '../core/merge/conflictLabels';
import { readMergeConflicts, type RecordedConflict } from '../core/operations/mergeConflictOps';
import { safeTooltip } from './campaignTree';
import type { CampaignStore } from './campaignStore';
import type { CampaignWorkspace } from './campaignWorkspace';
import { CommandIds } from './commandIds';

/** One row per merge conflict; Keep Ours / Take Theirs act on it. */
export interface ConflictNode {
  kind: 'conflict';
  conflict: RecordedConflict;
  store: CampaignStore;
}

/** The conflicts in the shown campaign (none while there is no campaign). */
export function shownConflicts(workspace: CampaignWorkspace): RecordedConflict[] {
  const doc = workspace.active?.document;
  return doc ? readMergeConflicts(doc) : [];
}

export function isConflictNode(x: unknown): x is ConflictNode {
  return typeof x === 'object' && x !== null && (x as { kind?: unknown }).kind === 'conflict' && 'conflict' in x && 'store' in x;
}

/** The warning row: "2 merge conflicts", expanded; a click walks them (Resolve Merge Conflicts…). */
export function conflictsHeaderItem(count: number): vscode.TreeItem {
  const item = new vscode.TreeItem(count === 1 ? '1 merge conflict' : `${count} merge conflicts`, vscode.TreeItemCollapsibleState.Expanded);
  item.description = 'keep ours or take theirs';
  item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
  item.tooltip = safeTooltip((md) =>
    md.markup(
      '**A git merge left conflicts in the campaign file:** both branches changed the same thing in different ways. ' +
        'The file keeps your branch’s value (ours) until you choose: Keep Ours or Take Theirs on each row, or click here ' +
        'to go through them one by one. When none are left, stage the file (`git add`) to finish the merge.',
    ),
  );
  item.command = { command: CommandIds.resolveMergeConflicts, title: 'Resolve Merge Conflicts…' };
  item.contextValue = 'campaign.mergeConflicts';
  return item;
}

/** A conflict's row: "Work item w1 — title", both values beside it and in the tooltip. */
export function conflictItem(node: ConflictNode): vscode.TreeItem {
  const c = node.conflict;
  const item = new vscode.TreeItem(conflictLabel(c.path));
  item.description = `ours: ${conflictValuePreview(c.ours, 40)} · theirs: ${conflictValuePreview(c.theirs, 40)}`;
  item.iconPath = new vscode.ThemeIcon('git-merge');
  item.tooltip = safeTooltip((md) =>
    md
      .field('Where', c.path)
      .field('Ours (in the file now)', conflictValuePreview(c.ours, 1000))
      .field('Theirs', conflictValuePreview(c.theirs, 1000)),
  );
  item.command = { command: CommandIds.resolveMergeConflicts, title: 'Resolve Merge Conflict…', arguments: [node] };
  item.contextValue = 'campaign.mergeConflict';
  item.accessibilityInformation = {
    label: `Merge conflict: ${conflictLabel(c.path)}. Ours: ${conflictValuePreview(c.ours)}. Theirs: ${conflictValuePreview(c.theirs)}.`,
  };
  return item;
}
