// Campaign: Connect Claude Code — the CLI's `campaign connect` behind a Quick
// Pick: how the primer reaches each session (CLAUDE.md import, or a
// SessionStart hook in the shared or the personal settings file) and whether
// AGENTS.md gets the block too. A block someone edited by hand is replaced
// only after asking. The connect logic itself is the core's (core/agents/connect.ts).
// Keybindings (and tests) can skip the Quick Picks by passing the answers:
//   { "command": "campaign.connectClaudeCode", "args": { "mode": "hook", "settings": "local" } }
import * as vscode from 'vscode';
import type { SettingsScope } from '../../core/agents/claudeSettings';
import type { ConnectOptions, ConnectResult } from '../../core/agents/connect';
import { rareCore } from '../lazy/loadLazy';
import type { DeliveryMode } from '../../core/agents/claudeMdBlock';
import { CampaignError } from '../../core/model/problems';
import { CommandIds } from '../commandIds';
import { tokenBudget } from '../settings';
import { campaignStore, type CampaignCommand, type CommandContext } from './commandContext';

/** The Quick Picks' answers, given up front (a keybinding's `args`, or a test). */
export interface ConnectArgs {
  mode: DeliveryMode;
  /** Which settings file takes the hook (hook mode); `project` when absent. */
  settings?: SettingsScope;
  /** Also write the block to AGENTS.md. */
  agentsMd?: boolean;
}

/** `args` when it is a ConnectArgs object (not a tree node or a store); throws when it is one but malformed. */
export function connectArgs(arg: unknown): ConnectArgs | undefined {
  if (typeof arg !== 'object' || arg === null || !('mode' in arg) || 'store' in arg) return undefined;
  const a = arg as Record<string, unknown>;
  const ok =
    (a.mode === 'import' || a.mode === 'hook') &&
    (a.settings === undefined || a.settings === 'project' || a.settings === 'local') &&
    (a.agentsMd === undefined || typeof a.agentsMd === 'boolean');
  if (!ok) throw new CampaignError('Connect Claude Code takes { "mode": "import" | "hook", "settings"?: "project" | "local", "agentsMd"?: true | false }.');
  return a as unknown as ConnectArgs;
}

interface ModeItem extends vscode.QuickPickItem {
  hook: boolean;
  settings?: SettingsScope;
}

interface AgentsItem extends vscode.QuickPickItem {
  agentsMd: boolean;
}

const MODES: ModeItem[] = [
  {
    label: 'Import from CLAUDE.md',
    description: 'recommended',
    detail: 'CLAUDE.md gets the session protocol and an @-import of .claude/campaign-primer.md.',
    hook: false,
  },
  {
    label: 'SessionStart hook, shared (.claude/settings.json)',
    detail: 'A hook prints the primer at every start, resume, /clear and compaction; for everyone on the project.',
    hook: true,
    settings: 'project',
  },
  {
    label: 'SessionStart hook, just me (.claude/settings.local.json)',
    detail: 'The same hook in your personal, uncommitted settings.',
    hook: true,
    settings: 'local',
  },
];

async function readText(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}

export function summarize(result: ConnectResult): string {
  const changed = result.changes.filter((c) => c.change !== 'unchanged');
  if (changed.length === 0) return 'Claude Code was already connected; nothing changed.';
  const files = changed.map((c) => `${c.relPath} (${c.change})`).join(', ');
  return result.mode === 'hook'
    ? `Claude Code connected: a SessionStart hook hands every session the primer. ${files}.`
    : `Claude Code connected: CLAUDE.md imports the primer into every session. ${files}.`;
}

export const connectClaudeCodeCommand: CampaignCommand = {
  id: CommandIds.connectClaudeCode,
  async run(ctx, arg) {
    const given = connectArgs(arg);
    const store = await campaignStore(ctx, given ? undefined : arg);
    if (!store) return;
    ctx.writer.assertWritable(store);
    const choice = given ?? (await askConnect(ctx, store.folder.uri));
    if (!choice) return;
    const root = store.folder.uri;
    const options: ConnectOptions = {
      campaignPath: store.uri.fsPath,
      root: root.fsPath,
      hook: choice.mode === 'hook',
      agentsMd: choice.agentsMd === true,
      budget: tokenBudget(store.folder),
    };
    if (choice.mode === 'hook') options.settings = choice.settings ?? 'project';
    let result: ConnectResult;
    try {
      result = await rareCore().connect(options);
    } catch (err) {
      if (!(err instanceof rareCore().EditedBlockError)) throw err;
      const replace = await ctx.ui.showWarningMessage(
        `The Campaign block in ${err.fileName} was edited by hand since Campaign wrote it. Replace it with the current block? Your edits inside the markers will be lost.`,
        { modal: true },
        'Replace Block',
      );
      if (replace !== 'Replace Block') return;
      result = await rareCore().connect({ ...options, force: true });
    }
    ctx.log.info(`connect (${result.mode}) in ${store.folder.name}: ${result.changes.map((c) => `${c.relPath} ${c.change}`).join(', ')}`);
    void ctx.ui.showInformationMessage(summarize(result), 'Open CLAUDE.md', 'Show Primer File').then((action) => {
      if (action === 'Open CLAUDE.md') void vscode.window.showTextDocument(vscode.Uri.joinPath(root, 'CLAUDE.md'));
      if (action === 'Show Primer File') void vscode.window.showTextDocument(vscode.Uri.joinPath(root, '.claude', 'campaign-primer.md'));
    });
    return result;
  },
};

/** The two Quick Picks: how the primer is delivered, and (unless AGENTS.md has the block already) whether AGENTS.md gets it. */
async function askConnect(ctx: CommandContext, root: vscode.Uri): Promise<ConnectArgs | undefined> {
  const mode = await ctx.ui.showQuickPick(MODES, { title: 'Connect Claude Code (1/2)', placeHolder: 'How should each Claude Code session get the campaign primer?' });
  if (!mode) return undefined;
  const choice: ConnectArgs = { mode: mode.hook ? 'hook' : 'import' };
  if (mode.settings) choice.settings = mode.settings;
  const agentsText = await readText(vscode.Uri.joinPath(root, 'AGENTS.md'));
  let hasAgentsBlock = false;
  try {
    hasAgentsBlock = agentsText !== undefined && rareCore().findBlock(agentsText, 'AGENTS.md') !== undefined;
  } catch {
    hasAgentsBlock = true;
  }
  // A block already in AGENTS.md is kept current by connect on its own.
  if (hasAgentsBlock) return choice;
  const items: AgentsItem[] = [
    { label: 'CLAUDE.md only', agentsMd: false },
    { label: 'Also AGENTS.md', detail: 'The session protocol in AGENTS.md for the agents that read it (Codex, Cursor, …); CLAUDE.md then imports it.', agentsMd: true },
  ];
  const agents = await ctx.ui.showQuickPick(items, { title: 'Connect Claude Code (2/2)', placeHolder: 'Write the block to AGENTS.md too?' });
  if (!agents) return undefined;
  choice.agentsMd = agents.agentsMd;
  return choice;
}
