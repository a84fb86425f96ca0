// Reading the archive back: `.claude/campaign-archive/YEAR.yaml` files hold
// build-log entries and decisions that `campaign archive` moved out of the
// campaign file. The combined view (campaign + archive) puts every entry back
// where it was: the archived list (years in order) is merged into the live
// list by date, archived entries first on the same day. `campaign archive`
// only moves entries whose place this merge restores exactly, so the
// combined view always equals the campaign as it was before archiving.
import { promises as fs } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { CampaignDocument } from '../document/campaignDocument';
import { loadCampaign } from '../file/campaignFile';
import { MAX_ALIAS_COUNT } from '../model/limits';
import { campaignFileSchema, type Campaign } from '../model/model';
import { normalizeCampaign } from '../model/normalize';
import { CampaignError } from '../model/problems';

/** Archive files may grow past the campaign's own size limit: they are read, rarely. */
export const ARCHIVE_MAX_BYTES = 64 * 1024 * 1024;
export const ARCHIVE_DIR_NAME = 'campaign-archive';
export const JOURNAL_NAME = '.archive-journal.json';

/** The archive folder of a campaign file: `campaign-archive/` beside it. */
export function archiveDirFor(campaignPath: string): string {
  return join(dirname(campaignPath), ARCHIVE_DIR_NAME);
}

/** The archive folder as the pointer and the primer name it: `.claude/campaign-archive/`. */
export function archiveDisplayPath(campaignPath: string): string {
  return `${relative(dirname(dirname(campaignPath)), archiveDirFor(campaignPath)).split(sep).join('/')}/`;
}

export interface ArchiveFile {
  year: string;
  path: string;
  text: string;
  build_log: unknown[];
  decisions_log: unknown[];
}

function plainList(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

/** The archive's year files, oldest year first; none when the folder does not exist. */
export async function readArchive(dir: string): Promise<ArchiveFile[]> {
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  const out: ArchiveFile[] = [];
  for (const name of names.filter((n) => /^\d{4}\.yaml$/.test(n)).sort()) {
    const path = join(dir, name);
    const text = await fs.readFile(path, 'utf8');
    const data = CampaignDocument.parse(text, { file: path, maxBytes: ARCHIVE_MAX_BYTES }).doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) as
      | Record<string, unknown>
      | null;
    out.push({ year: name.slice(0, 4), path, text, build_log: plainList(data?.build_log), decisions_log: plainList(data?.decisions_log) });
  }
  return out;
}

/** The year an entry is archived under, from its date; undefined for undated entries (never archived). */
export function entryYear(entry: unknown): string | undefined {
  const date = entryDate(entry);
  return /^\d{4}/.exec(date)?.[0];
}

export function entryDate(entry: unknown): string {
  const d = entry && typeof entry === 'object' ? (entry as { date?: unknown }).date : undefined;
  return d === null || d === undefined ? '' : String(d);
}

/**
 * Merges archived entries into the live list by date, archived first on the
 * same day. The archive is read in date order (stable: same-day entries keep
 * their file order), so a later run may archive entries older than earlier
 * runs did. An undated live entry sorts with the next dated one after it
 * (undated entries are never archived, but may sit among others).
 */
export function combineByDate<T>(archivedInFileOrder: readonly T[], live: readonly T[]): T[] {
  const archived = [...archivedInFileOrder].sort((x, y) => (entryDate(x) < entryDate(y) ? -1 : entryDate(x) > entryDate(y) ? 1 : 0));
  const effective: string[] = new Array<string>(live.length);
  for (let i = live.length - 1; i >= 0; i--) effective[i] = entryDate(live[i]) || (effective[i + 1] ?? '\uffff');
  const out: T[] = [];
  let a = 0;
  let c = 0;
  while (a < archived.length || c < live.length) {
    if (c >= live.length) out.push(archived[a++]!);
    else if (a >= archived.length || entryDate(archived[a]) > effective[c]!) out.push(live[c++]!);
    else out.push(archived[a++]!);
  }
  return out;
}

/** The campaign's plain data with its archive merged back into build_log and decisions_log. */
export function combineWithArchive(data: Record<string, unknown>, files: readonly ArchiveFile[]): Record<string, unknown> {
  const out: Record<string, unknown> = { ...data };
  for (const key of ['build_log', 'decisions_log'] as const) {
    const archived = files.flatMap((f) => f[key]);
    if (archived.length) out[key] = combineByDate(archived, plainList(data[key]));
  }
  return out;
}

/** The campaign as if nothing had been archived: what `campaign show --json --with-archive` prints. */
export async function loadCampaignWithArchive(path: string): Promise<Campaign> {
  const dir = archiveDirFor(path);
  try {
    await fs.access(join(dir, JOURNAL_NAME));
    throw new CampaignError(`An interrupted \`campaign archive\` left ${join(dir, JOURNAL_NAME)}; run \`campaign archive\` again to finish it.`);
  } catch (err) {
    if (err instanceof CampaignError) throw err;
  }
  const { doc } = await loadCampaign(path, { maxBytes: ARCHIVE_MAX_BYTES });
  const data = doc.doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) as Record<string, unknown> | null;
  const combined = combineWithArchive(data ?? {}, await readArchive(dir));
  return normalizeCampaign(campaignFileSchema.parse(combined));
}

export interface ArchiveInfo {
  /** As the primer names it: `.claude/campaign-archive/`. */
  path: string;
  buildLogEntries: number;
  decisions: number;
  years: string[];
}

/** What the archive holds, for the primer's one-line mention; undefined when there is no archive. */
export async function archiveInfo(campaignPath: string): Promise<ArchiveInfo | undefined> {
  const files = await readArchive(archiveDirFor(campaignPath));
  if (files.length === 0) return undefined;
  return {
    path: archiveDisplayPath(campaignPath),
    buildLogEntries: files.reduce((n, f) => n + f.build_log.length, 0),
    decisions: files.reduce((n, f) => n + f.decisions_log.length, 0),
    years: files.map((f) => f.year),
  };
}
