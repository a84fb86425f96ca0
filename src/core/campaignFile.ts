// Reading and writing the campaign file safely. A write never loses anything:
// the file must parse before it is touched, the new text must parse too, it
// is written to a temp file in the same folder and renamed over the old one
// (atomic), and if another writer changed the file meanwhile the operation is
// re-applied to their version instead of overwriting it.
import { createHash, randomBytes } from 'node:crypto';
import { promises as fs, constants as fsConstants } from 'node:fs';
import { basename, dirname, join, relative, isAbsolute, resolve } from 'node:path';
import { CampaignDocument } from './campaignDocument';
import { CampaignError } from './problems';
import { DEFAULT_MAX_FILE_BYTES, MAX_WRITE_ATTEMPTS } from './limits';
import type { Operation, OperationContext } from './operations/operation';
import { isAlive, withFileLock } from './fileLock';
import { formatBytes } from './campaignDocument';

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

export function hashText(bytes: Buffer | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

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
  let size: number;
  try {
    size = (await fs.stat(path)).size;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new CampaignError(`No campaign file at ${path}. Create one with \`campaign init\` or "Campaign: Initialize Campaign".`, [], path);
    }
    throw err;
  }
  if (size > maxBytes) {
    throw new CampaignError(
      `The campaign file is ${formatBytes(size)}, over the ${formatBytes(maxBytes)} limit; it was left untouched. Archive old entries (\`campaign archive\`) or raise the limit.`,
      [{ line: 1, column: 1, message: `file too large (${formatBytes(size)} > ${formatBytes(maxBytes)})` }],
      path,
    );
  }
  const bytes = await fs.readFile(path);
  return { bytes, text: decodeCampaignBytes(bytes, path) };
}

export async function loadCampaign(path: string, options: FileOptions = {}): Promise<LoadedCampaign> {
  const { bytes, text } = await readChecked(path, options);
  const parseOptions = options.maxBytes === undefined ? { file: path } : { file: path, maxBytes: options.maxBytes };
  return { path, text, hash: hashText(bytes), doc: CampaignDocument.parse(text, parseOptions) };
}

/** The real file a write must replace, after the symlink and read-only checks. */
async function writableTarget(path: string, options: FileOptions): Promise<string> {
  const target = await fs.realpath(path);
  if (target !== resolve(path) && options.root && !options.allowOutsideRoot) {
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
  const stat = await fs.stat(target);
  // Root may write anything, so check the mode bits rather than access().
  if ((stat.mode & 0o222) === 0) {
    throw new CampaignError(`The campaign file is read-only; nothing was changed. Make it writable (chmod u+w "${path}") and try again.`, [], path);
  }
  try {
    await fs.access(dirname(target), fsConstants.W_OK);
  } catch {
    throw new CampaignError(`The folder ${dirname(target)} is not writable; nothing was changed.`, [], path);
  }
  return target;
}

/** Writes `text` to `target` atomically: temp file in the same folder, fsync, rename. */
export async function atomicWrite(target: string, text: string, mode?: number): Promise<void> {
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const handle = await fs.open(temp, 'wx', mode ?? 0o644);
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await fs.rename(temp, target);
  } catch (err) {
    await fs.rm(temp, { force: true });
    throw err;
  }
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
    if (!name.startsWith(prefix) || !name.endsWith('.tmp')) continue;
    const pid = Number(name.slice(prefix.length).split('.')[0]);
    if (Number.isInteger(pid) && pid !== process.pid && isAlive(pid)) continue;
    if (pid === process.pid) continue;
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

/**
 * Applies a named operation to the file: parse, apply, verify, and write
 * atomically — re-applying to the newer text if the file changed meanwhile.
 */
export async function applyToFile<R>(
  path: string,
  op: Operation<R>,
  options: FileOptions & Partial<OperationContext> = {},
): Promise<ApplyResult<R>> {
  const target = await writableTarget(path, options);
  return withFileLock(target, async () => {
    await sweepStaleTemps(target);
    for (let attempt = 0; attempt < MAX_WRITE_ATTEMPTS; attempt++) {
      const loaded = await loadCampaign(target, options);
      const ctx: OperationContext = { now: options.now ?? new Date() };
      if (options.random) ctx.random = options.random;
      const result = loaded.doc.apply(op, ctx);
      void loaded.doc.model; // re-validates: an edit that breaks the schema throws here
      const text = loaded.doc.toString();
      if (text === loaded.text) return { result, text, changed: false, retries: attempt };
      // Never write what we could not read back.
      CampaignDocument.parse(text, { file: path, maxBytes: Number.MAX_SAFE_INTEGER });
      // Another writer (one that does not take our lock) may have changed the file.
      const current = await fs.readFile(target);
      if (hashText(current) !== loaded.hash) continue;
      const mode = (await fs.stat(target)).mode & 0o777;
      await atomicWrite(target, text, mode);
      return { result, text, changed: true, retries: attempt };
    }
    throw new CampaignError(`The campaign file kept changing while "${op.name}" was applied; nothing was written. Try again.`, [], path);
  });
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
