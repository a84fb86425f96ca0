// Keeps .claude/campaign-primer.md in step with the campaign in connected
// projects: after every change the extension makes (the store reloads after
// each write) and whenever the file changes on disk (the store's watcher),
// debounced, and only in trusted workspaces. refreshPrimerFile does nothing
// for a project that is not connected. Construct it once in extension.ts:
//   own(new ClaudePrimerSync(workspace, trust, log.child('claude')));
import * as vscode from 'vscode';
import { refreshPrimerFile } from '../../core/primerFile';
import type { CampaignStore } from '../campaignStore';
import type { CampaignWorkspace } from '../campaignWorkspace';
import { Disposable } from '../disposable';
import type { Logger } from '../logger';
import { tokenBudget } from '../settings';
import type { WorkspaceTrust } from '../trust';

export const PRIMER_SYNC_DEBOUNCE_MS = 300;

export class ClaudePrimerSync extends Disposable {
  private readonly timers = new Map<CampaignStore, ReturnType<typeof setTimeout>>();
  /** Refreshes run one at a time, so two never race on the same file. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    workspace: CampaignWorkspace,
    private readonly trust: WorkspaceTrust,
    private readonly log: Logger,
    private readonly delayMs = PRIMER_SYNC_DEBOUNCE_MS,
  ) {
    super();
    this._register(workspace.onDidChangeStore((store) => this.schedule(store)));
    this._register({
      dispose: () => {
        for (const t of this.timers.values()) clearTimeout(t);
        this.timers.clear();
      },
    });
  }

  schedule(store: CampaignStore): void {
    if (this.isDisposed) return;
    const pending = this.timers.get(store);
    if (pending) clearTimeout(pending);
    this.timers.set(
      store,
      setTimeout(() => {
        this.timers.delete(store);
        this.queue = this.queue.then(() => this.refresh(store));
      }, this.delayMs),
    );
  }

  /** Regenerates the primer file now, if the workspace is trusted and the campaign is valid. */
  async refresh(store: CampaignStore): Promise<boolean> {
    if (!this.trust.isTrusted || store.state.kind !== 'valid') return false;
    // Unsaved edits are not the campaign yet: the primer follows the file on disk.
    const dirty = vscode.workspace.textDocuments.some((d) => d.uri.toString() === store.uri.toString() && d.isDirty);
    if (dirty) return false;
    try {
      const r = await refreshPrimerFile(store.uri.fsPath, { root: store.folder.uri.fsPath, budget: tokenBudget(store.folder) });
      if (r.changed) this.log.info(`refreshed ${vscode.workspace.asRelativePath(r.path)}`);
      return r.changed;
    } catch (err) {
      this.log.warn(`the primer file was not refreshed: ${err instanceof Error ? err.message : String(err)}`);
      return false;
    }
  }
}
