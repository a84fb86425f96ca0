// Job: agents in and around VS Code reach the campaign: the MCP definition
// provider offers a server for the campaign folder that starts (its own
// command, args and env) and answers tools/list; the setting turns it off;
// and new integrated terminals get a `campaign` launcher on PATH that runs.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CampaignExtensionApi } from '../../src/extension/extension';
import { campaignApi, campaignPath, SAMPLE, setCampaignOnDisk } from './campaignHarness';
import { EXTENSION_ID, waitFor, workspaceRoot } from './helpers';

describe('Campaign for agents: MCP registration and the terminal PATH', () => {
  let api: CampaignExtensionApi;
  before(async () => {
    api = await campaignApi();
    await setCampaignOnDisk(api, SAMPLE);
  });

  it('registers with VS Code’s MCP API and offers a server for the campaign folder that starts and answers tools/list', async function () {
    this.timeout(30_000);
    assert.ok(api.mcpServers.registered, 'this VS Code has vscode.lm.registerMcpServerDefinitionProvider');
    const defs = await api.mcpServers.provideMcpServerDefinitions();
    assert.equal(defs.length, 1);
    const def = defs[0]!;
    assert.ok(def instanceof (vscode as unknown as { McpStdioServerDefinition: new (...a: never[]) => object }).McpStdioServerDefinition);
    assert.equal(def.command, process.execPath);
    assert.deepEqual(def.args.slice(1), ['mcp', '--file', campaignPath()]);
    assert.equal(def.args[0], join(vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath, 'dist', 'cli.js'));
    assert.equal(def.env.ELECTRON_RUN_AS_NODE, '1');

    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries({ ...process.env, ...def.env })) if (v !== undefined && v !== null) env[k] = String(v);
    const client = new Client({ name: 'inhost-test', version: '1' });
    await client.connect(new StdioClientTransport({ command: def.command, args: def.args, env, cwd: def.cwd?.fsPath ?? workspaceRoot().fsPath, stderr: 'pipe' }));
    try {
      assert.equal(client.getServerVersion()?.name, 'campaign');
      const { tools } = await client.listTools();
      assert.ok(tools.some((t) => t.name === 'get_primer'));
      assert.equal(tools.length, 9);
      const primer = await client.callTool({ name: 'get_primer', arguments: {} });
      assert.match(JSON.stringify(primer.content), /Implement password reset flow/);
    } finally {
      await client.close();
    }
  });

  it('campaign.mcp.enabled = false withdraws the definitions (and announces it); true brings them back', async () => {
    const config = vscode.workspace.getConfiguration('campaign');
    let announced = 0;
    const sub = api.mcpServers.onDidChangeMcpServerDefinitions(() => announced++);
    try {
      await config.update('mcp.enabled', false, vscode.ConfigurationTarget.Global);
      await waitFor(() => announced >= 1, 'the provider to announce the change');
      assert.deepEqual(await api.mcpServers.provideMcpServerDefinitions(), []);
      await config.update('mcp.enabled', undefined, vscode.ConfigurationTarget.Global);
      await waitFor(() => announced >= 2, 'the provider to announce the change back');
      assert.equal((await api.mcpServers.provideMcpServerDefinitions()).length, 1);
    } finally {
      sub.dispose();
      await config.update('mcp.enabled', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('new terminals get the campaign launcher first on PATH, and the launcher runs the bundled CLI', async function () {
    this.timeout(30_000);
    await api.terminalPath.ready;
    const m = api.terminalPath.pathMutator;
    assert.ok(m, 'the environment variable collection changes PATH');
    assert.equal(m.type, vscode.EnvironmentVariableMutatorType.Prepend);
    assert.ok(m.value.startsWith(api.terminalPath.binDir), m.value);
    const launcher = api.terminalPath.launcherPath;
    assert.equal(launcher, join(api.terminalPath.binDir, 'campaign'));
    const { version } = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as { version: string };
    assert.equal(execFileSync(launcher, ['--version'], { encoding: 'utf8' }).trim(), version);
    assert.match(execFileSync(launcher, ['show'], { cwd: workspaceRoot().fsPath, encoding: 'utf8' }), /Session:/);

    // A real terminal: its shell finds `campaign` on PATH, and it is our launcher.
    const out = join(workspaceRoot().fsPath, '.campaign-which.txt');
    rmSync(out, { force: true });
    const terminal = vscode.window.createTerminal({
      name: 'campaign PATH test',
      shellPath: '/bin/sh',
      shellArgs: ['-c', `command -v campaign > '${out}'; campaign --version >> '${out}'`],
    });
    try {
      const text = await waitFor(() => (existsSync(out) && readFileSync(out, 'utf8').split('\n').length >= 3 ? readFileSync(out, 'utf8') : ''), 'the terminal to run campaign', 20_000);
      assert.deepEqual(text.trim().split('\n'), [launcher, version]);
    } finally {
      terminal.dispose();
      rmSync(out, { force: true });
    }
  });

  it('campaign.terminal.addToPath = false takes the PATH entry away', async () => {
    const config = vscode.workspace.getConfiguration('campaign');
    try {
      await config.update('terminal.addToPath', false, vscode.ConfigurationTarget.Global);
      await waitFor(() => api.terminalPath.pathMutator === undefined, 'PATH to be left alone');
    } finally {
      await config.update('terminal.addToPath', undefined, vscode.ConfigurationTarget.Global);
    }
    await waitFor(() => api.terminalPath.pathMutator !== undefined, 'PATH to get the launcher again');
  });
});
