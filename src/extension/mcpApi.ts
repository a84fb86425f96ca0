// Job: the few VS Code MCP API types Campaign uses, declared here because
// @types/vscode stays at 1.90 (engines ^1.90: vsce refuses types newer than
// the engine), and looked up at run time so older VS Code keeps working
// without the MCP registration. Shapes follow VS Code's vscode.d.ts (1.101+).
import * as vscode from 'vscode';

export interface McpStdioDefinition {
  readonly label: string;
  cwd?: vscode.Uri;
  command: string;
  args: string[];
  env: Record<string, string | number | null>;
  version?: string;
}

type McpStdioDefinitionClass = new (
  label: string,
  command: string,
  args?: string[],
  env?: Record<string, string | number | null>,
  version?: string,
) => McpStdioDefinition;

export interface McpDefinitionProvider {
  readonly onDidChangeMcpServerDefinitions?: vscode.Event<void>;
  provideMcpServerDefinitions(token: vscode.CancellationToken): vscode.ProviderResult<McpStdioDefinition[]>;
}

export interface McpApi {
  registerMcpServerDefinitionProvider(id: string, provider: McpDefinitionProvider): vscode.Disposable;
  McpStdioServerDefinition: McpStdioDefinitionClass;
}

/** VS Code's MCP API when this VS Code has it (1.101 and later), else undefined. */
export function mcpApi(): McpApi | undefined {
  const api = vscode as unknown as {
    lm?: { registerMcpServerDefinitionProvider?: McpApi['registerMcpServerDefinitionProvider'] };
    McpStdioServerDefinition?: McpStdioDefinitionClass;
  };
  const register = api.lm?.registerMcpServerDefinitionProvider;
  const cls = api.McpStdioServerDefinition;
  if (typeof register !== 'function' || typeof cls !== 'function') return undefined;
  return { registerMcpServerDefinitionProvider: register.bind(api.lm), McpStdioServerDefinition: cls };
}
