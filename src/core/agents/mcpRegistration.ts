// Job: where `campaign connect --mcp` registers the campaign MCP server, as
// data: the project-level MCP files of the agents that have one (Claude
// Code's .mcp.json plus its approval in .claude/settings.local.json, Cursor,
// Gemini CLI, Kiro) and the per-user snippets for the agents whose MCP
// configuration lives outside the project (Windsurf, Cline, Codex).
import type { AgentName } from './agentTable';
import type { JsonAddition } from './jsonEdit';

/** The server entry: the `campaign` CLI on PATH, started with `mcp` (stdio). */
export const MCP_SERVER = { command: 'campaign', args: ['mcp'] };

export const MCP_SERVER_NAME = 'campaign';

/** Claude Code's permission rule for every tool of the campaign server. */
export const MCP_PERMISSION = `mcp__${MCP_SERVER_NAME}`;

export interface McpFile {
  /** Relative to the project root. */
  path: string;
  /** The agent names whose connection writes it. */
  for: AgentName[];
  additions: JsonAddition[];
  /** What the change is, for people. */
  what: string;
  /** Written only when approval is not left to the agent's own prompts (`--ask`). */
  approval?: boolean;
}

const serverEntry = (): JsonAddition => ({ path: ['mcpServers', MCP_SERVER_NAME], value: MCP_SERVER });

export const MCP_FILES: readonly McpFile[] = [
  { path: '.mcp.json', for: ['claude'], additions: [serverEntry()], what: 'campaign MCP server registered' },
  {
    path: '.claude/settings.local.json',
    for: ['claude'],
    additions: [
      { path: ['enabledMcpjsonServers'], element: MCP_SERVER_NAME },
      { path: ['permissions', 'allow'], element: MCP_PERMISSION },
    ],
    what: 'campaign MCP server approved and its tools allowed',
    approval: true,
  },
  { path: '.cursor/mcp.json', for: ['cursor'], additions: [serverEntry()], what: 'campaign MCP server registered for Cursor' },
  { path: '.gemini/settings.json', for: ['gemini'], additions: [serverEntry()], what: 'campaign MCP server registered for Gemini CLI' },
  { path: '.kiro/settings/mcp.json', for: ['kiro'], additions: [serverEntry()], what: 'campaign MCP server registered for Kiro' },
];

export interface McpSnippet {
  agent: string;
  /** Where the person puts it. */
  file: string;
  text: string;
}

const jsonSnippet = `{\n  "mcpServers": {\n    "${MCP_SERVER_NAME}": ${JSON.stringify(MCP_SERVER).replace(/,/g, ', ').replace(/:/g, ': ')}\n  }\n}`;

/** Agents whose MCP configuration is per user: Campaign prints what to add instead of writing it. */
export const MCP_SNIPPETS: readonly (McpSnippet & { for: AgentName })[] = [
  { for: 'windsurf', agent: 'Windsurf', file: '~/.codeium/windsurf/mcp_config.json', text: jsonSnippet },
  { for: 'cline', agent: 'Cline', file: 'cline_mcp_settings.json (Cline: MCP Servers → Configure)', text: jsonSnippet },
  { for: 'agents-md', agent: 'Codex', file: '~/.codex/config.toml', text: `[mcp_servers.${MCP_SERVER_NAME}]\ncommand = "campaign"\nargs = ["mcp"]` },
];
