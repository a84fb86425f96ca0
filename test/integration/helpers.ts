// Job: small helpers shared by the in-host (*.test.ts) suites: the extension
// under test, activated, and the fresh workspace folder the runner opened.
import * as vscode from 'vscode';

export const EXTENSION_ID = 'campaign-tools.campaign';

/** In-host tests start before onStartupFinished extensions activate: activate explicitly. */
export async function activateExtension(): Promise<vscode.Extension<unknown>> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  if (!ext) throw new Error(`extension ${EXTENSION_ID} is not loaded in this host`);
  await ext.activate();
  return ext;
}

/** The temporary workspace of this run (scripts/run-inhost-tests.mjs sets it; it is also the opened folder). */
export function workspaceRoot(): vscode.Uri {
  const fromEnv = process.env.CAMPAIGN_TEST_WORKSPACE;
  if (fromEnv) return vscode.Uri.file(fromEnv);
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder is open');
  return folder.uri;
}

/** Polls until check() returns a truthy value (file watchers and views update asynchronously). */
export async function waitFor<T>(check: () => T | Promise<T>, what: string, timeoutMs = 10_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
