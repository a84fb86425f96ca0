// Reading and writing the campaign file safely. A write never loses anything:
// the file must parse before it is touched, the new text must parse too, it
// is written to a temp file in the same folder and renamed over the old one
// (atomic), and if another writer changed the file meanwhile the operation is
// re-applied to their version instead of overwriting it.
import { randomBytes } from 'node:crypto';
import { promises as fs, constants as fsConstants } from 'node:fs';
import type { Stats } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { basename, dirname, join, relative, isAbsolute, resolve } from 'node:path';
import { CampaignDocument } from '../document/campaignDocument';
import { CampaignError } from '../model/problems';
import { DEFAULT_MAX_FILE_BYTES, MAX_WRITE_ATTEMPTS } from '../model/limits';
import type { Operation, OperationContext } from '../operations/operation';
import { isAlive, withFileLock } from './fileLock';
import { hashText } from './hashText';
import { openForCheck, stillAsRead } from './stillAsRead';
import { applyToOneSection, readOneSection, sectionHashes, type OneSection, type ValidatedSections } from './sectionTrust';
import { formatBytes } from '../model/formatBytes';

export interface FileOptions {
  maxBytes?: number;
  /** The workspace root: a symlinked campaign file pointing outside it is not written through. */
  root?: string;
  /** Allow writing through a symlink that points outside `root`. */
  allowOutsideRoot?: boolean;
}

export interface LoadedCampaign {
  path: string;
  text: string;
  hash: string;
  doc: CampaignDocument;
}

export { hashText };

// ignoreBOM: keep a leading BOM in the text so the write puts it back.
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Decodes file bytes as UTF-8 text, refusing binary data with a clear message. */
export function decodeCampaignBytes(bytes: Buffer, file?: string): string {
  try {
    return utf8.decode(bytes);
  } catch {
    throw new CampaignError('The campaign file is not UTF-8 text (binary data?); it was left untouched.', [
      { line: 1, column: 1, message: 'not valid UTF-8 text' },
    ], file);
  }
}

async function readChecked(path: string, options: FileOptions): Promise<{ bytes: Buffer; text: string }> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_FILE_BYTES;
  let first: Stats;
  try {
    first = await fs.stat(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new CampaignError(`No campaign file at ${path}. Create one with \`campaign init\` or "Campaign: Initialize Campaign".`, [], path);
    }
    throw err;
  }
  const size = first.size;
  if (size > maxBytes) {
    throw new CampaignError(
      `The campaign file is ${formatBytes(size)}, over the ${formatBytes(maxBytes)} limit; it was left untouched. Archive old entries (\`campaign archive\`) or raise the limit.`,
      [{ line: 1, column: 1, message: `file too large (${formatBytes(size)} > ${formatBytes(maxBytes)})` }],
      path,
    );
  }
  const bytes = await readSettled(path, first);
  return { bytes, text: decodeCampaignBytes(bytes, path) };
}

/** How long a file must have been left alone before it is read (someone may be writing it in place). */
const WRITE_SETTLE_MS = 20;
/** The same for an empty file, which is what a file being saved in place looks like between truncate and write. */
const EMPTY_SETTLE_MS = 2_000;

/**
 * Reads the file once it has been left alone for a moment. Editors, scripts
 * and the seed's Python save in place: truncate, then write — and under load
 * the file can stay empty for hundreds of milliseconds in between. Caught
 * there, we would read an empty (or cut-off) campaign and could write our one
 * edit over everything. So a file modified in the last WRITE_SETTLE_MS is
 * read once it has settled, an empty one once it has stayed empty for
 * EMPTY_SETTLE_MS, and a read during which the file changed is repeated.
 * A timestamp in the future (clock skew) counts as settled.
 */
