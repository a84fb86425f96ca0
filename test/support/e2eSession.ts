// Job: the shared set-up of an end-to-end test file (node:test): a fresh copy
// of a fixture workspace, code-server with the packaged .vsix installed into a
// fresh extensions folder, a Chromium workbench on it, all ended afterwards;
// and step(), which keeps a screenshot and the logs when a test fails.
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { repoRoot, startCodeServer, type CodeServer } from './codeServer';
import { Workbench } from './workbench';

export interface E2ESession {
  server: CodeServer;
  wb: Workbench;
  workspace: string;
}

export interface SessionOptions {
  /** Folder under test/fixtures/ copied as the workspace; an empty folder (no campaign file) if absent. */
  fixture?: string;
  workspaceTrust?: boolean;
  /** Browser viewport (default 1400×900); screenshots for the docs use 1280×800. */
  viewport?: { width: number; height: number };
  /** Extra user settings (e.g. the colour theme of screenshots). */
  settings?: Record<string, unknown>;
}

/** The .vsix under test: $CAMPAIGN_VSIX, else the one scripts/test-all.mjs packages. */
export const vsixPath = process.env.CAMPAIGN_VSIX ?? join(repoRoot, '.vscode-test/campaign.vsix');

/** Registers before/after hooks in the current suite; call the result inside tests. */
export function useWorkbench(opts: SessionOptions = {}): () => E2ESession {
  let session: E2ESession | undefined;
  let workspace: string | undefined;
  let server: CodeServer | undefined;
  before(async () => {
    if (!existsSync(vsixPath)) throw new Error(`no .vsix at ${vsixPath}: run \`npm run package\` or set CAMPAIGN_VSIX`);
    workspace = mkdtempSync(join(tmpdir(), 'campaign-e2e-ws-'));
    if (opts.fixture) cpSync(join(repoRoot, 'test/fixtures', opts.fixture), workspace, { recursive: true });
    server = await startCodeServer({ workspace, vsix: vsixPath, workspaceTrust: opts.workspaceTrust ?? false, settings: opts.settings });
    const wb = await Workbench.open(server, { viewport: opts.viewport });
    session = { server, wb, workspace };
  });
  after(async () => {
    await session?.wb.close();
    await server?.stop();
    if (workspace) rmSync(workspace, { recursive: true, force: true });
  });
  return () => {
    if (!session) throw new Error('the e2e session failed to start (see the before hook)');
    return session;
  };
}

/** Wraps a test body: on failure keeps test-results/<name>.png and logs, then rethrows. */
export function step(name: string, session: () => E2ESession, fn: () => Promise<void>): () => Promise<void> {
  return async () => {
    try {
      await fn();
    } catch (err) {
      await session().wb.captureFailure(name).catch(() => undefined);
      throw err;
    }
  };
}
