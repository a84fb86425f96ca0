// The extension's entry point. Activation is cheap: it wires the campaign
// workspace (one store per folder, read asynchronously), the views, the
// status bar and the commands, and returns at once; every registration goes
// into context.subscriptions. What follows the extension's own writes runs
// in the order it is wired here: auto-archive, then the Claude Code primer
// file (so the primer sees the archived campaign). The returned object is the in-host tests' view
// of the running extension — nothing else depends on it.
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import * as vscode from 'vscode';
import { AutoArchive } from './archiving';
import { CampaignWorkspace } from './campaignWorkspace';
import { CampaignViews } from './campaignViews';
import { ClaudePrimerSync } from './claudePrimerSync';
import { CampaignWriter } from './campaignWriter';
import { changePriorityCommand, moveWorkItems } from './commands/changePriority';
import type { CommandContext } from './commands/commandContext';
import { registerCommands } from './commands/commandRegistry';
import { CampaignContextKeys } from './contextKeys';
import { reportError } from './errorReporting';
import { GitCommits } from './gitCommits';
import { GitMerges } from './gitMerges';
import { HandoffPanel } from './handoffPanel';
import { Logger } from './logger';
import { CampaignMcpProvider } from './mcpProvider';
import { MinuteClock } from './minuteClock';
import { PrimerPreview } from './primerPreview';
import { SessionStatusBar } from './statusBar';
import { TerminalPath } from './terminalPath';
import { WorkspaceTrust } from './trust';
import { windowUi } from './ui';

export interface CampaignExtensionApi {
  readonly workspace: CampaignWorkspace;
  readonly views: CampaignViews;
  readonly statusBar: SessionStatusBar;
  readonly trust: WorkspaceTrust;
  readonly contextKeys: CampaignContextKeys;
  readonly primerPreview: PrimerPreview;
  readonly primerSync: ClaudePrimerSync;
  readonly gitMerges: GitMerges;
  readonly mcpServers: CampaignMcpProvider;
  readonly terminalPath: TerminalPath;
  /** The commands' shared context; tests replace `ui` and `openHandoff` on it. */
  readonly commands: CommandContext;
}

export function activate(context: vscode.ExtensionContext): CampaignExtensionApi {
  const activateStarted = performance.now();
  const channel = vscode.window.createOutputChannel('Campaign', { log: true });
  context.subscriptions.push(channel);
  const log = new Logger(channel);
  const own = <T extends vscode.Disposable>(d: T): T => {
    context.subscriptions.push(d);
    return d;
  };

  const diagnostics = own(vscode.languages.createDiagnosticCollection('campaign'));
  const trust = own(new WorkspaceTrust());
  const workspace = own(new CampaignWorkspace(diagnostics, log.child('workspace')));
  const clock = own(new MinuteClock());
  const primerPreview = own(new PrimerPreview(workspace));

  // Before the views: context keys then reach the workbench ahead of the trees' refresh,
  // so menus are never re-rendered for tree nodes that a refresh already removed.
  const contextKeys = own(new CampaignContextKeys(workspace, trust));

  const writer = new CampaignWriter(trust, log.child('writer'));
  // After-write steps, in this order (see the header).
  own(new AutoArchive(writer, trust, log.child('archive')));
  const primerSync = own(new ClaudePrimerSync(workspace, writer, trust, log.child('claude')));
  const gitMerges = own(new GitMerges(workspace, trust, contextKeys, log.child('git'), context.extensionPath));

  let views: CampaignViews | undefined;
  const commands: CommandContext = {
    extensionUri: context.extensionUri,
    workspace,
    writer,
    trust,
    log: log.child('command'),
    primerPreview,
    git: new GitCommits(log.child('git')),
    gitMerges,
    ui: windowUi,
    openHandoff: (extensionUri, args) => {
      HandoffPanel.show(extensionUri, args);
    },
    workSelection: () => views?.remainingWorkView.selection ?? [],
  };

  views = own(
    new CampaignViews(workspace, clock, async (store, items, priority) => {
      try {
        await moveWorkItems(commands, store, items, priority);
      } catch (err) {
        reportError(err, { ui: commands.ui, log: commands.log, what: `${changePriorityCommand.id} (drag and drop)`, store });
      }
    }),
  );
  const statusBar = own(new SessionStatusBar(workspace, clock));
  context.subscriptions.push(...registerCommands(commands));
  // Agents write the campaign too: the MCP server for VS Code's agents, the CLI for terminal ones.
  const mcpServers = own(new CampaignMcpProvider(workspace, trust, context.extensionPath, log.child('mcp')));
  const terminalPath = own(new TerminalPath(context, log.child('terminal')));

  log.info(`activated with ${workspace.stores.length} folder(s) in ${(performance.now() - activateStarted).toFixed(1)} ms; ${loadedCode(context.extensionPath)}`);
  own(reportFirstItems(views.remainingWork, activateStarted, log));
  return { workspace, views, statusBar, trust, contextKeys, primerPreview, primerSync, gitMerges, mcpServers, terminalPath, commands };
}

/** The bundles of this extension `require`d so far and their bytes (the bench reads it from the log). */
function loadedCode(extensionPath: string): string {
  const files = Object.keys(require.cache).filter((f) => f.startsWith(extensionPath));
  let bytes = 0;
  for (const f of files) {
    try {
      bytes += statSync(f).size;
    } catch {
      // not a file on disk
    }
  }
  return `code loaded: ${bytes} bytes in ${files.length} bundle(s) (${files.map((f) => basename(f)).join(', ')})`;
}

/** Logs once how long after activate() began Remaining Work first answered with items (the bench reads it). */
function reportFirstItems(tree: CampaignViews['remainingWork'], started: number, log: Logger): vscode.Disposable {
  const sub = tree.onDidChangeTreeData(() => {
    if (tree.getChildren().length === 0) return;
    sub.dispose();
    log.info(`first Remaining Work items ${(performance.now() - started).toFixed(1)} ms after activation began`);
  });
  return sub;
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
