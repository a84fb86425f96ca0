// Git's side of team use (docs/team.md): whether the shown folder is in a git
// repository and whether its merges already use Campaign's semantic merge
// driver (context keys for the Set Up / Remove buttons), setting that up and
// taking it out again, and — on activation — bringing a driver up to date
// whose command names an older install of this extension (the extension's
// folder has the version in its name, so every update leaves the configured
// driver pointing at a folder that is about to disappear).
//
// The driver runs this extension's own CLI bundle (dist/cli.js), so no npm
// install is needed. git runs it with `node` from PATH; where there is no
// node on PATH, with this editor's own runtime as node (ELECTRON_RUN_AS_NODE).
// Git is never run in an untrusted workspace: a repository's config can make
// git run programs.
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { DriverRuntime, GitSetupResult, GitUndoResult } from '../core/merge/gitSetup';
import { rareCore } from './lazy/loadLazy';
import type { CampaignStore } from './campaignStore';
import type { CampaignWorkspace } from './campaignWorkspace';
import type { CampaignContextKeys } from './contextKeys';
import { Disposable } from './disposable';
import { driverRuntime, runsThisExtension } from './driverRuntime';
import type { Logger } from './logger';
import type { WorkspaceTrust } from './trust';

export interface GitMergeState {
  /** The shown folder is inside a git work tree. */
  repo: boolean;
  /** .gitattributes routes the campaign file to the driver and the configured command is this extension's. */
  setUp: boolean;
}

export class GitMerges extends Disposable {
  private shownFolder: string | undefined;
  /** Looks run one at a time, in order, so the last one started is the one that sets the keys last. */
  private queue: Promise<unknown> = Promise.resolve();
  private watcher: vscode.Disposable | undefined;
  private _state: GitMergeState = { repo: false, setUp: false };

  constructor(
    private readonly workspace: CampaignWorkspace,
    private readonly trust: WorkspaceTrust,
    private readonly contextKeys: CampaignContextKeys,
    private readonly log: Logger,
    private readonly extensionPath: string,
  ) {
    super();
    this._register(
      workspace.onDidChangeActive((store) => {
        // The same folder's content changed: nothing git-related did.
        if (store?.folder.uri.toString() === this.shownFolder) return;
        this.shownFolder = store?.folder.uri.toString();
        this.watchFolder(store);
        void this.update();
      }),
    );
    this._register(
      trust.onDidChange((trusted) => {
        void this.update();
        if (trusted) void this.refreshStaleDrivers();
      }),
    );
    // `git init` in a terminal, or another clone's setup: looked at again when the window is back in focus.
    this._register(vscode.window.onDidChangeWindowState((s) => s.focused && void this.update()));
    this._register({ dispose: () => this.watcher?.dispose() });
    this.shownFolder = workspace.active?.folder.uri.toString();
    this.watchFolder(workspace.active);
    void workspace.ready().then(async () => {
      await this.refreshStaleDrivers();
      await this.update();
    });
  }

  get state(): GitMergeState {
    return this._state;
  }

  /** What the driver command runs (recomputed: PATH can change). */
  runtime(): DriverRuntime {
    return driverRuntime(this.extensionPath);
  }

  /** Sets up git merges for `store`'s repository; undefined when the folder is not in one. */
  async setUp(store: CampaignStore): Promise<GitSetupResult | undefined> {
    const cwd = store.folder.uri.fsPath;
    const campaignPath = await realCampaignPath(store);
    if (!(await rareCore().gitSetupStatus({ cwd, ...this.runtime(), campaignPath }))) return undefined;
    const r = await rareCore().gitSetup({ cwd, ...this.runtime(), campaignPath });
    this.log.info(`git-setup in ${r.repoRoot}: .gitattributes ${r.attributes}, driver ${r.config} (${r.driver})`);
    await this.update();
    return r;
  }

  /** Removes exactly what setUp added; undefined when the folder is not in a repository. */
  async undo(store: CampaignStore): Promise<GitUndoResult | undefined> {
    const cwd = store.folder.uri.fsPath;
    const campaignPath = await realCampaignPath(store);
    if (!(await rareCore().gitSetupStatus({ cwd, ...this.runtime(), campaignPath }))) return undefined;
    const r = await rareCore().gitSetupUndo({ cwd, campaignPath });
    this.log.info(`git-setup --undo in ${r.repoRoot}: .gitattributes ${r.attributes}, driver ${r.config}`);
    await this.update();
    return r;
  }

  /** Re-reads the shown folder's git state and sets the context keys; resolves with what it found. */
  update(): Promise<GitMergeState> {
    const run = this.queue.then(() => this.look());
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async look(): Promise<GitMergeState> {
    const store = this.workspace.active;
    let next: GitMergeState = { repo: false, setUp: false };
    if (store && this.trust.isTrusted) {
      try {
        const status = await rareCore().gitSetupStatus({ cwd: store.folder.uri.fsPath, ...this.runtime(), campaignPath: await realCampaignPath(store) });
        if (status) next = { repo: true, setUp: status.attributes && status.current };
      } catch (err) {
        // No git on PATH: no git buttons.
        this.log.debug(`git state of ${store.folder.name} unknown: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
    if (this.isDisposed) return next;
    this._state = next;
    this.contextKeys.setGit(next.repo, next.setUp);
    return next;
  }

  /**
   * A repository whose .gitattributes uses the driver, with a driver command
   * that is not this install's: when that command runs another install of
   * this extension, or a CLI that no longer exists, it is set up again. A
   * driver that runs an npm-installed CLI that still exists is left alone.
   */
  async refreshStaleDrivers(): Promise<void> {
    if (!this.trust.isTrusted) return;
    for (const store of this.workspace.stores) {
      try {
        const cwd = store.folder.uri.fsPath;
        const campaignPath = await realCampaignPath(store);
        const status = await rareCore().gitSetupStatus({ cwd, ...this.runtime(), campaignPath });
        if (!status || !status.attributes || status.current) continue;
        if (status.driver === undefined) {
          this.log.info(`${status.repoRoot}: .gitattributes merges the campaign file with Campaign's driver, but this clone has none configured — run "Campaign: Set Up Git Merges"`);
          continue;
        }
        if (rareCore().driverCliExists(status.driver) && !runsThisExtension(status.driver, this.extensionPath)) continue;
        const r = await rareCore().gitSetup({ cwd, ...this.runtime(), campaignPath });
        this.log.info(`${r.repoRoot}: the merge driver ran ${status.driver}; now ${r.driver} (this install of the extension)`);
      } catch (err) {
        this.log.warn(`${store.folder.name}: the merge driver was not brought up to date: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  }

  private watchFolder(store: CampaignStore | undefined): void {
    this.watcher?.dispose();
    this.watcher = undefined;
    if (!store) return;
    // A repository created or removed at the folder's top, or .gitattributes edited.
    const w = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(store.folder, '{.git,.gitattributes}'));
    const onEvent = () => void this.update();
    const subs = [w.onDidCreate(onEvent), w.onDidChange(onEvent), w.onDidDelete(onEvent)];
    this.watcher = { dispose: () => [...subs, w].forEach((d) => d.dispose()) };
  }
}

/**
 * The campaign file's path as git sees it: git reports the repository's top
 * with symlinks resolved (macOS's /tmp is /private/tmp), so the folder is
 * resolved the same way before the core makes the path relative to it.
 */
async function realCampaignPath(store: CampaignStore): Promise<string> {
  try {
    const folder = await fs.realpath(store.folder.uri.fsPath);
    return join(folder, ...store.relativePath.split('/'));
  } catch {
    return store.uri.fsPath;
  }
}
