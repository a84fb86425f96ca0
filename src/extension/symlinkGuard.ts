// Writes that do not go through the core's applyToFile (import, archive) make
// the same check it makes: a campaign file that is a symbolic link to a file
// outside its workspace folder is not written through, unless the user
// setting campaign.allowSymlinkOutsideWorkspace allows it — so a cloned
// repository cannot make Campaign write elsewhere on the machine.
import { promises as fs } from 'node:fs';
import { isAbsolute, relative } from 'node:path';
import { CampaignError } from '../core/model/problems';
import type { CampaignStore } from './campaignStore';
import { allowSymlinkOutsideWorkspace } from './settings';

/** Throws when the campaign file resolves outside its folder and that is not allowed; a missing file passes. */
export async function assertWritesStayInFolder(store: CampaignStore): Promise<void> {
  if (allowSymlinkOutsideWorkspace()) return;
  let target: string;
  try {
    target = await fs.realpath(store.uri.fsPath);
  } catch {
    return; // not there yet: it is created inside the folder
  }
  const rel = relative(await fs.realpath(store.folder.uri.fsPath), target);
  if (rel.startsWith('..') || isAbsolute(rel)) {
    throw new CampaignError(
      `The campaign file is a symlink to ${target}, outside the workspace; Campaign does not write through it. Allow it with the setting campaign.allowSymlinkOutsideWorkspace.`,
      [],
      store.uri.fsPath,
    );
  }
}
