// A redo journal that makes `campaign archive` all-or-nothing across several
// files. Before anything is written, the journal records every file's text
// before and after; then the archive files are written (first: a crash
// leaves entries in both places, never in neither), then the campaign, then
// the journal is removed. A run that finds a journal finishes the
// interrupted one — or, if the campaign changed since, takes the archive
// files back to their old text — so no entry is ever lost or doubled.
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { atomicWrite } from '../file/campaignFile';
import { readIfExists } from '../file/readIfExists';
import { CampaignError } from '../model/problems';
import { JOURNAL_NAME } from './archiveView';

export interface JournalEntry {
  path: string;
  /** The text before; null when the file did not exist. */
  before: string | null;
  after: string;
}

interface Journal {
  version: 1;
  archives: JournalEntry[];
  campaign: JournalEntry;
}

async function setText(path: string, text: string | null): Promise<void> {
  if (text === null) await fs.rm(path, { force: true });
  else await atomicWrite(path, text);
}

/** Writes the archive files, then the campaign, with the journal guarding the gap. */
export async function commitArchive(dir: string, archives: JournalEntry[], campaign: JournalEntry, campaignMode: number): Promise<void> {
  await fs.mkdir(dir, { recursive: true });
  const journal = join(dir, JOURNAL_NAME);
  const body: Journal = { version: 1, archives, campaign };
  await atomicWrite(journal, JSON.stringify(body));
  for (const a of archives) await atomicWrite(a.path, a.after);
  await atomicWrite(campaign.path, campaign.after, campaignMode);
  await fs.rm(journal, { force: true });
}

/** Finishes (or undoes) a run that was interrupted; returns what it did. */
export async function recoverArchive(dir: string): Promise<'none' | 'completed' | 'rolled-back'> {
  const path = join(dir, JOURNAL_NAME);
  const raw = (await readIfExists(path)) ?? null;
  if (raw === null) return 'none';
  const journal = JSON.parse(raw) as Journal;
  // The journal writes a missing file as null.
  const campaignNow = (await readIfExists(journal.campaign.path)) ?? null;
  const forward = campaignNow === journal.campaign.before || campaignNow === journal.campaign.after;
  for (const a of journal.archives) {
    const now = (await readIfExists(a.path)) ?? null;
    const [from, to] = forward ? [a.before, a.after] : [a.after, a.before];
    if (now === to) continue;
    if (now !== from) {
      throw new CampaignError(
        `${a.path} changed after an interrupted \`campaign archive\`; compare it with ${path} by hand, then delete the journal.`,
      );
    }
    await setText(a.path, to);
  }
  if (forward && campaignNow !== journal.campaign.after) await atomicWrite(journal.campaign.path, journal.campaign.after);
  await fs.rm(path, { force: true });
  return forward ? 'completed' : 'rolled-back';
}
