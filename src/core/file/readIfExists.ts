// Job: read a text file that may not be there: its text, or undefined when
// there is no file at that path (nothing there, a parent that is a file, or a
// folder where a file would be); any other error, such as EACCES, is thrown.
import { promises as fs } from 'node:fs';

export async function readIfExists(path: string): Promise<string | undefined> {
  try {
    return await fs.readFile(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR') return undefined;
    throw err;
  }
}
