// Job: registers the campaign MCP server for VS Code's own agents (Copilot
// agent mode and any other client of VS Code's MCP registry): one stdio
// definition per workspace folder with a campaign, running the bundled CLI
// (`dist/cli.js mcp --file PATH`) with the editor's own runtime, so nothing
// has to be installed. Off with `campaign.mcp.enabled`, and offered only in a
// trusted workspace (the server writes the campaign file).
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { CampaignWorkspace } from './campaignWorkspace';
import { Disposable } from './disposable';
import type { Logger } from './logger';
import { mcpApi, type McpDefinitionProvider, type McpStdioDefinition } from './mcpApi';
import type { WorkspaceTrust } from './trust';

/** Matches contributes.mcpServerDefinitionProviders in package.json. */
export const MCP_PROVIDER_ID = 'campaign.mcpServers';

/** The setting that turns the registration off (package.json contributes it). */
export const MCP_ENABLED_SETTING = 'campaign.mcp.enabled';

function mcpEnabled(): boolean {
  return vscode.workspace.getConfiguration('campaign').get<boolean>('mcp.enabled', true) !== false;
}

/** What VS Code is asked to run for one folder: plain data, so tests can start it themselves. */
export interface CampaignMcpServerSpec {
  label: string;
  command: string;
  args: string[];
  env: Record<string, string>;
  cwd: vscode.Uri;
  version: string;
}

export class CampaignMcpProvider extends Disposable implements McpDefinitionProvider {
  private readonly changed = this._register(new vscode.EventEmitter<void>());
  readonly onDidChangeMcpServerDefinitions = this.changed.event;
  /** The folders offered last time, so only a real change is announced. */
  private offered = '';
  /** Whether VS Code has the MCP API and the provider is registered with it. */
  readonly registered: boolean;

  constructor(
    private readonly workspace: CampaignWorkspace,
    private readonly trust: WorkspaceTrust,
    private readonly extensionPath: string,
    private readonly log: Logger,
  ) {
    super();
    const api = mcpApi();
    this.registered = api !== undefined;
    if (!api) {
      log.info('this VS Code has no MCP server API (1.101+); the campaign MCP server is not registered');
      return;
    }
    this._register(api.registerMcpServerDefinitionProvider(MCP_PROVIDER_ID, this));
    const maybeChanged = () => {
      const now = this.specs().map((s) => s.args.join('\0')).join('\n');
      if (now === this.offered) return;
      this.offered = now;
      this.changed.fire();
    };
    this._register(workspace.onDidChangeStore(maybeChanged));
    this._register(trust.onDidChange(maybeChanged));
    this._register(vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration(MCP_ENABLED_SETTING) && maybeChanged()));
    this.offered = this.specs().map((s) => s.args.join('\0')).join('\n');
  }

  /** One server per folder that has a campaign file; none when turned off or untrusted. */
  specs(): CampaignMcpServerSpec[] {
    if (!mcpEnabled() || !this.trust.isTrusted) return [];
    const cli = join(this.extensionPath, 'dist', 'cli.js');
    const several = this.workspace.stores.filter((s) => s.hasFile).length > 1;
    return this.workspace.stores
      .filter((s) => s.hasFile)
      .map((s) => ({
        label: several ? `Campaign (${s.folder.name})` : 'Campaign',
        // The editor's own runtime: Electron (or code-server's Node) run as plain Node.
        command: process.execPath,
        args: [cli, 'mcp', '--file', s.uri.fsPath],
        env: { ELECTRON_RUN_AS_NODE: '1' },
        cwd: s.folder.uri,
        version: CAMPAIGN_VERSION,
      }));
  }

  async provideMcpServerDefinitions(): Promise<McpStdioDefinition[]> {
    const api = mcpApi();
    if (!api) return [];
    await this.workspace.ready();
    const specs = this.specs();
    this.log.debug(`offering ${specs.length} MCP server definition(s)`);
    return specs.map((s) => {
      const def = new api.McpStdioServerDefinition(s.label, s.command, s.args, s.env, s.version);
      def.cwd = s.cwd;
      return def;
    });
  }
}

declare const CAMPAIGN_VERSION: string;
