// A click on a work item, decision or build-log entry: show it in the
// campaign file, selected, without taking the focus from the tree — so the
// next key (Ctrl+Enter, F2, Delete, arrows) still acts on the tree.
import * as vscode from 'vscode';
import type { CampaignStore } from '../campaignStore';
import { CommandIds } from '../commandIds';
import { entryRange, type EntrySection } from '../sourceLocation';
import type { CampaignCommand } from './commandContext';

export interface EntryTarget {
  store: CampaignStore;
  section: EntrySection;
  index: number;
}

/** What a tree node points at in the file, if anything. */
export function entryTarget(node: unknown): EntryTarget | undefined {
  if (typeof node !== 'object' || node === null || !('store' in node)) return undefined;
  const n = node as { kind?: unknown; store: CampaignStore; item?: { index: number }; decision?: { index: number }; index?: number };
  if (n.kind === 'work' && n.item) return { store: n.store, section: 'remaining_work', index: n.item.index };
  if (n.kind === 'decision' && n.decision) return { store: n.store, section: 'decisions_log', index: n.decision.index };
  if ((n.kind === 'entry' || n.kind === 'line') && typeof n.index === 'number') return { store: n.store, section: 'build_log', index: n.index };
  return undefined;
}

export const revealInFileCommand: CampaignCommand = {
  id: CommandIds.revealInFile,
  async run(_ctx, node) {
    const target = entryTarget(node);
    if (!target) return undefined;
    const { store } = target;
    const doc = await vscode.workspace.openTextDocument(store.uri);
    await untilReloaded(doc, store);
    const state = store.state;
    // Positions come from the text the shown campaign was parsed from; while the file is
    // invalid the views show the last good state, whose positions no longer hold.
    const r = state.kind === 'valid' && sameText(state.text, doc) ? entryRange(state.document.doc, state.text, target.section, target.index) : undefined;
    const selection = r ? new vscode.Range(r.startLine, r.startCharacter, r.endLine, r.endCharacter) : undefined;
    const editor = await vscode.window.showTextDocument(doc, { preserveFocus: true, preview: true, ...(selection ? { selection } : {}) });
    if (selection) editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    return selection;
  },
};

/** Editors drop the BOM; otherwise the open document must hold the text the views were built from. */
function sameText(text: string, doc: vscode.TextDocument): boolean {
  return text.replace(/^\uFEFF/, '') === doc.getText();
}

/** How long a click waits for an already-open, unmodified editor to catch up with the disk. */
const RELOAD_GRACE_MS = 1500;

/**
 * A file changed on disk (by the CLI, an agent, git) reaches the views through the watcher,
 * and an already-open editor reloads it on its own schedule: either may come first. Wait,
 * briefly, until both hold the same text rather than show the entry without a selection.
 * A dirty editor is never reloaded, so there is nothing to wait for.
 */
async function untilReloaded(doc: vscode.TextDocument, store: CampaignStore): Promise<void> {
  const inSync = (): boolean => store.state.kind !== 'valid' || doc.isDirty || sameText(store.state.text, doc);
  if (inSync()) return;
  await new Promise<void>((resolve) => {
    const check = (): void => {
      if (inSync()) done();
    };
    const subs = [vscode.workspace.onDidChangeTextDocument((e) => e.document === doc && check()), store.onDidChange(check), store.onDidRead(check)];
    const timer = setTimeout(() => done(), RELOAD_GRACE_MS);
    function done(): void {
      clearTimeout(timer);
      for (const s of subs) s.dispose();
      resolve();
    }
  });
}
