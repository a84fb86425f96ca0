// Opens a folder's campaign file in an editor — at its first problem when it
// is invalid, so "Open File" in an error lands where the fix is needed.
import * as vscode from 'vscode';
import type { CampaignStore } from './campaignStore';
import { problemRange } from './problemRanges';

export async function showCampaignFile(store: CampaignStore): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(store.uri);
  const first = store.problems[0];
  if (!first) return vscode.window.showTextDocument(doc, { preview: false });
  const r = problemRange(first, doc.getText());
  const at = new vscode.Position(r.startLine, r.startCharacter);
  return vscode.window.showTextDocument(doc, { preview: false, selection: new vscode.Range(at, at) });
}