async function readSettled(path: string, stat?: Stats): Promise<Buffer> {
  const started = Date.now();
  // The caller's stat, just made, stands for the first one.
  let known = stat;
  for (;;) {
    const before = known ?? (await fs.stat(path));
    known = undefined;
    const quiet = before.size === 0 ? EMPTY_SETTLE_MS : WRITE_SETTLE_MS;
    const age = Date.now() - before.mtimeMs;
    const late = Date.now() - started > (before.size === 0 ? EMPTY_SETTLE_MS + 500 : 1_000);
    if (age >= 0 && age < quiet && !late) {
      await new Promise((resolve) => setTimeout(resolve, Math.min(quiet - age, 50) + 1));
      continue;
    }
    const bytes = await fs.readFile(path);
    const after = await fs.stat(path);
    if (late || (after.ino === before.ino && after.mtimeMs === before.mtimeMs && after.size === bytes.length)) return bytes;
  }
}

/** The file's text and the hash of its bytes, read as loadCampaign reads it, without parsing. */
export async function readCampaignFile(path: string, options: FileOptions = {}): Promise<{ text: string; hash: string }> {
  const { bytes, text } = await readChecked(path, options);
  return { text, hash: hashText(bytes) };
}

export async function loadCampaign(path: string, options: FileOptions = {}): Promise<LoadedCampaign> {
  const { bytes, text } = await readChecked(path, options);
  const parseOptions = options.maxBytes === undefined ? { file: path } : { file: path, maxBytes: options.maxBytes };
  return { path, text, hash: hashText(bytes), doc: CampaignDocument.parse(text, parseOptions) };
}

/** The real file a write replaces, and its permission bits. */
export interface WriteTarget {
  target: string;
  mode: number;
}

/**
 * The real file a write must replace, after the symlink and read-only checks, with its permission bits.
 * A caller may start it before it has the text (writeIfUnchanged's `checked`): it reads, never writes.
 */
export async function writableTarget(path: string, options: FileOptions): Promise<WriteTarget> {
  // The three checks start at once, not one after another. stat follows symlinks, so it
  // answers for the real file either way; the folder checked beside it is the real file's
  // own only where the path holds no symlink, the usual case.
  const direct = resolve(path);
  const [real, stat, directFolder] = await Promise.allSettled([fs.realpath(path), fs.stat(direct), canWrite(dirname(direct))]);
  if (real.status === 'rejected') throw real.reason;
  const target = real.value;
  const folderWritable =
    target === direct
      ? directFolder.status === 'fulfilled' && directFolder.value
      : (await Promise.all([refuseOutsideRoot(path, target, options), canWrite(dirname(target))]))[1];
  if (stat.status === 'rejected') throw stat.reason;
  // Root may write anything, so check the mode bits rather than access().
  if ((stat.value.mode & 0o222) === 0) {
    throw new CampaignError(`The campaign file is read-only; nothing was changed. Make it writable (chmod u+w "${path}") and try again.`, [], path);
  }
  if (!folderWritable) {
    throw new CampaignError(`The folder ${dirname(target)} is not writable; nothing was changed.`, [], path);
  }
  return { target, mode: stat.value.mode & 0o777 };
}

/** Refuses a symlink that leads out of the workspace, unless that is allowed. */
async function refuseOutsideRoot(path: string, target: string, options: FileOptions): Promise<void> {
  if (!options.root || options.allowOutsideRoot) return;
  const root = await fs.realpath(options.root);
  const rel = relative(root, target);
  if (rel.startsWith('..') || isAbsolute(rel)) {
    throw new CampaignError(
      `The campaign file is a symlink to ${target}, outside the workspace; Campaign does not write through it. Allow it with the setting campaign.allowSymlinkOutsideWorkspace.`,
      [],
      path,
    );
  }
}

function canWrite(dir: string): Promise<boolean> {
  return fs.access(dir, fsConstants.W_OK).then(
    () => true,
    () => false,
  );
}

/**
 * Writes `text` to `target` atomically: temp file in the same folder, fsync,
 * rename, fsync of the folder. `beforeRename`, when given, runs after the temp
 * file is on disk, just before the rename; if it returns false nothing is
 * written and the result is false. Temp files left by killed writers of the
 * same target are swept before the rename.
 */
