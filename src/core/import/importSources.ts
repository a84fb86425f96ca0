// Job: read what `campaign import` / Import… is pointed at — Markdown files, a
// memory-bank folder, or a project folder holding `memory-bank/` — with a clear
// message (what, where, what to do) when a path cannot be read, instead of a
// raw EISDIR / ENOENT.
import { promises as fs } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { decodeCampaignBytes } from '../file/campaignFile';
import { CampaignError } from '../model/problems';
import { isMarkdownName, looksLikeMemoryBank } from './memoryBank/bankLayout';
import type { BankFile } from './memoryBank/mapBank';

/** Markdown bigger than this is not project memory. */
export const MAX_IMPORT_FILE_BYTES = 5 * 1024 * 1024;

export interface ImportSources {
  files: BankFile[];
  /** The folder when a memory bank was recognised (relative to cwd), else undefined. */
  bankFolder?: string;
}

function shown(cwd: string, path: string): string {
  return relative(cwd, path) || path;
}

/** A read error as a message that says what failed and what to do. */
export function readFailure(err: unknown, what: string): CampaignError {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new CampaignError(`Nothing to import at ${what}: no such file or folder. Check the path.`);
  if (code === 'EACCES' || code === 'EPERM') return new CampaignError(`${what} cannot be read (permission denied). Give your user read access to it, or copy it somewhere readable, and import again.`);
  if (code === 'EISDIR') return new CampaignError(`${what} is a folder; point at the memory-bank folder or at its Markdown files.`);
  return new CampaignError(`${what} cannot be read: ${(err as Error).message}`);
}

async function readMarkdown(cwd: string, path: string): Promise<BankFile> {
  const what = shown(cwd, path);
  try {
    const stat = await fs.stat(path);
    if (stat.size > MAX_IMPORT_FILE_BYTES) throw new CampaignError(`${what} is over 5 MB; that is not project memory.`);
    return { name: what, text: decodeCampaignBytes(await fs.readFile(path), path) };
  } catch (err) {
    if (err instanceof CampaignError) throw err;
    throw readFailure(err, what);
  }
}

/** The Markdown files directly in a folder, by name. */
async function markdownIn(cwd: string, folder: string): Promise<string[]> {
  try {
    return (await fs.readdir(folder, { withFileTypes: true }))
      .filter((e) => e.isFile() && isMarkdownName(e.name))
      .map((e) => e.name)
      .sort();
  } catch (err) {
    throw readFailure(err, shown(cwd, folder));
  }
}

/**
 * The memory bank a folder holds: the folder itself when its Markdown files
 * make one, else its `memory-bank/` subfolder (any case). Undefined if neither.
 */
export async function findMemoryBank(folder: string): Promise<{ folder: string; files: string[] } | undefined> {
  const own = await markdownIn(folder, folder).catch(() => []);
  if (looksLikeMemoryBank(own)) return { folder, files: own };
  const entries = await fs.readdir(folder, { withFileTypes: true }).catch(() => []);
  const sub = entries.find((e) => e.isDirectory() && /^memory[-_]?bank$/i.test(e.name));
  if (!sub) return undefined;
  const files = await markdownIn(folder, join(folder, sub.name)).catch(() => []);
  return files.length ? { folder: join(folder, sub.name), files } : undefined;
}

export async function readImportSources(cwd: string, paths: readonly string[]): Promise<ImportSources> {
  const files: BankFile[] = [];
  let bankFolder: string | undefined;
  for (const p of paths) {
    const path = resolve(cwd, p);
    let isDir: boolean;
    try {
      isDir = (await fs.stat(path)).isDirectory();
    } catch (err) {
      throw readFailure(err, p);
    }
    if (!isDir) {
      files.push(await readMarkdown(cwd, path));
      continue;
    }
    const bank = await findMemoryBank(path);
    const folder = bank?.folder ?? path;
    const names = bank?.files ?? (await markdownIn(cwd, path));
    if (names.length === 0) throw new CampaignError(`${p} has no Markdown files to import (and no memory-bank/ folder). Point at the memory bank or at Markdown files.`);
    if (bank) bankFolder = shown(cwd, bank.folder);
    for (const n of names) files.push(await readMarkdown(cwd, join(folder, n)));
  }
  const out: ImportSources = { files };
  if (!bankFolder && looksLikeMemoryBank(files.map((f) => basename(f.name)))) bankFolder = '';
  if (bankFolder !== undefined) out.bankFolder = bankFolder;
  return out;
}
