// Campaign: Copy Session Primer — the budgeted primer on the clipboard, ready
// to paste into a new agent session, with its token count in a notification.
// Works in untrusted workspaces (it only reads).
import * as vscode from 'vscode';
import { CommandIds } from '../commandIds';
import { primerFor } from '../sessionPrimer';
import { campaignStore, type CampaignCommand } from './commandContext';

export const copyPrimerCommand: CampaignCommand = {
  id: CommandIds.copyPrimer,
  async run(ctx, arg) {
    const store = await campaignStore(ctx, arg);
    if (!store) return;
    const primer = primerFor(store);
    if (!primer) throw new Error(`${store.relativePath} has not been read successfully yet, so there is no primer to copy.`);
    await vscode.env.clipboard.writeText(primer.text);
    const parts = [`Session primer copied: ${primer.tokens.toLocaleString('en-US')} tokens (budget ${primer.budget.toLocaleString('en-US')}).`];
    if (primer.omitted) parts.push(`Left out to fit: ${primer.omitted}.`);
    if (primer.superseded) parts.push(primer.superseded);
    if (primer.stale) parts.push('The campaign file has problems; this is its last good state.');
    void ctx.ui.showInformationMessage(parts.join(' '), 'Show Primer').then((choice) => {
      if (choice) void ctx.primerPreview.show(store);
    });
    ctx.log.info(`primer copied for ${store.folder.name}: ${primer.tokens} tokens`);
    return primer;
  },
};
