// A base class for objects that own VS Code registrations (watchers, event
// emitters, tree views). Whatever a subclass `_register`s is disposed with it,
// so nothing outlives the extension or leaks when a folder is removed.
import type * as vscode from 'vscode';

export abstract class Disposable implements vscode.Disposable {
  private _isDisposed = false;
  private readonly _disposables: vscode.Disposable[] = [];

  protected get isDisposed(): boolean {
    return this._isDisposed;
  }

  /** Ties `value`'s lifetime to this object's; disposed at once if this one already is. */
  protected _register<T extends vscode.Disposable>(value: T): T {
    if (this._isDisposed) value.dispose();
    else this._disposables.push(value);
    return value;
  }

  dispose(): void {
    if (this._isDisposed) return;
    this._isDisposed = true;
    // Reverse order: later registrations may depend on earlier ones.
    for (const d of this._disposables.splice(0).reverse()) {
      try {
        d.dispose();
      } catch {
        // One failing dispose must not keep the others alive.
      }
    }
  }
}
