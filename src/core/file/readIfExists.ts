// Job: read a text file that may not be there: its text, or undefined when it
// does not exist (any other error, such as EACCES, is thrown).
import { promises as fs } from 'node:fs';

export async function readIfExists(path: string): Promise<string | undefined> {
  try {
    return await fs.readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}
