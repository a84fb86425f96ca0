// `campaign archive [--before DATE] [--keep N]`: keeps a campaign with years
// of history small and cheap to prime. Old build-log entries, and decisions
// that were superseded (or, with --before, are old), move to
// `.claude/campaign-archive/YEAR.yaml` — appended, never rewritten — and the
// campaign keeps a one-line pointer, `archive: .claude/campaign-archive/`.
// Writes are atomic and journalled: archive files first, then the campaign.
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { Document, isSeq, type Node, type YAMLSeq } from 'yaml';
import { CampaignDocument } from '../document/campaignDocument';
import { loadCampaign } from '../file/campaignFile';
import { withFileLock } from '../file/fileLock';
import { MAX_ALIAS_COUNT } from '../model/limits';
import type { Operation } from '../operations/operation';
import { CampaignError } from '../model/problems';
import { blockStyle, ensureSeq, getNode, hasAlias, pairOf, seqItem, setKey } from '../document/yamlEdit';
import {
  ARCHIVE_MAX_BYTES,
  archiveDirFor,
  archiveDisplayPath,
  combineByDate,
  entryDate,
  entryYear,
  readArchive,
  type ArchiveFile,
} from './archiveView';
import { commitArchive, recoverArchive, type JournalEntry } from './archiveJournal';

export const ARCHIVE_KEY = 'archive';
/** Build-log entries and decisions `campaign archive` keeps when given neither --before nor --keep. */
export const DEFAULT_KEEP = 10;

export interface ArchiveOptions {
  /** Archive entries dated before this day (YYYY, YYYY-MM or YYYY-MM-DD). */
  before?: string;
  /** Always keep this many of the newest entries of each list. */
  keep?: number;
}

type ListKey = 'build_log' | 'decisions_log';
const LISTS: readonly ListKey[] = ['build_log', 'decisions_log'];

export interface ArchivePlan {
  /** Indices into each live list that move, ascending. */
  moves: Record<ListKey, number[]>;
  /** Candidates kept because moving them would change their order in the combined view. */
  held: number;
}

export function checkBefore(before: string): string {
  if (!/^\d{4}(-\d{2}(-\d{2})?)?$/.test(before)) throw new CampaignError(`--before needs a date like 2025-01-01 (or 2025-01, 2025), not "${before}".`);
  return before;
}

function status(entry: unknown): string {
  const s = entry && typeof entry === 'object' ? (entry as { status?: unknown }).status : undefined;
  return s === null || s === undefined ? 'active' : String(s).toLowerCase();
}

/** The archive's lists as they read after `chosen` live entries are appended to their year files. */
function archivedAfter(files: readonly ArchiveFile[], key: ListKey, live: readonly unknown[], chosen: readonly number[]): unknown[] {
  const byYear = new Map<string, unknown[]>(files.map((f) => [f.year, [...f[key]]]));
  for (const i of chosen) {
    const year = entryYear(live[i])!;
    byYear.set(year, [...(byYear.get(year) ?? []), live[i]]);
  }
  return [...byYear.keys()].sort().flatMap((y) => byYear.get(y)!);
}

/** Whether moving `chosen` leaves the combined view (archive + campaign) exactly as it is. */
function keepsOrder(files: readonly ArchiveFile[], key: ListKey, live: readonly unknown[], chosen: readonly number[], expected: readonly unknown[]): boolean {
  const moved = new Set(chosen);
  const after = combineByDate(archivedAfter(files, key, live, chosen), live.filter((_, i) => !moved.has(i)));
  return after.length === expected.length && after.every((e, i) => e === expected[i]);
}

/** Which entries move. Pure: the same inputs, the same plan. */
export function planArchive(data: Record<string, unknown>, files: readonly ArchiveFile[], options: ArchiveOptions): ArchivePlan {
  const keep = options.keep ?? (options.before ? 0 : DEFAULT_KEEP);
  const before = options.before === undefined ? undefined : checkBefore(options.before);
  const plan: ArchivePlan = { moves: { build_log: [], decisions_log: [] }, held: 0 };
  for (const key of LISTS) {
    const live = Array.isArray(data[key]) ? (data[key] as unknown[]) : [];
    const candidates = live
      .map((entry, i) => ({ entry, i }))
      .filter(({ entry, i }) => i < live.length - keep && entryYear(entry) !== undefined)
      .filter(({ entry }) => before === undefined || entryDate(entry) < before)
      .filter(({ entry }) => key === 'build_log' || status(entry) === 'superseded' || before !== undefined)
      .map(({ i }) => i);
    const expected = combineByDate(files.flatMap((f) => f[key]), live);
    let chosen = candidates;
    if (!keepsOrder(files, key, live, chosen, expected)) {
      // Rare (hand-ordered lists, same-day entries split between archive and campaign): add moves one by one.
      chosen = [];
      for (const c of candidates) if (keepsOrder(files, key, live, [...chosen, c], expected)) chosen.push(c);
    }
    plan.moves[key] = chosen;
    plan.held += candidates.length - chosen.length;
  }
  return plan;
}

