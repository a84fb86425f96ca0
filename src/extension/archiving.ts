// Moving old build-log entries and superseded decisions out of a long-lived
// campaign (core/archive/archive.ts, docs/team.md): what Campaign: Archive Old
// Entries runs, and the optional automatic run after the extension's own
// writes once the file is bigger than campaign.archive.autoAboveKB. Archiving
// writes the campaign file itself (and the archive files), so the store then
// re-reads it, and — the primer step runs after this one — a connected
// project's primer file follows with the archive pointer.
import { promises as fs } from 'node:fs';
import * as vscode from 'vscode';
import type { ArchiveResult } from '../core/archive/archive';
import { rareCore } from './lazy/loadLazy';
import { CampaignError } from '../core/model/problems';
import type { CampaignStore } from './campaignStore';
import type { CampaignWriter } from './campaignWriter';
import { Disposable } from './disposable';
import type { Logger } from './logger';
import { archiveAutoAboveKB } from './settings';
import { assertWritesStayInFolder } from './symlinkGuard';
import type { WorkspaceTrust } from './trust';

/** How many of each list an archive keeps unless told otherwise (the core's default, loaded on first use). */
export function defaultKeep(): number {
  return rareCore().DEFAULT_KEEP;
}

/** Archives `store`'s old entries, keeping the newest `keep` of each list. Callers check trust and validity first. */
export async function archiveStore(store: CampaignStore, keep: number): Promise<ArchiveResult> {
  if (vscode.workspace.textDocuments.some((d) => d.uri.toString() === store.uri.toString() && d.isDirty)) {
    throw new CampaignError(`${store.relativePath} has unsaved changes in an editor; save them before archiving.`);
  }
  await assertWritesStayInFolder(store);
  return rareCore().archiveCampaign(store.uri.fsPath, { keep });
}

export function describeArchive(r: ArchiveResult): string {
  const parts: string[] = [];
  if (r.buildLog) parts.push(`${r.buildLog} build-log entr${r.buildLog === 1 ? 'y' : 'ies'}`);
  if (r.decisions) parts.push(`${r.decisions} decision${r.decisions === 1 ? '' : 's'}`);
  return parts.join(' and ');
}

/** After each write the extension makes: archive when the file grew past campaign.archive.autoAboveKB. */
export class AutoArchive extends Disposable {
  constructor(
    writer: CampaignWriter,
    private readonly trust: WorkspaceTrust,
    private readonly log: Logger,
  ) {
    super();
    // An archive run's own write (the command's) does not trigger another.
    this._register(writer.onDidWriteFile((store, kind) => (kind === 'archive' ? Promise.resolve() : this.afterWrite(store))));
  }

  private async afterWrite(store: CampaignStore): Promise<void> {
    const limitKB = archiveAutoAboveKB(store.folder);
    if (limitKB === 0 || !this.trust.isTrusted || store.state.kind !== 'valid') return;
    const size = (await fs.stat(store.uri.fsPath)).size;
    if (size <= limitKB * 1024) return;
    const r = await archiveStore(store, defaultKeep());
    if (r.buildLog + r.decisions === 0) {
      this.log.debug(`${store.relativePath} is ${Math.round(size / 1024)} KB (over ${limitKB} KB) but has nothing old enough to archive`);
      return;
    }
    this.log.info(`${store.relativePath} was ${Math.round(size / 1024)} KB (over campaign.archive.autoAboveKB = ${limitKB}): archived ${describeArchive(r)}`);
    await store.reload();
    vscode.window.setStatusBarMessage(`$(archive) Campaign archived ${describeArchive(r)}`, 5000);
  }
}
