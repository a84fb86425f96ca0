// The Campaign sidebar: the four tree views, created once. Each view's
// message warns while the file is invalid (the trees keep the last good
// state), and in a multi-root workspace each view's description names the
// folder being shown. Merge conflicts left in the file badge the Session view
// (and so the activity bar icon) until they are resolved.
import * as vscode from 'vscode';
import { BuildLogTree, type BuildLogNode } from './buildLogTree';
import type { CampaignWorkspace } from './campaignWorkspace';
import { ViewIds } from './commandIds';
import { DecisionsTree, DimmedDecorations, type DecisionNode } from './decisionsTree';
import { Disposable } from './disposable';
import { shownConflicts } from './mergeConflictItems';
import type { MinuteClock } from './minuteClock';
import { RemainingWorkTree, type MoveHandler, type WorkNode } from './remainingWorkTree';
import { SessionTree, type SessionNode } from './sessionTree';

export class CampaignViews extends Disposable {
  readonly session: SessionTree;
  readonly remainingWork: RemainingWorkTree;
  readonly decisions: DecisionsTree;
  readonly buildLog: BuildLogTree;
  readonly remainingWorkView: vscode.TreeView<WorkNode>;
  readonly sessionView: vscode.TreeView<SessionNode>;
  private readonly views: vscode.TreeView<SessionNode | WorkNode | DecisionNode | BuildLogNode>[];

  constructor(
    private readonly workspace: CampaignWorkspace,
    clock: MinuteClock,
    onMove: MoveHandler,
  ) {
    super();
    this.session = this._register(new SessionTree(workspace, clock));
    this.remainingWork = this._register(new RemainingWorkTree(workspace, onMove));
    this.decisions = this._register(new DecisionsTree(workspace));
    this.buildLog = this._register(new BuildLogTree(workspace));
    this._register(new DimmedDecorations());

    const sessionView = (this.sessionView = this._register(vscode.window.createTreeView(ViewIds.session, { treeDataProvider: this.session })));
    this.remainingWorkView = this._register(
      vscode.window.createTreeView(ViewIds.remainingWork, {
        treeDataProvider: this.remainingWork,
        dragAndDropController: this.remainingWork,
        canSelectMany: true,
        showCollapseAll: true,
      }),
    );
    const decisionsView = this._register(vscode.window.createTreeView(ViewIds.decisions, { treeDataProvider: this.decisions }));
    const buildLogView = this._register(
      vscode.window.createTreeView(ViewIds.buildLog, { treeDataProvider: this.buildLog, showCollapseAll: true }),
    );
    this.views = [sessionView, this.remainingWorkView, decisionsView, buildLogView] as typeof this.views;
    this._register(workspace.onDidChangeActive(() => this.update()));
    this._register(vscode.workspace.onDidChangeWorkspaceFolders(() => this.update()));
    this.update();
  }

  /** The warning every view shows while the file is invalid, if it is (exposed for tests). */
  get message(): string | undefined {
    return this.views[0]?.message;
  }

  private update(): void {
    const store = this.workspace.active;
    const first = store?.problems[0];
    let message: string | undefined;
    if (store && first) {
      const where = `line ${first.line}, column ${first.column}`;
      message = store.campaign
        ? `⚠ ${store.relativePath} has problems (${where}); showing the last good state. Nothing is written until it is fixed — see the Problems panel.`
        : `⚠ ${store.relativePath} has problems (${where}). See the Problems panel.`;
    }
    const multiRoot = (vscode.workspace.workspaceFolders?.length ?? 0) > 1;
    for (const view of this.views) {
      view.message = message;
      view.description = multiRoot ? store?.folder.name : undefined;
    }
    const conflicts = shownConflicts(this.workspace).length;
    this.sessionView.badge =
      conflicts > 0 ? { value: conflicts, tooltip: conflicts === 1 ? '1 merge conflict in the campaign file' : `${conflicts} merge conflicts in the campaign file` } : undefined;
  }
}
