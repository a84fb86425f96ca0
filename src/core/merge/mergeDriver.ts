// The file side of the merge driver git runs (`campaign merge-driver %O %A
// %B %P`): read the three versions, merge, and write the result into OURS'
// file (%A), which is where git takes the merged content from. Any side that
// is not a valid campaign file stops the merge before anything is written.
import { promises as fs } from 'node:fs';
import { atomicWrite } from '../file/campaignFile';
import { CampaignError } from '../model/problems';
import { mergeCampaigns, type MergeConflict } from './mergeCampaigns';

export interface DriverFiles {
  base: string;
  ours: string;
  theirs: string;
  /** The file's path in the repository (git's %P), for messages. */
  path?: string;
}

export interface DriverOutcome {
  conflicts: MergeConflict[];
  /** Whether OURS' file was rewritten (false when THEIRS brought nothing new). */
  written: boolean;
}

// ignoreBOM: keep a byte-order mark in the text, so OURS keeps it (a default TextDecoder drops it).
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

async function readText(path: string): Promise<string> {
  const bytes = await fs.readFile(path);
  try {
    return utf8.decode(bytes);
  } catch {
    throw new CampaignError('A side of the merge is not UTF-8 text; nothing was merged.', [{ line: 1, column: 1, message: 'not valid UTF-8 text' }], path);
  }
}

/** Merges THEIRS and BASE into the OURS file in place; throws CampaignError, writing nothing, on invalid input. */
export async function runMergeDriver(files: DriverFiles): Promise<DriverOutcome> {
  const [base, ours, theirs] = await Promise.all([readText(files.base), readText(files.ours), readText(files.theirs)]);
  const result = mergeCampaigns(base, ours, theirs, files.path === undefined ? {} : { path: files.path });
  if (result.text === ours) return { conflicts: result.conflicts, written: false };
  const mode = (await fs.stat(files.ours)).mode & 0o777;
  await atomicWrite(files.ours, result.text, mode);
  return { conflicts: result.conflicts, written: true };
}
