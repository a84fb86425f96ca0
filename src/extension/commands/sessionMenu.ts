// The status bar's menu while a session runs: the session's commands in one
// Quick Pick, reachable with a click or from the keyboard via the status bar.
// It offers what the Command Palette offers in the same state
// (sessionMenuItems.ts): nothing that writes while the file is broken or the
// workspace is untrusted.
import * as vscode from 'vscode';
import { CommandIds } from '../commandIds';
import { sessionMenuItems, type SessionMenuItem } from '../sessionMenuItems';
import type { CampaignCommand } from './commandContext';

export const sessionMenuCommand: CampaignCommand = {
  id: CommandIds.sessionMenu,
  async run(ctx) {
    const store = ctx.workspace.active;
    const items: (SessionMenuItem & vscode.QuickPickItem)[] = sessionMenuItems({
      hasCampaign: !!store?.hasFile,
      invalid: store?.fileState === 'invalid',
      readOnly: !ctx.trust.isTrusted,
      sessionActive: !!store?.campaign?.active_session,
    });
    const pick = await ctx.ui.showQuickPick(items, { title: 'Campaign Session', placeHolder: 'Session actions' });
    if (pick) await vscode.commands.executeCommand(pick.command);
    return items.map((i) => i.command);
  },
};
