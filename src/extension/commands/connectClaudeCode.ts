// Campaign: Connect Claude Code — the CLI's `campaign connect` behind a Quick
// Pick: how the primer reaches each session (CLAUDE.md import, or a
// SessionStart hook in the shared or the personal settings file) and whether
// AGENTS.md gets the block too. A block someone edited by hand is replaced
// only after asking. The connect logic itself is the core's (core/connect.ts).
import * as vscode from 'vscode';
import { EditedBlockError, findBlock } from '../../core/claudeMdBlock';
import type { SettingsScope } from '../../core/claudeSettings';
import { connect, type ConnectOptions, type ConnectResult } from '../../core/connect';
import type { CommandId } from '../commandIds';
import { tokenBudget } from '../settings';
import { campaignStore, type CampaignCommand } from './commandContext';

/** Register in commandIds.ts as `connectClaudeCode`. */
export const CONNECT_CLAUDE_CODE_ID = 'campaign.connectClaudeCode';

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
  id: CONNECT_CLAUDE_CODE_ID as string as CommandId,
  async run(ctx, arg) {
    const store = await campaignStore(ctx, arg);
    if (!store) return;
    ctx.writer.assertWritable(store);
    const mode = await ctx.ui.showQuickPick(MODES, { title: 'Connect Claude Code (1/2)', placeHolder: 'How should each Claude Code session get the campaign primer?' });
    if (!mode) return;
    const root = store.folder.uri;
    const agentsText = await readText(vscode.Uri.joinPath(root, 'AGENTS.md'));
    let agentsMd = false;
    let hasAgentsBlock = false;
    try {
      hasAgentsBlock = agentsText !== undefined && findBlock(agentsText, 'AGENTS.md') !== undefined;
    } catch {
      hasAgentsBlock = true;
    }
    if (!hasAgentsBlock) {
      const items: AgentsItem[] = [
        { label: 'CLAUDE.md only', agentsMd: false },
        { label: 'Also AGENTS.md', detail: 'The same block, for agents that read AGENTS.md (Codex, Cursor, …).', agentsMd: true },
      ];
      const agents = await ctx.ui.showQuickPick(items, { title: 'Connect Claude Code (2/2)', placeHolder: 'Write the block to AGENTS.md too?' });
      if (!agents) return;
      agentsMd = agents.agentsMd;
    }
    const options: ConnectOptions = { campaignPath: store.uri.fsPath, root: root.fsPath, hook: mode.hook, agentsMd, budget: tokenBudget(store.folder) };
    if (mode.settings) options.settings = mode.settings;
    let result: ConnectResult;
    try {
      result = await connect(options);
    } catch (err) {
      if (!(err instanceof EditedBlockError)) throw err;
      const replace = await ctx.ui.showWarningMessage(
        `The Campaign block in ${err.fileName} was edited by hand since Campaign wrote it. Replace it with the current block? Your edits inside the markers will be lost.`,
        { modal: true },
        'Replace Block',
      );
      if (replace !== 'Replace Block') return;
      result = await connect({ ...options, force: true });
    }
    ctx.log.info(`connect (${result.mode}) in ${store.folder.name}: ${result.changes.map((c) => `${c.relPath} ${c.change}`).join(', ')}`);
    void ctx.ui.showInformationMessage(summarize(result), 'Open CLAUDE.md', 'Show Primer File').then((choice) => {
      if (choice === 'Open CLAUDE.md') void vscode.window.showTextDocument(vscode.Uri.joinPath(root, 'CLAUDE.md'));
      if (choice === 'Show Primer File') void vscode.window.showTextDocument(vscode.Uri.joinPath(root, '.claude', 'campaign-primer.md'));
    });
    return result;
  },
};
