// The prompts and notifications commands use, behind one small interface.
// Commands talk to `Ui`, never to `vscode.window` directly, so the in-host
// tests can answer the same prompts a person would (a scripted Ui) and drive
// the real command code end to end.
import * as vscode from 'vscode';

export interface PickOrTypeOptions {
  title: string;
  placeholder: string;
  /** The label of the extra item that stands for what the person typed. */
  typedLabel: (typed: string) => string;
}

export type PickOrTypeResult<T> = { picked: T } | { typed: string };

export interface Ui {
  showInputBox(options: vscode.InputBoxOptions): Thenable<string | undefined>;
  showQuickPick<T extends vscode.QuickPickItem>(items: readonly T[], options: vscode.QuickPickOptions): Thenable<T | undefined>;
  /** A multi-select Quick Pick; items with `picked: true` start selected. */
  showQuickPickMany<T extends vscode.QuickPickItem>(items: readonly T[], options: vscode.QuickPickOptions): Thenable<readonly T[] | undefined>;
  /** A Quick Pick that also accepts free text: the typed text appears as the first item. */
  pickOrType<T extends vscode.QuickPickItem>(items: readonly T[], options: PickOrTypeOptions): Thenable<PickOrTypeResult<T> | undefined>;
  showInformationMessage(message: string, ...actions: string[]): Thenable<string | undefined>;
  showWarningMessage(message: string, options: vscode.MessageOptions, ...actions: string[]): Thenable<string | undefined>;
  showErrorMessage(message: string, ...actions: string[]): Thenable<string | undefined>;
}

interface TypedItem extends vscode.QuickPickItem {
  typed: string;
}

export const windowUi: Ui = {
  showInputBox: (options) => vscode.window.showInputBox({ ignoreFocusOut: true, ...options }),
  // An item marked `picked` starts active (showQuickPick only honours `picked` for multi-select).
  showQuickPick: (items, options) => {
    const active = options.canPickMany ? undefined : items.find((i) => i.picked);
    return active ? pickWithActive(items, options, active) : vscode.window.showQuickPick([...items], options);
  },
  showQuickPickMany: (items, options) => vscode.window.showQuickPick([...items], { ...options, canPickMany: true }),
  pickOrType<T extends vscode.QuickPickItem>(items: readonly T[], options: PickOrTypeOptions) {
    return new Promise<PickOrTypeResult<T> | undefined>((resolve) => {
      const qp = vscode.window.createQuickPick<T | TypedItem>();
      qp.title = options.title;
      qp.placeholder = options.placeholder;
      qp.matchOnDescription = true;
      qp.matchOnDetail = true;
      qp.ignoreFocusOut = true;
      qp.items = items;
      let settled = false;
      const finish = (result: PickOrTypeResult<T> | undefined) => {
        if (settled) return;
        settled = true;
        resolve(result);
        qp.dispose();
      };
      qp.onDidChangeValue((value) => {
        const typed = value.trim();
        const typedItem: TypedItem = { label: options.typedLabel(typed), typed, alwaysShow: true };
        qp.items = typed ? [typedItem, ...items] : items;
      });
      qp.onDidAccept(() => {
        const chosen = qp.selectedItems[0] ?? qp.activeItems[0];
        if (!chosen) {
          const typed = qp.value.trim();
          if (typed) finish({ typed });
          return;
        }
        finish('typed' in chosen ? { typed: (chosen as TypedItem).typed } : { picked: chosen as T });
      });
      qp.onDidHide(() => finish(undefined));
      qp.show();
    });
  },
  showInformationMessage: (message, ...actions) => vscode.window.showInformationMessage(message, ...actions),
  showWarningMessage: (message, options, ...actions) => vscode.window.showWarningMessage(message, options, ...actions),
  showErrorMessage: (message, ...actions) => vscode.window.showErrorMessage(message, ...actions),
};

/** A single-choice Quick Pick whose highlighted item starts at `active` (the default a person confirms with Enter). */
function pickWithActive<T extends vscode.QuickPickItem>(items: readonly T[], options: vscode.QuickPickOptions, active: T): Thenable<T | undefined> {
  return new Promise<T | undefined>((resolve) => {
    const qp = vscode.window.createQuickPick<T>();
    qp.title = options.title;
    qp.placeholder = options.placeHolder;
    qp.matchOnDescription = !!options.matchOnDescription;
    qp.matchOnDetail = !!options.matchOnDetail;
    qp.ignoreFocusOut = !!options.ignoreFocusOut;
    qp.items = items;
    qp.activeItems = [active];
    let settled = false;
    const finish = (result: T | undefined) => {
      if (settled) return;
      settled = true;
      resolve(result);
      qp.dispose();
    };
    qp.onDidAccept(() => finish(qp.selectedItems[0] ?? qp.activeItems[0]));
    qp.onDidHide(() => finish(undefined));
    qp.show();
  });
}
