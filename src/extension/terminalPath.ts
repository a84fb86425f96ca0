// Job: puts a `campaign` command on the integrated terminal's PATH, so an
// agent started in a VS Code terminal (Claude Code, Codex, …) finds the CLI
// that a committed `.mcp.json` entry (`"command": "campaign"`) runs. The
// launcher is a tiny script in the extension's global storage that runs the
// bundled dist/cli.js with the editor's own runtime (ELECTRON_RUN_AS_NODE=1),
// or with `node` when the editor's binary has moved (an update); it is
// rewritten at every activation. Off with `campaign.terminal.addToPath`.
import { promises as fs } from 'node:fs';
import { delimiter, join } from 'node:path';
import * as vscode from 'vscode';
import { Disposable } from './disposable';
import type { Logger } from './logger';
import { cmdLauncher, shLauncher } from './terminalPathLauncher';

/** The setting that turns the PATH entry off (package.json contributes it). */
export const ADD_TO_PATH_SETTING = 'campaign.terminal.addToPath';

function terminalAddToPath(): boolean {
  return vscode.workspace.getConfiguration('campaign').get<boolean>('terminal.addToPath', true) !== false;
}

export class TerminalPath extends Disposable {
  /** The folder put on PATH; it holds `campaign` (and `campaign.cmd`). */
  readonly binDir: string;
  /** Resolves once the launcher is written and PATH set (or cleared). */
  ready: Promise<void>;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly log: Logger,
  ) {
    super();
    this.binDir = join(context.globalStorageUri.fsPath, 'bin');
    context.environmentVariableCollection.description = new vscode.MarkdownString(
      'Adds the `campaign` command (the Campaign extension’s CLI) to `PATH`. Turn off with the setting `campaign.terminal.addToPath`.',
    );
    this.ready = this.apply();
    this._register(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(ADD_TO_PATH_SETTING)) this.ready = this.apply();
      }),
    );
  }

  /** What new terminals get for PATH (undefined when turned off). */
  get pathMutator(): vscode.EnvironmentVariableMutator | undefined {
    return this.context.environmentVariableCollection.get('PATH');
  }

  get launcherPath(): string {
    return join(this.binDir, process.platform === 'win32' ? 'campaign.cmd' : 'campaign');
  }

  private async apply(): Promise<void> {
    const env = this.context.environmentVariableCollection;
    if (!terminalAddToPath()) {
      env.delete('PATH');
      return;
    }
    try {
      const cli = join(this.context.extensionPath, 'dist', 'cli.js');
      await fs.mkdir(this.binDir, { recursive: true });
      await fs.writeFile(join(this.binDir, 'campaign'), shLauncher(process.execPath, cli), { mode: 0o755 });
      await fs.chmod(join(this.binDir, 'campaign'), 0o755);
      if (process.platform === 'win32') await fs.writeFile(join(this.binDir, 'campaign.cmd'), cmdLauncher(process.execPath, cli));
      env.prepend('PATH', `${this.binDir}${delimiter}`);
      this.log.debug(`terminal PATH starts with ${this.binDir}`);
    } catch (err) {
      this.log.error('could not write the campaign launcher for the terminal', err);
      env.delete('PATH');
    }
  }
}
