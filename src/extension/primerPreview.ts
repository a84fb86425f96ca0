// "Show Primer": the session primer as a read-only markdown document
// (`campaign-primer:` URIs served by a TextDocumentContentProvider). The
// document follows the campaign — it is re-rendered whenever the file or the
// token budget changes — and, being virtual, cannot be edited or saved.
import * as vscode from 'vscode';
import type { CampaignStore } from './campaignStore';
import type { CampaignWorkspace } from './campaignWorkspace';
import { Disposable } from './disposable';
import { primerFor } from './sessionPrimer';
import { SETTING_KEYS } from './settings';

export const PRIMER_SCHEME = 'campaign-primer';

export class PrimerPreview extends Disposable implements vscode.TextDocumentContentProvider {
  private readonly changed = this._register(new vscode.EventEmitter<vscode.Uri>());
  readonly onDidChange = this.changed.event;

  constructor(private readonly workspace: CampaignWorkspace) {
    super();
    this._register(vscode.workspace.registerTextDocumentContentProvider(PRIMER_SCHEME, this));
    this._register(workspace.onDidChangeStore((store) => this.changed.fire(this.uriFor(store))));
    this._register(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (!e.affectsConfiguration(SETTING_KEYS.tokenBudget)) return;
        for (const store of workspace.stores) this.changed.fire(this.uriFor(store));
      }),
    );
  }

  /** One URI per folder; the `.md` name gives the editor its markdown mode and a readable tab title. */
  uriFor(store: CampaignStore): vscode.Uri {
    return vscode.Uri.from({
      scheme: PRIMER_SCHEME,
      path: `/${store.folder.name}/Session Primer.md`,
      query: store.folder.uri.toString(),
    });
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    const store = this.workspace.stores.find((s) => s.folder.uri.toString() === uri.query);
    if (!store) return '_This folder is no longer open._\n';
    const primer = primerFor(store);
    if (!primer) return `_No campaign file in ${store.folder.name} (${store.relativePath})._\n`;
    return primer.text;
  }

  async show(store: CampaignStore): Promise<vscode.TextEditor> {
    let doc = await vscode.workspace.openTextDocument(this.uriFor(store));
    if (doc.languageId !== 'markdown') doc = await vscode.languages.setTextDocumentLanguage(doc, 'markdown');
    return vscode.window.showTextDocument(doc, { preview: true });
  }
}
