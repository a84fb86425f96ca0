// A lock file beside the campaign file so that our own writers (CLI processes,
// the extension) take turns. Writers that ignore the lock are caught by the
// hash check in campaignFile.ts instead. A lock left by a dead process, or
// older than STALE_MS, is broken.
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { CampaignError } from '../model/problems';

const STALE_MS = 15_000;
const WAIT_MS = 20_000;

/** Whether a process with this pid exists (EPERM: it exists, owned by someone else). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The lock's content when it is stale (its writer is gone, or it is older than STALE_MS); undefined otherwise. */
async function staleContent(lock: string): Promise<string | undefined> {
  try {
    const [content, stat] = await Promise.all([fs.readFile(lock, 'utf8'), fs.stat(lock)]);
    const pid = Number(content.trim().split(/\s+/)[0]);
    if (Date.now() - stat.mtimeMs > STALE_MS) return content;
    return Number.isInteger(pid) && pid > 0 && pid !== process.pid && !isAlive(pid) ? content : undefined;
  } catch {
    return undefined; // vanished or unreadable: just try again
  }
}

/**
 * Breaks a stale lock. Two writers may find the same stale lock; removing it
 * by name could remove the fresh lock the other one has just taken. So the
 * lock is first renamed aside (only one rename can win), and if what was
 * moved is not the stale lock we looked at, it is put back.
 */
async function breakStale(target: string, lock: string, seen: string): Promise<void> {
  // Named like a temp file of the target, so a writer killed right here leaves nothing the sweep misses.
  const aside = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await fs.rename(lock, aside);
  } catch {
    return; // someone else broke it first
  }
  const moved = await fs.readFile(aside, 'utf8').catch(() => seen);
  if (moved !== seen) await fs.link(aside, lock).catch(() => undefined);
  await fs.rm(aside, { force: true });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function withFileLock<T>(target: string, body: () => Promise<T>): Promise<T> {
  const lock = `${target}.lock`;
  const deadline = Date.now() + WAIT_MS;
  // The pid (for the staleness check) and a token that tells our lock from a later one.
  const mine = `${process.pid} ${randomBytes(6).toString('hex')}`;
  for (;;) {
    try {
      // 'wx': created only if there is no lock yet, whoever else tries at the same moment.
      await fs.writeFile(lock, mine, { flag: 'wx' });
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const stale = await staleContent(lock);
      if (stale !== undefined) {
        await breakStale(target, lock, stale);
        continue;
      }
      if (Date.now() > deadline) {
        throw new CampaignError(`The campaign file is locked by another writer (${lock}). If no other Campaign process is running, delete the lock file.`);
      }
      await sleep(10 + Math.random() * 40);
    }
  }
  try {
    return await body();
  } finally {
    // Only our own lock: had ours been broken as stale, the lock there now is someone else's.
    if ((await fs.readFile(lock, 'utf8').catch(() => undefined)) === mine) await removeIfThere(lock);
  }
}

/** Deletes a file we created (so never read-only) unless it is already gone: rm's force without its extra stat calls. */
async function removeIfThere(path: string): Promise<void> {
  try {
    await fs.unlink(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
}
