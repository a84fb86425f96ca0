// A lock file beside the campaign file so that our own writers (CLI processes,
// the extension) take turns. Writers that ignore the lock are caught by the
// hash check in campaignFile.ts instead. A lock left by a dead process, or
// older than STALE_MS, is broken.
import { promises as fs } from 'node:fs';
import { CampaignError } from './problems';

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

async function isStale(lock: string): Promise<boolean> {
  try {
    const [content, stat] = await Promise.all([fs.readFile(lock, 'utf8'), fs.stat(lock)]);
    const pid = Number(content.trim());
    if (Date.now() - stat.mtimeMs > STALE_MS) return true;
    return Number.isInteger(pid) && pid > 0 && pid !== process.pid && !isAlive(pid);
  } catch {
    return false; // vanished or unreadable: just try again
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function withFileLock<T>(target: string, body: () => Promise<T>): Promise<T> {
  const lock = `${target}.lock`;
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    try {
      const handle = await fs.open(lock, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      if (await isStale(lock)) {
        await fs.rm(lock, { force: true });
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
    await fs.rm(lock, { force: true });
  }
}
