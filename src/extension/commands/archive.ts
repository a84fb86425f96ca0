// Campaign: Archive Old Entries — `campaign archive`: build-log entries and
// superseded decisions beyond the newest ten move to
// .claude/campaign-archive/YEAR.yaml, and the campaign keeps a pointer.
// Nothing is lost (archive files are only appended to). A keybinding can
// pass how many to keep: { "command": "campaign.archive", "args": { "keep": 20 } }.
import * as vscode from 'vscode';
import { archiveDisplayPath } from '../../core/archive/archiveView';
import { CampaignError } from '../../core/model/problems';
import { archiveStore, defaultKeep, describeArchive } from '../archiving';
import { CommandIds } from '../commandIds';
import { campaignStore, type CampaignCommand } from './commandContext';

function keepArg(arg: unknown): number | undefined {
  if (typeof arg !== 'object' || arg === null || !('keep' in arg)) return undefined;
  const keep = (arg as { keep: unknown }).keep;
  if (typeof keep !== 'number' || !Number.isInteger(keep) || keep < 0) throw new CampaignError('Archive Old Entries takes { "keep": N } with N a whole number, 0 or more.');
  return keep;
}

export const archiveCommand: CampaignCommand = {
  id: CommandIds.archive,
  async run(ctx, arg) {
    const keep = keepArg(arg);
    const store = await campaignStore(ctx, keep === undefined ? arg : undefined);
    if (!store) return;
    ctx.writer.assertWritable(store);
    const r = await archiveStore(store, keep ?? defaultKeep());
    if (r.recovered !== 'none') ctx.log.info(`archive: an interrupted earlier run was ${r.recovered === 'completed' ? 'completed' : 'rolled back'}`);
    const moved = r.buildLog + r.decisions;
    if (moved > 0 || r.recovered !== 'none') await ctx.writer.didWriteFile(store, 'archive');
    if (moved === 0) {
      void ctx.ui.showInformationMessage(
        `Nothing to archive: ${store.relativePath} keeps the newest ${keep ?? defaultKeep()} build-log entries and decisions, and has no older ones to move (decisions move only once superseded).`,
      );
      return r;
    }
    const where = archiveDisplayPath(store.uri.fsPath);
    ctx.log.info(`archive in ${store.folder.name}: ${describeArchive(r)} → ${r.files.map((f) => vscode.workspace.asRelativePath(f)).join(', ')}`);
    void ctx.ui.showInformationMessage(`Archived ${describeArchive(r)} to ${where}. Commit the archive files with the campaign.`);
    return r;
  },
};
