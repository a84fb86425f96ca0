// The Remaining Work view: High / Medium / Low groups (all three, so each is
// a drop target; none while there is no work, so the welcome content shows), items in file order with an icon per status and their notes
// in the tooltip. Dragging items onto another group (or onto an item in it)
// changes their priority through the same path as "Change Priority".
import * as vscode from 'vscode';
import type { Priority, WorkItem } from '../core/model/model';
import { absoluteText } from '../core/model/timeFormat';
import { CampaignTree, safeTooltip } from './campaignTree';
import type { CampaignStore } from './campaignStore';
import type { CampaignWorkspace } from './campaignWorkspace';
import { CommandIds } from './commandIds';
import { groupByPriority, PRIORITY_LABELS, STATUS_LABELS, statusIcon } from './workGroups';

/** `preview`: drawn from the preview of a big file still being read (campaignStore.ts): shown, not acted on. */
export type WorkNode =
  | { kind: 'group'; priority: Priority; items: WorkItem[]; store: CampaignStore; preview?: boolean }
  | { kind: 'work'; item: WorkItem; store: CampaignStore; preview?: boolean };

/** The context value of rows drawn from a preview: no menu names it, so no action is offered on them. */
const PREVIEW_CONTEXT = 'campaign.preview';

export type MoveHandler = (store: CampaignStore, items: WorkItem[], priority: Priority) => Promise<void>;

const DRAG_MIME = 'application/vnd.code.tree.campaign.remainingwork';

export class RemainingWorkTree extends CampaignTree<WorkNode> implements vscode.TreeDragAndDropController<WorkNode> {
  readonly dragMimeTypes = [DRAG_MIME];
  readonly dropMimeTypes = [DRAG_MIME];

  constructor(
    workspace: CampaignWorkspace,
    private readonly onMove: MoveHandler,
  ) {
    super(workspace);
  }

  protected computeChildren(element?: WorkNode): WorkNode[] {
    if (element) return element.kind === 'group' ? element.items.map((item) => ({ kind: 'work', item, store: element.store, preview: element.preview })) : [];
    const store = this.workspace.active;
    const campaign = store?.shownCampaign;
    // No work at all: no rows, so the view's welcome content (with Add Work Item) shows instead of empty groups.
    if (!store || !campaign || campaign.remaining_work.length === 0) return [];
    const preview = store.previewing;
    return groupByPriority(campaign.remaining_work).map((g) => ({ kind: 'group', priority: g.priority, items: g.items, store, preview }));
  }

  getParent(element: WorkNode): WorkNode | undefined {
    if (element.kind === 'group') return undefined;
    return this.getChildren().find((g) => g.kind === 'group' && g.priority === element.item.priority);
  }

  getTreeItem(node: WorkNode): vscode.TreeItem {
    if (node.kind === 'group') {
      const item = new vscode.TreeItem(PRIORITY_LABELS[node.priority], vscode.TreeItemCollapsibleState.Expanded);
      const open = node.items.filter((i) => i.status !== 'done').length;
      item.description = open === node.items.length ? `${open}` : `${open} open · ${node.items.length - open} done`;
      item.id = `group:${node.priority}`;
      item.contextValue = node.preview ? PREVIEW_CONTEXT : 'campaign.workGroup';
      item.iconPath = new vscode.ThemeIcon(node.priority === 'high' ? 'arrow-up' : node.priority === 'low' ? 'arrow-down' : 'dash');
      return item;
    }
    const w = node.item;
    const item = new vscode.TreeItem(w.title);
    // Position makes the id unique even when a hand-written file repeats an id or a title.
    item.id = `work:${w.index}:${w.id ?? w.title}`;
    const icon = statusIcon(w.status);
    item.iconPath = new vscode.ThemeIcon(icon.id, icon.color ? new vscode.ThemeColor(icon.color) : undefined);
    // "to do" is the default and says nothing; anything else, and the presence of notes, does.
    item.description = [w.status === 'todo' ? '' : STATUS_LABELS[w.status], w.notes ? 'notes' : ''].filter(Boolean).join(' · ') || undefined;
    item.tooltip = safeTooltip((md) => {
      md.markup('**').text(w.title).markup('**\n\n');
      md.markup(`${PRIORITY_LABELS[w.priority]} priority · ${STATUS_LABELS[w.status]}`);
      if (w.id) md.markup(' · ').text(w.id);
      md.markup('\n\n');
      if (w.added) md.field('Added', absoluteText(w.added));
      if (w.done) md.field('Done', absoluteText(w.done));
      if (w.notes) md.markup('---\n\n').text(w.notes);
    });
    item.contextValue = node.preview ? PREVIEW_CONTEXT : `campaign.work.${w.status}`;
    // A click shows the item in the file and leaves the focus here, so the next key still acts on the tree.
    if (!node.preview) item.command = { command: CommandIds.revealInFile, title: 'Show in Campaign File', arguments: [node] };
    item.accessibilityInformation = { label: `${w.title}, ${PRIORITY_LABELS[w.priority]} priority, ${STATUS_LABELS[w.status]}` };
    return item;
  }

  handleDrag(source: readonly WorkNode[], data: vscode.DataTransfer): void {
    // Rows of a preview are not moved: the file is still being read.
    const items = source.filter((n): n is Extract<WorkNode, { kind: 'work' }> => n.kind === 'work' && !n.preview);
    if (items.length > 0) data.set(DRAG_MIME, new vscode.DataTransferItem(items));
  }

  async handleDrop(target: WorkNode | undefined, data: vscode.DataTransfer): Promise<void> {
    if (!target) return;
    // The workbench may fill this mime type itself with every dragged element (groups too).
    const value: unknown = data.get(DRAG_MIME)?.value;
    const dragged = (Array.isArray(value) ? value : []).filter(
      (n): n is Extract<WorkNode, { kind: 'work' }> => typeof n === 'object' && n !== null && (n as WorkNode).kind === 'work',
    );
    const priority = target.kind === 'group' ? target.priority : target.item.priority;
    const moving = dragged.filter((n) => n.store === target.store && n.item.priority !== priority).map((n) => n.item);
    if (moving.length > 0) await this.onMove(target.store, moving, priority);
  }
}
