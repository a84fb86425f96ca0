// Campaign: Connect Agents… — `campaign connect --agent …` behind one
// multi-select Quick Pick: the coding agents (Claude Code first), with those
// whose files are already in the folder preselected, and whether to register
// the campaign MCP server too. The rule for which files get the block (each
// agent reads it once) is the core's (core/agents/agentTable.ts).
// Keybindings (and tests) can skip the Quick Pick by passing the answers:
//   { "command": "campaign.connectAgents", "args": { "agents": ["claude", "cursor"], "mcp": true } }
import * as vscode from 'vscode';
import type { AgentName } from '../../core/agents/agentTable';
import { EditedBlockError } from '../../core/agents/claudeMdBlock';
import type { ConnectOptions, ConnectResult } from '../../core/agents/connect';
import { rareCore } from '../lazy/loadLazy';
import { CampaignError } from '../../core/model/problems';
import { CommandIds } from '../commandIds';
import { tokenBudget } from '../settings';
import { campaignStore, type CampaignCommand, type CommandContext } from './commandContext';

/** The Quick Pick's answers, given up front (a keybinding's `args`, or a test). */
export interface ConnectAgentsArgs {
  agents: AgentName[];
  /** Also register the campaign MCP server. */
  mcp?: boolean;
}

/** `args` when it is a ConnectAgentsArgs object (not a tree node or a store); throws when it is one but malformed. */
export function connectAgentsArgs(arg: unknown): ConnectAgentsArgs | undefined {
  if (typeof arg !== 'object' || arg === null || !('agents' in arg) || 'store' in arg) return undefined;
  const a = arg as Record<string, unknown>;
  const ok =
    Array.isArray(a.agents) &&
    a.agents.length > 0 &&
    a.agents.every((n) => n === 'all' || (rareCore().AGENT_NAMES as readonly unknown[]).includes(n)) &&
    (a.mcp === undefined || typeof a.mcp === 'boolean');
  if (!ok) throw new CampaignError(`Connect Agents takes { "agents": [${[...rareCore().AGENT_NAMES, 'all'].map((n) => `"${n}"`).join(' | ')}, …], "mcp"?: true | false }.`);
  return a as unknown as ConnectAgentsArgs;
}

interface AgentItem extends vscode.QuickPickItem {
  agent?: AgentName;
  mcp?: boolean;
}

/** Claude Code first; each with the file it gets. */
const AGENT_ITEMS: { agent: AgentName; label: string; description: string }[] = [
  { agent: 'claude', label: 'Claude Code', description: 'CLAUDE.md, with the primer imported' },
  { agent: 'agents-md', label: 'AGENTS.md', description: 'Codex, Copilot, Cursor, Windsurf, Kiro, Cline, Continue read it' },
  { agent: 'copilot', label: 'GitHub Copilot', description: '.github/copilot-instructions.md' },
  { agent: 'cursor', label: 'Cursor', description: '.cursor/rules/campaign.mdc' },
  { agent: 'windsurf', label: 'Windsurf', description: '.windsurf/rules/campaign.md' },
  { agent: 'gemini', label: 'Gemini CLI', description: 'GEMINI.md' },
  { agent: 'cline', label: 'Cline', description: '.clinerules' },
  { agent: 'kiro', label: 'Kiro', description: '.kiro/steering/campaign.md' },
];

const MCP_LABEL = 'Also register the campaign MCP server';

export function summarizeAgents(result: ConnectResult): string {
  const changed = result.changes.filter((c) => c.change !== 'unchanged');
  const reach = result.reach.map((r) => `${r.label} (${r.file})`).join(', ');
  const head = changed.length === 0 ? 'Agents were already connected; nothing changed.' : `Connected: ${changed.map((c) => `${c.relPath} (${c.change})`).join(', ')}.`;
  return `${head} Each agent reads the Campaign block once: ${reach}.${result.warnings.length ? ` ${result.warnings.join(' ')}` : ''}`;
}

async function askAgents(ctx: CommandContext, root: string): Promise<ConnectAgentsArgs | undefined> {
  const present = new Set(await rareCore().presentAgents(root));
  const items: AgentItem[] = AGENT_ITEMS.map((i) => ({ label: i.label, description: i.description, agent: i.agent, picked: present.has(i.agent) }));
  // A folder with no agent's files yet: Claude Code, as Connect always did.
  if (present.size === 0) items[0]!.picked = true;
  items.push({ label: '', kind: vscode.QuickPickItemKind.Separator });
  items.push({ label: MCP_LABEL, description: '.mcp.json, and each chosen agent’s project MCP file', mcp: true, picked: await rareCore().mcpRegistered(root) });
  const picked = await ctx.ui.showQuickPickMany(items, { title: 'Connect Agents', placeHolder: 'Which coding agents should get the campaign at every session start?' });
  if (!picked) return undefined;
  const agents = picked.flatMap((i) => (i.agent ? [i.agent] : []));
  if (agents.length === 0) return undefined;
  return { agents, mcp: picked.some((i) => i.mcp) };
}

export const connectAgentsCommand: CampaignCommand = {
  id: CommandIds.connectAgents,
  async run(ctx, arg) {
    const given = connectAgentsArgs(arg);
    const store = await campaignStore(ctx, given ? undefined : arg);
    if (!store) return;
    ctx.writer.assertWritable(store);
    const root = store.folder.uri;
    const choice = given ?? (await askAgents(ctx, root.fsPath));
    if (!choice) return;
    const options: ConnectOptions = {
      campaignPath: store.uri.fsPath,
      root: root.fsPath,
      agents: choice.agents,
      keepDelivery: true,
      mcp: choice.mcp === true,
      budget: tokenBudget(store.folder),
    };
    let result: ConnectResult;
    try {
      result = await rareCore().connect(options);
    } catch (err) {
      if (!(err instanceof EditedBlockError)) throw err;
      const replace = await ctx.ui.showWarningMessage(
        `The Campaign block in ${err.fileName} was edited by hand since Campaign wrote it. Replace it with the current block? Your edits inside the markers will be lost.`,
        { modal: true },
        'Replace Block',
      );
      if (replace !== 'Replace Block') return;
      result = await rareCore().connect({ ...options, force: true });
    }
    ctx.log.info(`connect agents (${result.agents.join(', ')}) in ${store.folder.name}: ${result.changes.map((c) => `${c.relPath} ${c.change}`).join(', ')}`);
    const actions = result.snippets.length ? ['Show MCP Snippets'] : [];
    void ctx.ui.showInformationMessage(summarizeAgents(result), ...actions).then(async (action) => {
      if (action !== 'Show MCP Snippets') return;
      const content = result.snippets.map((s) => `## ${s.agent}\n\nAdd to ${s.file}:\n\n\`\`\`\n${s.text}\n\`\`\`\n`).join('\n');
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ language: 'markdown', content }));
    });
    return result;
  },
};
