// Every folder's campaign in the window (multi-root: one CampaignStore per
// folder), and which one the views and status bar show. The active editor's
// folder is chosen; until an editor or the person picks one, the first folder
// that has a campaign file is shown. Commands that need a folder ask
// `pickStore`, which asks the person only when the choice is ambiguous.
import * as vscode from 'vscode';
import { CampaignStore } from './campaignStore';
import { Disposable } from './disposable';
import { chooseFolder, type FolderNeed } from './folderChoice';
import type { Logger } from './logger';
import type { Ui } from './ui';

export class CampaignWorkspace extends Disposable {
  private readonly byFolder = new Map<string, CampaignStore>();
  private _active: CampaignStore | undefined;
  /** Set once an editor or the person chose the folder; until then the default may move. */
  private pinned = false;
  private initialLoad: Promise<void> = Promise.resolve();
  /** A store showed a preview of its file; the views resolve this once they drew it (campaignViews.ts). */
  previewShown: (store: CampaignStore) => Promise<void> = () => Promise.resolve();

  private readonly changedStore = this._register(new vscode.EventEmitter<CampaignStore>());
  /** Any folder's campaign changed. */
  readonly onDidChangeStore = this.changedStore.event;
  private readonly changedActive = this._register(new vscode.EventEmitter<CampaignStore | undefined>());
  /** The shown campaign changed: another folder, or new content in the same one. Views refresh on this. */
  readonly onDidChangeActive = this.changedActive.event;

  constructor(
    private readonly diagnostics: vscode.DiagnosticCollection,
    private readonly log: Logger,
  ) {
    super();
    this.syncFolders(vscode.workspace.workspaceFolders ?? []);
    this._register(
      vscode.workspace.onDidChangeWorkspaceFolders((e) => {
        for (const f of e.removed) this.removeFolder(f);
        this.syncFolders(e.added);
        this.pickDefault();
      }),
    );
    this._register(vscode.window.onDidChangeActiveTextEditor((editor) => this.followEditor(editor)));
    // File events can arrive late or not at all (a watcher still starting, network and
    // container file systems): coming back to the window re-reads, so what it shows is current.
    this._register(
      vscode.window.onDidChangeWindowState((state) => {
        if (state.focused) for (const store of this.byFolder.values()) store.scheduleReload();
      }),
    );
    this._register({ dispose: () => [...this.byFolder.values()].forEach((s) => s.dispose()) });
    this.followEditor(vscode.window.activeTextEditor);
    this.pickDefault();
  }

  get stores(): readonly CampaignStore[] {
    return [...this.byFolder.values()];
  }

  /** The campaign the views and the status bar show. */
  get active(): CampaignStore | undefined {
    return this._active;
  }

  /** Resolves once every folder's first read is done (tests and the first render wait on it). */
  ready(): Promise<void> {
    return this.initialLoad;
  }

  storeForUri(uri: vscode.Uri): CampaignStore | undefined {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    return folder ? this.byFolder.get(folder.uri.toString()) : undefined;
  }

  /** Shows `store` in the views; an explicit choice sticks until an editor in another folder takes over. */
  setActive(store: CampaignStore | undefined, pin = true): void {
    if (pin) this.pinned = true;
    if (store === this._active) return;
    this._active = store;
    this.log.debug(`showing ${store ? store.folder.name : 'no folder'}`);
    this.changedActive.fire(store);
  }

  /**
   * The folder a command acts on. `need` says which folders qualify; the active
   * editor's folder wins, a single qualifying folder is taken, and otherwise
   * the person picks (undefined when they cancel or none qualifies).
   */
  async pickStore(need: FolderNeed, ui: Ui, placeHolder = 'Which folder’s campaign?'): Promise<CampaignStore | undefined> {
    await this.ready();
    const stores = this.stores;
    const editorFolder = this.editorStore(vscode.window.activeTextEditor);
    const choice = chooseFolder(
      stores.map((s) => ({ key: s.folder.uri.toString(), hasCampaign: s.hasFile })),
      need,
      // What the views show counts as chosen once an editor or the person picked it.
      editorFolder?.folder.uri.toString() ?? (this.pinned ? this._active?.folder.uri.toString() : undefined),
    );
    if (choice.kind === 'none') return undefined;
    if (choice.kind === 'chosen') return this.byFolder.get(choice.key);
    const picked = await ui.showQuickPick(
      choice.keys.map((key) => {
        const store = this.byFolder.get(key)!;
        return { label: store.folder.name, description: store.relativePath, store };
      }),
      { placeHolder },
    );
    return picked?.store;
  }

  private syncFolders(folders: readonly vscode.WorkspaceFolder[]): void {
    const loads: Promise<void>[] = [];
    for (const folder of folders) {
      const key = folder.uri.toString();
      if (this.byFolder.has(key)) continue;
      // The core reads and writes through Node's fs: only local (file:) folders can hold a campaign.
      if (folder.uri.scheme !== 'file') {
        this.log.info(`${folder.name}: skipped (${folder.uri.scheme}: folders are not supported)`);
        continue;
      }
      const store = new CampaignStore(folder, this.diagnostics, this.log.child('store'));
      store.onDidChange(() => this.onStoreChanged(store));
      store.previewShown = () => this.previewShown(store);
      this.byFolder.set(key, store);
      loads.push(store.reload());
    }
    const previous = this.initialLoad;
    this.initialLoad = Promise.all([previous, ...loads]).then(() => undefined);
  }

  private removeFolder(folder: vscode.WorkspaceFolder): void {
    const key = folder.uri.toString();
    const store = this.byFolder.get(key);
    if (!store) return;
    this.byFolder.delete(key);
    store.dispose();
    if (this._active === store) {
      this._active = undefined;
      this.pinned = false;
      this.changedActive.fire(undefined);
    }
  }

  private onStoreChanged(store: CampaignStore): void {
    this.changedStore.fire(store);
    if (!this.pinned) this.pickDefault();
    if (store === this._active) this.changedActive.fire(store);
  }

  private editorStore(editor: vscode.TextEditor | undefined): CampaignStore | undefined {
    if (!editor || editor.document.uri.scheme === 'output') return undefined;
    return this.storeForUri(editor.document.uri);
  }

  private followEditor(editor: vscode.TextEditor | undefined): void {
    const store = this.editorStore(editor);
    if (store) this.setActive(store, true);
  }

  /** Before anyone chose: the first folder with a campaign file, else the first folder. */
  private pickDefault(): void {
    if (this.pinned && this._active) return;
    const stores = this.stores;
    const next = stores.find((s) => s.hasFile) ?? stores[0];
    this.setActive(next, false);
  }
}
