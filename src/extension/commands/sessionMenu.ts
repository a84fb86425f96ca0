// The status bar's menu while a session runs: the session's commands in one
// Quick Pick, reachable with a click or from the keyboard via the status bar.
import * as vscode from 'vscode';
import { CommandIds, type CommandId } from '../commandIds';
import type { CampaignCommand } from './commandContext';

interface MenuPick extends vscode.QuickPickItem {
  command: CommandId;
  writes: boolean;
}

const MENU: MenuPick[] = [
  { label: '$(copy) Copy Session Primer', command: CommandIds.copyPrimer, writes: false },
  { label: '$(debug-stop) End Session…', description: 'handoff form', command: CommandIds.endSession, writes: true },
  { label: '$(add) Add Work Item…', command: CommandIds.addWorkItem, writes: true },
  { label: '$(law) Log Decision…', command: CommandIds.logDecision, writes: true },
  { label: '$(open-preview) Show Primer', command: CommandIds.showPrimer, writes: false },
  { label: '$(go-to-file) Open Campaign File', command: CommandIds.openFile, writes: false },
];

export const sessionMenuCommand: CampaignCommand = {
  id: CommandIds.sessionMenu,
  async run(ctx) {
    // Writing commands are left out where they cannot run.
    const items = ctx.trust.isTrusted ? MENU : MENU.filter((m) => !m.writes);
    const pick = await ctx.ui.showQuickPick(items, { title: 'Campaign Session', placeHolder: 'Session actions' });
    if (pick) await vscode.commands.executeCommand(pick.command);
  },
};
