// Tree item action (context menu): Copy — a work item, decision or build-log
// entry as plain text on the clipboard (entryText.ts says how each reads).
import * as vscode from 'vscode';
import { CommandIds } from '../commandIds';
import { entryText } from '../entryText';
import type { CampaignCommand } from './commandContext';

export const copyEntryCommand: CampaignCommand = {
  id: CommandIds.copyEntry,
  async run(ctx, target, selection) {
    const nodes = Array.isArray(selection) && selection.includes(target) ? selection : [target];
    const text = nodes.map(entryText).filter((t): t is string => t !== undefined).join('\n\n');
    if (!text) return undefined;
    await vscode.env.clipboard.writeText(text);
    ctx.log.debug(`copied ${nodes.length} entr${nodes.length === 1 ? 'y' : 'ies'}`);
    return text;
  },
};
