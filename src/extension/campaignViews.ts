// The Campaign sidebar: the four tree views, created once. While the file is
// invalid there is one message, the Session view's problem row, with a badge
// on the Session view (and so on the activity bar icon); the other views keep
// the last good state and say so in a word beside their title. In a
// multi-root workspace each view's description names the folder being shown.
// Merge conflicts left in the file badge the Session view until resolved.
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

/** How long the whole parse of a big file waits, at most, for a visible Remaining Work to draw its preview. */
const PREVIEW_DRAW_CAP_MS = 250;

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
    // A preview of a big file (campaignStore.ts) is worth showing only if the view draws it before the whole
    // parse keeps the extension host busy: wait for a visible Remaining Work to ask for its rows.
    workspace.previewShown = (store) =>
      store === workspace.active && this.remainingWorkView.visible ? this.remainingWork.nextRootsAsked(PREVIEW_DRAW_CAP_MS) : Promise.resolve();
    this._register({ dispose: () => (workspace.previewShown = () => Promise.resolve()) });
    this._register(workspace.onDidChangeActive(() => this.update()));
    this._register(vscode.workspace.onDidChangeWorkspaceFolders(() => this.update()));
    this.update();
  }

  /** Each view's title description, in view order (for tests): the folder, and "last good state" while invalid. */
  get descriptions(): (string | undefined)[] {
    return this.views.map((v) => v.description);
  }

  /** Each view's message, in view order (for tests): the broken state is never one of them. */
  get messages(): (string | undefined)[] {
    return this.views.map((v) => v.message);
  }

  private update(): void {
    const store = this.workspace.active;
    const problems = store?.problems.length ?? 0;
    const multiRoot = (vscode.workspace.workspaceFolders?.length ?? 0) > 1;
    for (const view of this.views) {
      const parts = [multiRoot ? store?.folder.name : undefined, problems > 0 && view !== this.sessionView && store?.campaign ? 'last good state' : undefined];
      view.description = parts.filter(Boolean).join(' · ') || undefined;
    }
    const conflicts = shownConflicts(this.workspace).length;
    this.sessionView.badge =
      problems > 0
        ? { value: problems, tooltip: problems === 1 ? '1 problem in the campaign file' : `${problems} problems in the campaign file` }
        : conflicts > 0
          ? { value: conflicts, tooltip: conflicts === 1 ? '1 merge conflict in the campaign file' : `${conflicts} merge conflicts in the campaign file` }
          : undefined;
  }
}
