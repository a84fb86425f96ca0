// Job: the last check of a guarded write, right before the rename: does the
// file still hold the bytes it was read with? The plain way reads it whole
// (open, stat, read, close: four trips through the event loop, each waiting
// behind whatever else the extension host is doing). With the file opened
// beforehand, beside the temp file's write, the check is one trip: read
// through that handle while the path is stat-ed, to be sure the handle is
// still the file at the path (an editor that saves by renaming a new file into
// place leaves our handle on the old one).
import { promises as fs } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { hashText } from './hashText';

/** The file opened ahead of the check, and which file that is. */
export interface OpenedForCheck {
  handle: FileHandle;
  dev: number;
  ino: number;
}

/**
 * Opens `target` for the check; undefined where it cannot be opened, where a file's identity
 * cannot be told (no inode numbers), and on Windows, where a file held open may refuse the rename.
 */
export async function openForCheck(target: string): Promise<OpenedForCheck | undefined> {
  if (process.platform === 'win32') return undefined;
  let handle: FileHandle | undefined;
  try {
    handle = await fs.open(target, 'r');
    const s = await handle.stat();
    if (s.ino === 0) throw new Error('no inode numbers here');
    return { handle, dev: s.dev, ino: s.ino };
  } catch {
    await handle?.close().catch(() => undefined);
    return undefined;
  }
}

/**
 * Whether `target` still holds the bytes whose SHA-256 is `hash` (`bytes` long). Through
 * `opened` when there is one (one trip), else by reading the file whole.
 */
export async function stillAsRead(target: string, hash: string, bytes: number | undefined, opened: OpenedForCheck | undefined): Promise<boolean> {
  if (!opened || bytes === undefined) return hashText(await fs.readFile(target)) === hash;
  // One byte more than expected: a file that grew reads longer and is told apart without a hash.
  const buffer = Buffer.allocUnsafe(bytes + 1);
  const [now, first] = await Promise.all([fs.stat(target), opened.handle.read(buffer, 0, buffer.length, 0)]);
  if (now.dev !== opened.dev || now.ino !== opened.ino) return false;
  let got = first.bytesRead;
  // A regular file reads short only at its end; keep reading until then, to be sure.
  while (got < buffer.length) {
    const more = await opened.handle.read(buffer, got, buffer.length - got, got);
    if (more.bytesRead === 0) break;
    got += more.bytesRead;
  }
  return got === bytes && hashText(buffer.subarray(0, bytes)) === hash;
}
