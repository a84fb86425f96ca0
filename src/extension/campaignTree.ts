// What the four Campaign tree views share: they draw the campaign the
// workspace currently shows and redraw whenever it changes. Tooltips built
// here treat campaign text as untrusted: plain text inside a MarkdownString
// that runs no commands and renders no HTML.
import * as vscode from 'vscode';
import type { CampaignWorkspace } from './campaignWorkspace';
import { Disposable } from './disposable';

export abstract class CampaignTree<T> extends Disposable implements vscode.TreeDataProvider<T> {
  private readonly changed = this._register(new vscode.EventEmitter<T | undefined | void>());
  readonly onDidChangeTreeData = this.changed.event;
  /**
   * Children per parent until the next refresh. Returning the same element
   * objects every time matters: the workbench tracks elements by identity for
   * selection and reveal(), so fresh objects on each call would lose them.
   */
  private readonly cache = new Map<T | undefined, T[]>();
  private readonly askedForRoots = this._register(new vscode.EventEmitter<void>());

  constructor(protected readonly workspace: CampaignWorkspace) {
    super();
    this._register(workspace.onDidChangeActive(() => this.refresh()));
  }

  refresh(): void {
    this.cache.clear();
    this.changed.fire();
  }

  getChildren(element?: T): T[] {
    let children = this.cache.get(element);
    if (!children) {
      children = this.computeChildren(element);
      this.cache.set(element, children);
    }
    if (element === undefined) this.askedForRoots.fire();
    return children;
  }

  /** Resolves when the roots are next asked for (the view drawing after a refresh), or after `capMs` at most. */
  nextRootsAsked(capMs: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        sub.dispose();
        resolve();
      };
      const sub = this.askedForRoots.event(done);
      const timer = setTimeout(done, capMs);
    });
  }

  /** The children of `element` (the roots when undefined), computed from the shown campaign. */
  protected abstract computeChildren(element?: T): T[];
  abstract getTreeItem(element: T): vscode.TreeItem;
}

/** A tooltip for campaign content: campaign text is appended as text, never as markdown or HTML. */
export function safeTooltip(build: (md: SafeMarkdown) => void): vscode.MarkdownString {
  const md = new vscode.MarkdownString('', false);
  md.isTrusted = false;
  md.supportHtml = false;
  build(new SafeMarkdown(md));
  return md;
}

export class SafeMarkdown {
  constructor(private readonly md: vscode.MarkdownString) {}

  /** Our own markup (bold labels, separators). */
  markup(markdown: string): this {
    this.md.appendMarkdown(markdown);
    return this;
  }

  /** Campaign text: escaped, so `*`, `[link](…)`, `<b>` show literally. */
  text(text: string): this {
    this.md.appendText(text);
    return this;
  }

  /** `**Label:** text` on its own paragraph. */
  field(label: string, text: string): this {
    return this.markup(`**${label}:** `).text(text).markup('\n\n');
  }
}
