// Workspace trust as Campaign sees it. In an untrusted workspace Campaign is
// read-only (package.json: capabilities.untrustedWorkspaces = limited): views,
// status bar and primer work, nothing is written. The in-host tests run with
// trust switched off in the host, so `simulateUntrusted` lets them exercise
// the read-only path through the same code a real untrusted window takes.
import * as vscode from 'vscode';
import { Disposable } from './disposable';

export class WorkspaceTrust extends Disposable {
  private simulated: boolean | undefined;
  private readonly changed = this._register(new vscode.EventEmitter<boolean>());
  /** Fires with the new value when trust is granted (or the simulation changes). */
  readonly onDidChange = this.changed.event;

  constructor() {
    super();
    this._register(vscode.workspace.onDidGrantWorkspaceTrust(() => this.changed.fire(this.isTrusted)));
  }

  get isTrusted(): boolean {
    return this.simulated === undefined ? vscode.workspace.isTrusted : !this.simulated;
  }

  /** Test seam: `true` behaves as an untrusted workspace, `undefined` restores the real state. */
  simulateUntrusted(untrusted: boolean | undefined): void {
    this.simulated = untrusted;
    this.changed.fire(this.isTrusted);
  }
}
