// The Build Log view: one row per entry, newest first (the newest expanded),
// labelled by its title (or first accomplishment) with the date beside it,
// and its accomplishments and the decisions it recorded beneath.
import * as vscode from 'vscode';
import type { BuildLogEntry } from '../core/model/model';
import { absoluteText, relativeText } from '../core/model/timeFormat';
import { CampaignTree, safeTooltip } from './campaignTree';
import type { CampaignStore } from './campaignStore';
import type { CampaignWorkspace } from './campaignWorkspace';
import { CommandIds } from './commandIds';
import { entryTitle } from './buildLogLabels';
import { newestFirst } from './newestFirst';

export type BuildLogNode =
  | { kind: 'entry'; id: string; entry: BuildLogEntry; newest: boolean; index: number; store: CampaignStore }
  | { kind: 'line'; id: string; text: string; what: 'accomplishment' | 'decision'; index: number; store: CampaignStore };

export class BuildLogTree extends CampaignTree<BuildLogNode> {
  constructor(workspace: CampaignWorkspace) {
    super(workspace);
  }

  protected computeChildren(element?: BuildLogNode): BuildLogNode[] {
    if (!element) {
      const store = this.workspace.active;
      const log = store?.campaign?.build_log ?? [];
      if (!store) return [];
      // Ids from the file position: stable while entries are appended, unique even for equal dates.
      const entries = newestFirst(log.map((entry, index) => ({ entry, index })), (e) => e.entry.date);
      return entries.map(({ entry, index }, i) => ({ kind: 'entry', id: `log:${index}`, entry, newest: i === 0, index, store }));
    }
    if (element.kind !== 'entry') return [];
    return [
      ...element.entry.accomplishments.map((text, i): BuildLogNode => ({ kind: 'line', id: `${element.id}/done:${i}`, text, what: 'accomplishment', index: element.index, store: element.store })),
      ...element.entry.decisions.map((text, i): BuildLogNode => ({ kind: 'line', id: `${element.id}/decision:${i}`, text, what: 'decision', index: element.index, store: element.store })),
    ];
  }

  getTreeItem(node: BuildLogNode): vscode.TreeItem {
    if (node.kind === 'line') {
      const item = new vscode.TreeItem(node.text);
      item.id = node.id;
      item.iconPath = new vscode.ThemeIcon(node.what === 'decision' ? 'law' : 'check');
      item.tooltip = safeTooltip((md) => md.field(node.what === 'decision' ? 'Decision' : 'Done', node.text));
      item.contextValue = 'campaign.buildLog.line';
      item.command = revealCommand(node);
      return item;
    }
    const e = node.entry;
    const hasChildren = e.accomplishments.length + e.decisions.length > 0;
    // Titled by what was done: dates alone look identical in a narrow sidebar.
    const item = new vscode.TreeItem(
      entryTitle(e),
      !hasChildren
        ? vscode.TreeItemCollapsibleState.None
        : node.newest
          ? vscode.TreeItemCollapsibleState.Expanded
          : vscode.TreeItemCollapsibleState.Collapsed,
    );
    item.id = node.id;
    item.description = relativeText(e.date, new Date());
    item.iconPath = new vscode.ThemeIcon('history');
    item.tooltip = safeTooltip((md) => {
      md.markup('**').text(absoluteText(e.date)).markup('**');
      if (e.title) md.markup(' — ').text(e.title);
      md.markup('\n\n');
      for (const a of e.accomplishments) md.markup('- ').text(a).markup('\n');
    });
    item.accessibilityInformation = { label: `Build log, ${absoluteText(e.date)}: ${entryTitle(e)}` };
    item.contextValue = 'campaign.buildLog.entry';
    item.command = revealCommand(node);
    return item;
  }
}

function revealCommand(node: BuildLogNode): vscode.Command {
  return { command: CommandIds.revealInFile, title: 'Show in Campaign File', arguments: [node] };
}
