// Keeps .claude/campaign-primer.md in step with the campaign in projects
// connected to Claude Code (docs/claude-code.md), in trusted workspaces only.
// Two paths lead here:
// - The extension's own writes: CampaignWriter runs `refreshNow` after each
//   change it made on disk, before the command returns.
// - Everything else (an agent, the CLI, git, a save in the editor): the
//   store's change event, or the save of the campaign file, schedules a
//   debounced refresh.
// The extension's own write is seen twice — the writer's store reload fires
// the change event (a refresh is scheduled) and then the file watcher fires
// too — so `refreshNow` drops the scheduled refresh, the store ignores the
// watcher's re-read of identical text, and the primer is not regenerated for
// campaign text (and budget) it was last generated from. refreshPrimerFile
// itself does nothing for a project that is not connected.
import * as vscode from 'vscode';
import { refreshPrimerFile } from '../core/primer/primerFile';
import type { CampaignStore } from './campaignStore';
import type { CampaignWorkspace } from './campaignWorkspace';
import type { CampaignWriter } from './campaignWriter';
import { Disposable } from './disposable';
import type { Logger } from './logger';
import { SETTING_KEYS, tokenBudget } from './settings';
import type { WorkspaceTrust } from './trust';

export const PRIMER_SYNC_DEBOUNCE_MS = 300;

export class ClaudePrimerSync extends Disposable {
  private readonly timers = new Map<CampaignStore, ReturnType<typeof setTimeout>>();
  /** Per store: the budget and campaign text the primer file was last generated from. */
  private readonly generatedFrom = new WeakMap<CampaignStore, string>();
  /** Refreshes run one at a time, so two never race on the same file. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    workspace: CampaignWorkspace,
    writer: CampaignWriter,
    private readonly trust: WorkspaceTrust,
    private readonly log: Logger,
    private readonly delayMs = PRIMER_SYNC_DEBOUNCE_MS,
  ) {
    super();
    this._register(writer.onDidWriteFile(async (store) => void (await this.refreshNow(store))));
    this._register(workspace.onDidChangeStore((store) => this.schedule(store)));
    // Saving edits the store already showed changes no text it knows: the save itself is the cue.
    this._register(
      vscode.workspace.onDidSaveTextDocument((doc) => {
        const store = workspace.storeForUri(doc.uri);
        if (store && store.uri.toString() === doc.uri.toString()) this.schedule(store);
      }),
    );
    this._register(
      vscode.workspace.onDidChangeConfiguration((e) => {
        for (const store of workspace.stores) if (e.affectsConfiguration(SETTING_KEYS.tokenBudget, store.folder)) this.schedule(store);
      }),
    );
    this._register(trust.onDidChange((trusted) => trusted && workspace.stores.forEach((s) => this.schedule(s))));
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
        this.enqueue(store);
      }, this.delayMs),
    );
  }

  /** Refreshes now (dropping a scheduled refresh of the same store); resolves when the file is written. */
  async refreshNow(store: CampaignStore): Promise<boolean> {
    const pending = this.timers.get(store);
    if (pending) clearTimeout(pending);
    this.timers.delete(store);
    return this.enqueue(store);
  }

  private enqueue(store: CampaignStore): Promise<boolean> {
    const run = this.queue.then(() => this.refresh(store));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Regenerates the primer file, if the workspace is trusted, the campaign valid and saved, and it changed since last time. */
  async refresh(store: CampaignStore): Promise<boolean> {
    const state = store.state;
    if (this.isDisposed || !this.trust.isTrusted || state.kind !== 'valid') return false;
    // Unsaved edits are not the campaign yet: the primer follows the file on disk.
    const dirty = vscode.workspace.textDocuments.some((d) => d.uri.toString() === store.uri.toString() && d.isDirty);
    if (dirty) return false;
    const budget = tokenBudget(store.folder);
    const from = `${budget}\n${state.text}`;
    if (this.generatedFrom.get(store) === from) return false;
    try {
      const r = await refreshPrimerFile(store.uri.fsPath, { root: store.folder.uri.fsPath, budget });
      if (r.connected) this.generatedFrom.set(store, from);
      else this.generatedFrom.delete(store);
      if (r.changed) this.log.info(`refreshed ${vscode.workspace.asRelativePath(r.path)}`);
      return r.changed;
    } catch (err) {
      this.log.warn(`the primer file was not refreshed: ${err instanceof Error ? err.message : String(err)}`);
      return false;
    }
  }
}