export async function atomicWrite(
  target: string,
  text: string,
  mode?: number,
  beforeRename?: () => Promise<boolean>,
  /** Called the moment the file is renamed into place (before the folder's fsync and the cleanup). */
  renamed?: () => void,
): Promise<boolean> {
  return finishAtomicWrite(startAtomicWrite(target, text, mode ?? 0o644), beforeRename, renamed);
}

/** An atomic write under way: its temp file being written and fsynced, not yet renamed. */
interface TempWrite {
  target: string;
  temp: string;
  swept: Promise<void>;
  folder: Promise<FileHandle | undefined>;
  written: Promise<SyncedFile>;
}

/** Starts writing and syncing the temp file of an atomic write; finishAtomicWrite renames it, abandonAtomicWrite drops it. */
function startAtomicWrite(target: string, text: string, mode: number): TempWrite {
  const dir = dirname(target);
  const temp = join(dir, `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  // Neither the sweep (it never takes a temp file of this process) nor opening the folder for
  // its fsync needs the temp file: they run beside its write instead of before it.
  const w: TempWrite = {
    target,
    temp,
    swept: sweepStaleTemps(target),
    folder: fs.open(dir, 'r').catch(() => undefined), // not every platform can open a folder (Windows)
    written: writeSynced(temp, text, mode),
  };
  // Each is reported where it is awaited, in its turn; only not "unhandled" meanwhile.
  w.swept.catch(() => undefined);
  w.written.catch(() => undefined);
  return w;
}

async function finishAtomicWrite(w: TempWrite, beforeRename?: () => Promise<boolean>, renamed?: () => void): Promise<boolean> {
  try {
    let written: SyncedFile;
    try {
      written = await w.written;
    } catch (err) {
      await fs.rm(w.temp, { force: true });
      await w.swept; // a failed sweep is reported first, as when it ran before the write
      throw err;
    }
    if (!(await renameIfStill(w.temp, w.target, w.swept, written.closed, beforeRename, renamed))) return false;
    await (await w.folder)?.sync().catch(() => undefined); // makes the rename itself durable; best effort
    return true;
  } finally {
    await (await w.folder)?.close().catch(() => undefined);
  }
}

/** Drops an atomic write that will not be finished: its temp file is removed once written. */
async function abandonAtomicWrite(w: TempWrite): Promise<void> {
  const written = await w.written.catch(() => undefined);
  await written?.closed.catch(() => undefined);
  await fs.rm(w.temp, { force: true });
  await w.swept.catch(() => undefined);
  await (await w.folder)?.close().catch(() => undefined);
}

interface SyncedFile {
  /** The file's close, still under way: nothing needs to wait for it before the rename. */
  closed: Promise<void>;
}

/** Creates `path` with `text` and fsyncs it; resolves once the data is on disk. */
async function writeSynced(path: string, text: string, mode: number): Promise<SyncedFile> {
  const handle = await fs.open(path, 'wx', mode);
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } catch (err) {
    await handle.close();
    throw err;
  }
  return { closed: handle.close() };
}

/**
 * Renames the synced temp file over `target` if `beforeRename` agrees, and removes it otherwise.
 * The check starts once the sweep is done, so that only the temp file's close, which runs
 * beside the check and is the shorter of the two, could ever come between check and rename.
 * Failures count in the order the steps once ran one after another: sweep, close, check.
 */
async function renameIfStill(
  temp: string,
  target: string,
  swept: Promise<void>,
  closed: Promise<void>,
  beforeRename: (() => Promise<boolean>) | undefined,
  renamed: (() => void) | undefined,
): Promise<boolean> {
  const check = async () => {
    await swept;
    await testPauseBeforeRename(temp);
    return beforeRename ? beforeRename() : true;
  };
  try {
    const [sweep, close, checked] = await Promise.allSettled([swept, closed, check()]);
    for (const step of [sweep, close, checked]) if (step.status === 'rejected') throw step.reason;
    if (!(checked as PromiseFulfilledResult<boolean>).value) {
      await fs.rm(temp, { force: true });
      return false;
    }
    await fs.rename(temp, target);
    renamed?.();
    return true;
  } catch (err) {
    await fs.rm(temp, { force: true });
    throw err;
  }
}

/**
 * Test hook for the crash-safety and concurrency tests (docs/testing-battery.md):
 * with CAMPAIGN_TEST_PAUSE_BEFORE_RENAME_MS=N a write pauses N ms between its
 * synced temp file and the rename, and says so on stderr, so a test can kill
 * the process there or change the file under it. It can only delay a write.
 */
async function testPauseBeforeRename(temp: string): Promise<void> {
  const ms = Number(process.env.CAMPAIGN_TEST_PAUSE_BEFORE_RENAME_MS);
  if (!(ms > 0)) return;
  process.stderr.write(`campaign-test: paused before rename ${temp}\n`);
  await new Promise((resolve) => setTimeout(resolve, ms));
}

/** Removes temp files left by writers that were killed before their rename. */
async function sweepStaleTemps(target: string): Promise<void> {
  const dir = dirname(target);
  const prefix = `.${basename(target)}.`;
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return;
  }
  for (const name of names) {
    // Exactly our own temp names (`.NAME.PID.8hex.tmp`): a temp of another
    // file whose name merely starts the same (`campaign.yaml.bak`) is not ours.
    if (!name.startsWith(prefix)) continue;
    const m = /^(\d+)\.[0-9a-f]{8}\.tmp$/.exec(name.slice(prefix.length));
    if (!m) continue;
    const pid = Number(m[1]);
    if (pid === process.pid || isAlive(pid)) continue;
    await fs.rm(join(dir, name), { force: true });
  }
}

export interface ApplyResult<R> {
  result: R;
  /** The file's text after the operation. */
  text: string;
  changed: boolean;
  /** How many times the operation was re-applied because another writer got there first. */
  retries: number;
}

export interface ApplyOptions extends FileOptions, Partial<OperationContext> {
  /**
   * What this user's last whole reads of campaign files found valid (the CLI keeps it on disk):
   * a local one-section operation then parses only its section when every other one is as
   * recorded (sectionTrust.ts). Each whole read that succeeds records the file's hashes.
   */
  validated?: ValidatedSections;
}

/**
 * Applies a named operation to the file: parse, apply, verify, and write
 * atomically — re-applying to the newer text if the file changed meanwhile.
 */
export async function applyToFile<R>(path: string, op: Operation<R>, options: ApplyOptions = {}): Promise<ApplyResult<R>> {
  const { target, mode } = await writableTarget(path, options);
  const parseOptions = options.maxBytes === undefined ? { file: target } : { file: target, maxBytes: options.maxBytes };
  const record = (text: string) => {
    const hashes = options.validated && sectionHashes(text);
    if (hashes) options.validated!.set(target, hashes);
  };
  return withFileLock(target, async () => {
    for (let attempt = 0; attempt < MAX_WRITE_ATTEMPTS; attempt++) {
      let read: { text: string; hash: string };
      let one: OneSection | undefined;
      let doc: CampaignDocument | undefined;
      try {
        const { bytes, text } = await readChecked(target, options);
        read = { text, hash: hashText(bytes) };
        one = options.validated ? readOneSection(text, op, options.validated.get(target), target) : undefined;
        if (!one) doc = CampaignDocument.parse(text, parseOptions);
      } catch (err) {
        // Caught halfway through another program's in-place save? If the
        // file changes within a moment, read it again rather than refuse.
        if (err instanceof CampaignError && attempt < MAX_WRITE_ATTEMPTS - 1 && (await changesSoon(target))) continue;
        throw err;
      }
      const ctx: OperationContext = { now: options.now ?? new Date() };
      if (options.random) ctx.random = options.random;
      const applied = one ? applyToOneSection(one, op, ctx) : undefined;
      if (!applied) doc ??= CampaignDocument.parse(read.text, parseOptions);
      const result = applied ? applied.result : doc!.apply(op, ctx);
      let text: string;
      if (applied) {
        text = applied.text;
      } else {
        void doc!.model; // re-validates: an edit that breaks the schema throws here
        text = doc!.toString();
      }
      if (text === read.text) {
        record(text);
        return { result, text, changed: false, retries: attempt };
      }
      // Never write what we could not read back, or what would read back
      // differently. Reading back as the edited document, whose model was
      // just validated, also proves the text parses and fits the schema.
      if (!applied) doc!.assertReadsBack(text);
      // Another writer (one that does not take our lock) may have changed the
      // file since we read it: then re-apply to their version. Checked again
      // after the new text is on disk in the temp file, right before the
      // rename, so the window in which such a write could still be replaced
      // is as short as it can be without locks every writer honours.
      const unchanged = () => stillAsRead(target, read.hash, undefined, undefined);
      if (!(await unchanged())) continue;
      if (!(await atomicWrite(target, text, mode, unchanged))) continue;
      record(text);
      return { result, text, changed: true, retries: attempt };
    }
    throw new CampaignError(`The campaign file kept changing while "${op.name}" was applied; nothing was written. Try again.`, [], path);
  });
}

/**
 * The write of a kept ("warm") document: `text` replaces the file only if the
 * file still has the hash it was read with, checked under the lock right
 * before the rename. False when it changed (nothing was written): the
 * caller re-reads and re-applies, as applyToFile does.
 */
export async function writeIfUnchanged(
  path: string,
  text: string,
  expectedHash: string,
  options: FileOptions & {
    /** The byte length of what was read: the check before the rename then reads through a handle opened beforehand (stillAsRead.ts). */
    expectedBytes?: number;
  } = {},
  /** `writableTarget(path, options)`, when the caller started it already (beside its own work). */
  checked?: Promise<WriteTarget>,
): Promise<{ written: boolean; hash: string; renamedAt?: number }> {
  const { target, mode } = await (checked ?? writableTarget(path, options));
  let renamedAt: number | undefined;
  // The temp file needs no lock: it is written and fsynced while the lock is being taken, and
  // only the check and the rename happen under the lock. The file is opened for the check meanwhile.
  const pending = startAtomicWrite(target, text, mode);
  const opened = options.expectedBytes === undefined ? Promise.resolve(undefined) : openForCheck(target);
  let finishing = false;
  try {
    return await withFileLock(target, async () => {
      finishing = true;
      // One check of the file, right before the rename (the temp file is already on disk): a
      // file changed since it was read is then left as it is, and the temp file removed.
      // The mode is the one writableTarget's stat just read, not a second stat's.
      const handle = await opened;
      const unchanged = () => stillAsRead(target, expectedHash, options.expectedBytes, handle);
      const written = await finishAtomicWrite(pending, unchanged, () => (renamedAt = performance.now()));
      return { written, hash: written ? hashText(text) : expectedHash, ...(renamedAt === undefined ? {} : { renamedAt }) };
    });
  } catch (err) {
    if (!finishing) await abandonAtomicWrite(pending);
    throw err;
  } finally {
    await (await opened)?.handle.close().catch(() => undefined);
  }
}

/** Whether the file's content changes within a short while (someone is writing it). */
async function changesSoon(path: string): Promise<boolean> {
  const before = await fs.readFile(path).catch(() => undefined);
  for (let i = 0; i < 5; i++) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    const now = await fs.readFile(path).catch(() => undefined);
    if (!before || !now || !now.equals(before)) return true;
  }
  return false;
}

/** Creates a new campaign file; refuses to replace one that exists. */
export async function createCampaignFile(path: string, text: string): Promise<void> {
  await fs.mkdir(dirname(path), { recursive: true });
  CampaignDocument.parse(text, { file: path });
  const handle = await fs.open(path, 'wx').catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'EEXIST') throw new CampaignError(`A campaign file already exists at ${path}; it was left as it is.`, [], path);
    throw err;
  });
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
}
