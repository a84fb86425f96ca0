// Campaign: Disconnect Claude Code — `campaign disconnect`: removes exactly
// what Connect added (the block, the hook, the primer file); files Connect
// created that hold nothing else are deleted. A hand-edited block is removed
// only after asking.
import { EditedBlockError } from '../../core/claudeMdBlock';
import { disconnect, type DisconnectResult } from '../../core/connect';
import type { CommandId } from '../commandIds';
import { campaignStore, type CampaignCommand } from './commandContext';

/** Register in commandIds.ts as `disconnectClaudeCode`. */
export const DISCONNECT_CLAUDE_CODE_ID = 'campaign.disconnectClaudeCode';

export const disconnectClaudeCodeCommand: CampaignCommand = {
  id: DISCONNECT_CLAUDE_CODE_ID as string as CommandId,
  async run(ctx, arg) {
    const store = await campaignStore(ctx, arg);
    if (!store) return;
    if (!ctx.trust.isTrusted) ctx.writer.assertWritable(store); // refuses with the trust message
    const root = store.folder.uri.fsPath;
    let result: DisconnectResult;
    try {
      result = await disconnect({ root });
    } catch (err) {
      if (!(err instanceof EditedBlockError)) throw err;
      const remove = await ctx.ui.showWarningMessage(
        `The Campaign block in ${err.fileName} was edited by hand. Remove it anyway? Your edits inside the markers will be lost.`,
        { modal: true },
        'Remove Block',
      );
      if (remove !== 'Remove Block') return;
      result = await disconnect({ root, force: true });
    }
    ctx.log.info(`disconnect in ${store.folder.name}: ${result.changes.map((c) => `${c.relPath} ${c.change}${c.exact === false ? ' (not exact)' : ''}`).join(', ') || 'nothing to do'}`);
    void ctx.ui.showInformationMessage(
      result.changes.length === 0
        ? 'Claude Code was not connected here; nothing to remove.'
        : `Claude Code disconnected: ${result.changes.map((c) => `${c.relPath} (${c.change})`).join(', ')}.`,
    );
    return result;
  },
};
