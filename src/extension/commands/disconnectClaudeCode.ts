// Campaign: Disconnect Claude Code — `campaign disconnect`: removes exactly
// what Connect added (the block, the hook, the primer file); files Connect
// created that hold nothing else are deleted. A hand-edited block is removed
// only after asking.
import type { DisconnectResult } from '../../core/agents/connect';
import { rareCore } from '../lazy/loadLazy';
import { CommandIds } from '../commandIds';
import { campaignStore, type CampaignCommand } from './commandContext';

/** Disconnect's run, shared with Disconnect Agents (the two messages name what was connected). */
export function disconnectRun(notConnected: string, disconnected: string): CampaignCommand['run'] {
  return async (ctx, arg) => {
    const store = await campaignStore(ctx, arg);
    if (!store) return;
    // Only trust matters: a project can be disconnected while its campaign file is invalid.
    ctx.writer.assertTrusted(store);
    const root = store.folder.uri.fsPath;
    let result: DisconnectResult;
    try {
      result = await rareCore().disconnect({ root });
    } catch (err) {
      if (!(err instanceof rareCore().EditedBlockError)) throw err;
      const remove = await ctx.ui.showWarningMessage(
        `The Campaign block in ${err.fileName} was edited by hand. Remove it anyway? Your edits inside the markers will be lost.`,
        { modal: true },
        'Remove Block',
      );
      if (remove !== 'Remove Block') return;
      result = await rareCore().disconnect({ root, force: true });
    }
    ctx.log.info(`disconnect in ${store.folder.name}: ${result.changes.map((c) => `${c.relPath} ${c.change}${c.exact === false ? ' (not exact)' : ''}`).join(', ') || 'nothing to do'}`);
    void ctx.ui.showInformationMessage(
      result.changes.length === 0
        ? notConnected
        : `${disconnected}: ${result.changes.map((c) => `${c.relPath} (${c.change})`).join(', ')}.`,
    );
    return result;
  };
}

export const disconnectClaudeCodeCommand: CampaignCommand = {
  id: CommandIds.disconnectClaudeCode,
  run: disconnectRun('Claude Code was not connected here; nothing to remove.', 'Claude Code disconnected'),
};
