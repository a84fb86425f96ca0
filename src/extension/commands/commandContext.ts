// What every command gets: the campaign workspace, the writer, prompts (Ui),
// the log and the few services some commands need. Tests swap `ui` and
// `openHandoff` to drive the real command code without a person at the
// keyboard.
import * as vscode from 'vscode';
import { CampaignStore } from '../campaignStore';
import type { CampaignWorkspace } from '../campaignWorkspace';
import type { CampaignWriter } from '../campaignWriter';
import type { FolderNeed } from '../folderChoice';
import type { GitCommits } from '../gitCommits';
import type { GitMerges } from '../gitMerges';
import type { HandoffPanelArgs } from '../handoffPanel';
import type { Logger } from '../logger';
import type { PrimerPreview } from '../primerPreview';
import type { WorkNode } from '../remainingWorkTree';
import type { WorkspaceTrust } from '../trust';
import type { Ui } from '../ui';
import { CommandIds, type CommandId } from '../commandIds';

export interface CommandContext {
  readonly extensionUri: vscode.Uri;
  readonly workspace: CampaignWorkspace;
  readonly writer: CampaignWriter;
  readonly trust: WorkspaceTrust;
  readonly log: Logger;
  readonly primerPreview: PrimerPreview;
  readonly git: GitCommits;
  /** The git merge driver setup of each folder's repository. */
  readonly gitMerges: GitMerges;
  ui: Ui;
  openHandoff: (extensionUri: vscode.Uri, args: HandoffPanelArgs) => void;
  /** The Remaining Work view's selection: keybindings in the view run commands without an item argument. */
  workSelection: () => readonly unknown[];
}

/** A command: its id (from CommandIds, matching package.json) and what it does. */
export interface CampaignCommand {
  readonly id: CommandId;
  run(ctx: CommandContext, ...args: unknown[]): unknown;
}

/** Anything a tree passes that names its folder's store (or the store itself). */
interface HasStore {
  store: CampaignStore;
}

export function storeOf(arg: unknown): CampaignStore | undefined {
  if (arg instanceof CampaignStore) return arg;
  return typeof arg === 'object' && arg !== null && 'store' in arg ? (arg as HasStore).store : undefined;
}

/** The folder a command acts on: the tree item's, else the workspace's choice (asking when ambiguous). */
export async function targetStore(ctx: CommandContext, need: FolderNeed, arg?: unknown): Promise<CampaignStore | undefined> {
  return storeOf(arg) ?? (await ctx.workspace.pickStore(need, ctx.ui));
}

/** For commands that need a campaign: the store, or undefined (after saying why, unless the person cancelled a pick). */
export async function campaignStore(ctx: CommandContext, arg?: unknown): Promise<CampaignStore | undefined> {
  const store = await targetStore(ctx, 'campaign', arg);
  if (store) return store;
  if (ctx.workspace.stores.length === 0) {
    void ctx.ui.showInformationMessage('Campaign needs a folder: open one first.', 'Open Folder').then((choice) => {
      if (choice) void vscode.commands.executeCommand('workbench.action.files.openFolder');
    });
  } else if (!ctx.workspace.stores.some((s) => s.hasFile)) {
    void ctx.ui.showInformationMessage('There is no campaign file in this workspace yet.', 'Initialize Campaign').then((choice) => {
      if (choice) void vscode.commands.executeCommand(CommandIds.initialize);
    });
  }
  return undefined;
}

/**
 * Work items a tree command acts on. `target` is the row the command is for:
 * the right-clicked row from a menu, or — from a keybinding — the row with the
 * focus ring (package.json passes `{ $treeViewId, $focusedTreeItem: true }`,
 * which the extension host turns into the focused element). The selection
 * counts only when it contains that row, so arrowing away from a selection and
 * pressing a key acts on the focused row, never on the rows left selected.
 */
export function selectedWork(ctx: CommandContext, target: unknown, selection: unknown): WorkItemNode[] {
  const selected = (Array.isArray(selection) ? selection : ctx.workSelection()).filter(isWorkNode);
  if (isWorkNode(target)) return selected.includes(target) ? selected : [target];
  // A focused group row: there is no work item under the focus ring.
  if (isTreeNode(target)) return [];
  // Called without a row (a test, an older workbench that did not resolve the focus): the selection.
  return selected;
}

/** The one work item a single-item command (edit, start on) acts on: the target row, else the first selected. */
export function singleWork(ctx: CommandContext, target: unknown): WorkItemNode | undefined {
  if (isWorkNode(target)) return target;
  return isTreeNode(target) ? undefined : ctx.workSelection().filter(isWorkNode)[0];
}

export type WorkItemNode = Extract<WorkNode, { kind: 'work' }>;

function isTreeNode(x: unknown): boolean {
  return typeof x === 'object' && x !== null && 'kind' in x && 'store' in x;
}

function isWorkNode(x: unknown): x is WorkItemNode {
  return typeof x === 'object' && x !== null && (x as { kind?: unknown }).kind === 'work' && 'item' in x && 'store' in x;
}
