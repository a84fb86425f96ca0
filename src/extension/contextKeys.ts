// The context keys that drive package.json `when` clauses (menus, Command
// Palette, welcome view, keybindings), derived from the campaign the views
// show and from workspace trust (and, for the git keys, from GitMerges). The
// last values set are kept so tests (and the log) can see what the workbench
// was told.
import * as vscode from 'vscode';
import type { CampaignWorkspace } from './campaignWorkspace';
import { Disposable } from './disposable';
import { shownConflicts } from './mergeConflictItems';
import type { WorkspaceTrust } from './trust';

export const ContextKeys = {
  /** The first read of the shown folder finished (keeps the welcome view from flashing). */
  loaded: 'campaign.loaded',
  /** The shown folder has a campaign file (valid or not). */
  hasCampaign: 'campaign.hasCampaign',
  /** The campaign file has problems; writes are refused. */
  invalid: 'campaign.invalid',
  sessionActive: 'campaign.sessionActive',
  /** Untrusted workspace: nothing is written. */
  readOnly: 'campaign.readOnly',
  /** The campaign file has a non-empty `merge_conflicts:` list. */
  hasMergeConflicts: 'campaign.hasMergeConflicts',
  /** The shown folder is in a git repository (trusted workspaces only; gitMerges.ts). */
  gitRepo: 'campaign.gitRepo',
  /** Its merges use Campaign's merge driver, set up by this install (gitMerges.ts). */
  gitMergesSetUp: 'campaign.gitMergesSetUp',
} as const;

type Key = (typeof ContextKeys)[keyof typeof ContextKeys];

export class CampaignContextKeys extends Disposable {
  private readonly values = new Map<Key, boolean>();

  constructor(
    private readonly workspace: CampaignWorkspace,
    private readonly trust: WorkspaceTrust,
  ) {
    super();
    this._register(workspace.onDidChangeActive(() => this.update()));
    this._register(trust.onDidChange(() => this.update()));
    this.update();
  }

  /** What each key was last set to. */
  get current(): Readonly<Record<Key, boolean | undefined>> {
    return Object.fromEntries(Object.values(ContextKeys).map((k) => [k, this.values.get(k)])) as Record<Key, boolean | undefined>;
  }

  update(): void {
    const store = this.workspace.active;
    const state = store?.fileState;
    this.set(ContextKeys.loaded, state !== undefined && state !== 'loading');
    this.set(ContextKeys.hasCampaign, !!store?.hasFile);
    this.set(ContextKeys.invalid, state === 'invalid');
    this.set(ContextKeys.sessionActive, !!store?.campaign?.active_session);
    this.set(ContextKeys.readOnly, !this.trust.isTrusted);
    this.set(ContextKeys.hasMergeConflicts, shownConflicts(this.workspace).length > 0);
  }

  /** GitMerges reports what it found for the shown folder. */
  setGit(repo: boolean, setUp: boolean): void {
    this.set(ContextKeys.gitRepo, repo);
    this.set(ContextKeys.gitMergesSetUp, repo && setUp);
  }

  private set(key: Key, value: boolean): void {
    if (this.values.get(key) === value) return;
    this.values.set(key, value);
    void vscode.commands.executeCommand('setContext', key, value);
  }
}
