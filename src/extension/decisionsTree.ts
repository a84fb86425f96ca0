// The Decisions view: newest first, the rationale beside each decision and
// in its tooltip. Superseded decisions stay (history matters) but are dimmed:
// a tree item's label cannot be coloured directly, so each superseded row gets
// a `campaign-tree:` resourceUri that DimmedDecorations colours with the
// theme's disabled foreground.
import * as vscode from 'vscode';
import type { Decision } from '../core/model/model';
import { absoluteText } from '../core/model/timeFormat';
import { CampaignTree, safeTooltip } from './campaignTree';
import type { CampaignStore } from './campaignStore';
import type { CampaignWorkspace } from './campaignWorkspace';
import { CommandIds } from './commandIds';
import { Disposable } from './disposable';
import { newestFirst } from './newestFirst';

export type DecisionNode = { kind: 'decision'; decision: Decision; store: CampaignStore };

export const TREE_DECORATION_SCHEME = 'campaign-tree';
const DIMMED = 'dimmed';

export class DecisionsTree extends CampaignTree<DecisionNode> {
  constructor(workspace: CampaignWorkspace) {
    super(workspace);
  }

  protected computeChildren(element?: DecisionNode): DecisionNode[] {
    if (element) return [];
    const store = this.workspace.active;
    const decisions = store?.campaign?.decisions_log ?? [];
    if (!store) return [];
    return newestFirst(decisions, (d) => d.date).map((decision) => ({ kind: 'decision', decision, store }));
  }

  getTreeItem(node: DecisionNode): vscode.TreeItem {
    const d = node.decision;
    const superseded = d.status === 'superseded';
    const item = new vscode.TreeItem(d.decision);
    item.id = `decision:${d.index}`;
    item.description = superseded ? `superseded${d.superseded_by ? ` by ${d.superseded_by}` : ''} · ${d.rationale}` : d.rationale;
    item.iconPath = superseded
      ? new vscode.ThemeIcon('circle-slash', new vscode.ThemeColor('disabledForeground'))
      : new vscode.ThemeIcon('law');
    if (superseded) item.resourceUri = vscode.Uri.from({ scheme: TREE_DECORATION_SCHEME, path: `/decision/${d.index}`, query: DIMMED });
    item.tooltip = safeTooltip((md) => {
      md.markup('**').text(d.decision).markup('**\n\n');
      md.field('Why', d.rationale || '(no rationale recorded)');
      if (d.date) md.field('Date', absoluteText(d.date));
      if (d.id) md.field('Id', d.id);
      if (superseded) md.field('Superseded by', d.superseded_by ?? 'a later decision');
    });
    item.contextValue = superseded ? 'campaign.decision.superseded' : 'campaign.decision';
    item.command = { command: CommandIds.revealInFile, title: 'Show in Campaign File', arguments: [node] };
    item.accessibilityInformation = { label: `${superseded ? 'Superseded decision' : 'Decision'}: ${d.decision}. Why: ${d.rationale}` };
    return item;
  }
}

/** Colours `campaign-tree:` rows marked dimmed with the theme's disabled foreground. */
export class DimmedDecorations extends Disposable implements vscode.FileDecorationProvider {
  constructor() {
    super();
    this._register(vscode.window.registerFileDecorationProvider(this));
  }

  provideFileDecoration(uri: vscode.Uri): vscode.FileDecoration | undefined {
    if (uri.scheme !== TREE_DECORATION_SCHEME || uri.query !== DIMMED) return undefined;
    return { color: new vscode.ThemeColor('disabledForeground') };
  }
}