/** Appends entries (yaml nodes from the campaign, comments and all) to an archive file's lists. */
function appendToArchive(entries: Record<ListKey, Node[]>): Operation {
  return {
    name: 'archive.append',
    apply(cd) {
      for (const key of LISTS) {
        if (entries[key].length === 0) continue;
        const seq = blockStyle(ensureSeq(cd.doc, cd.root(), key, true));
        for (const node of entries[key]) seq.items.push(hasAlias(node) ? cd.doc.createNode(node.toJS(cd.doc)) : node.clone());
      }
      cd.changed();
    },
  };
}

/** Removes the archived entries from the campaign and leaves the pointer to the archive. */
function removeArchived(moves: Record<ListKey, number[]>, pointer: string): Operation {
  return {
    name: 'archive.remove',
    apply(cd) {
      const root = cd.root();
      for (const key of LISTS) {
        const seq = getNode(cd.doc, root, key);
        if (!isSeq(seq)) continue;
        for (const i of [...moves[key]].sort((a, b) => b - a)) seq.items.splice(i, 1);
      }
      const pair = pairOf(root, ARCHIVE_KEY);
      if (!pair || String((pair.value as { value?: unknown } | null)?.value) !== pointer) {
        setKey(cd.doc, root, ARCHIVE_KEY, pointer);
        const added = pairOf(root, ARCHIVE_KEY)!;
        if (!pair) Object.assign(added.key as object, { commentBefore: ' Older build-log entries and decisions (campaign show --json --with-archive)', spaceBefore: true });
      }
      cd.changed();
    },
  };
}

function newArchiveText(year: string): string {
  const doc = new Document({ build_log: [], decisions_log: [] });
  doc.commentBefore =
    ` Campaign archive, ${year}: build-log entries and decisions moved out of campaign.yaml by \`campaign archive\`.\n` +
    ' New entries are appended; `campaign show --json --with-archive` reads them back in place.';
  return doc.toString({ lineWidth: 0 });
}

export interface ArchiveResult {
  buildLog: number;
  decisions: number;
  /** Archive files written (absolute paths). */
  files: string[];
  /** Entries that qualified but stay, because moving them would change their order when read back. */
  held: number;
  /** What a journal left by an interrupted run led to. */
  recovered: 'none' | 'completed' | 'rolled-back';
}

export async function archiveCampaign(path: string, options: ArchiveOptions = {}): Promise<ArchiveResult> {
  if (options.before !== undefined) checkBefore(options.before);
  if (options.keep !== undefined && (!Number.isInteger(options.keep) || options.keep < 0)) {
    throw new CampaignError('--keep needs a whole number of entries (0 or more).');
  }
  const target = await fs.realpath(path);
  const dir = archiveDirFor(path);
  return withFileLock(target, async () => {
    const recovered = await recoverArchive(dir);
    const loaded = await loadCampaign(target, { maxBytes: ARCHIVE_MAX_BYTES });
    const cd = loaded.doc;
    const files = await readArchive(dir);
    const data = (cd.doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) ?? {}) as Record<string, unknown>;
    const plan = planArchive(data, files, options);
    const count = plan.moves.build_log.length + plan.moves.decisions_log.length;
    const result: ArchiveResult = { buildLog: plan.moves.build_log.length, decisions: plan.moves.decisions_log.length, files: [], held: plan.held, recovered };
    if (count === 0) return result;

    // Group the moving nodes by year, in list order.
    const byYear = new Map<string, Record<ListKey, Node[]>>();
    for (const key of LISTS) {
      const seq = getNode(cd.doc, cd.root(), key) as YAMLSeq;
      for (const i of plan.moves[key]) {
        const year = entryYear((data[key] as unknown[])[i])!;
        if (!byYear.has(year)) byYear.set(year, { build_log: [], decisions_log: [] });
        byYear.get(year)![key].push(seqItem(cd.doc, seq, i)!);
      }
    }
    const archives: JournalEntry[] = [];
    const ctx = { now: new Date() };
    for (const [year, entries] of [...byYear].sort(([a], [b]) => a.localeCompare(b))) {
      const file = join(dir, `${year}.yaml`);
      const before = files.find((f) => f.year === year)?.text ?? null;
      const archive = CampaignDocument.parse(before ?? newArchiveText(year), { file, maxBytes: ARCHIVE_MAX_BYTES });
      archive.apply(appendToArchive(entries), ctx);
      const after = archive.toString();
      CampaignDocument.parse(after, { file, maxBytes: Number.MAX_SAFE_INTEGER });
      archives.push({ path: file, before, after });
    }
    cd.apply(removeArchived(plan.moves, archiveDisplayPath(path)), ctx);
    void cd.model;
    const campaignAfter = cd.toString();
    CampaignDocument.parse(campaignAfter, { file: path, maxBytes: Number.MAX_SAFE_INTEGER });
    // A writer that ignores our lock may have changed the file meanwhile: then nothing is written.
    if ((await fs.readFile(target, 'utf8')) !== loaded.text) {
      throw new CampaignError('The campaign file changed while it was being archived; nothing was written. Run `campaign archive` again.', [], path);
    }
    const mode = (await fs.stat(target)).mode & 0o777;
    await commitArchive(dir, archives, { path: target, before: loaded.text, after: campaignAfter }, mode);
    result.files = archives.map((a) => a.path);
    return result;
  });
}
