// Job: which agents a folder already uses, told by their files (CLAUDE.md,
// AGENTS.md, .cursor/, .windsurf/, GEMINI.md, .clinerules, .kiro/,
// .github/copilot-instructions.md), and whether the campaign MCP server is
// registered in .mcp.json: what Connect Agents… preselects.
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import type { AgentName } from './agentTable';
import { hasJson } from './jsonEdit';
import { MCP_FILES } from './mcpRegistration';

/** The file or folder whose presence says a project uses an agent. */
export const AGENT_SIGNS: Record<AgentName, string> = {
  claude: 'CLAUDE.md',
  'agents-md': 'AGENTS.md',
  copilot: '.github/copilot-instructions.md',
  cursor: '.cursor',
  windsurf: '.windsurf',
  gemini: 'GEMINI.md',
  cline: '.clinerules',
  kiro: '.kiro',
};

async function exists(path: string): Promise<boolean> {
  try {
    await fs.access(path);
    return true;
  } catch {
    return false;
  }
}

/** The agents whose files are in `root`. */
export async function presentAgents(root: string): Promise<AgentName[]> {
  const out: AgentName[] = [];
  for (const [name, sign] of Object.entries(AGENT_SIGNS) as [AgentName, string][]) {
    if (await exists(join(root, ...sign.split('/')))) out.push(name);
  }
  return out;
}

/** True when .mcp.json registers the campaign server. */
export async function mcpRegistered(root: string): Promise<boolean> {
  const file = MCP_FILES[0]!;
  try {
    const text = await fs.readFile(join(root, file.path), 'utf8');
    return file.additions.every((a) => hasJson(text, a, file.path));
  } catch {
    return false;
  }
}
