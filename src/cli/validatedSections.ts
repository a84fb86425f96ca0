// Job: remember, per campaign file, the hash of each top-level section as this
// user's last whole read found it valid (core/file/sectionTrust.ts), so the
// next `campaign work add` or `decision add` parses only the section it
// changes. Kept in the user's cache folder beside the code cache, one small
// JSON file per campaign file. It is only a speed-up: a missing, damaged or
// foreign entry means the whole file is read, and the folder is not used when
// other users can write to it (an entry there decides what is checked).
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SectionHashes, ValidatedSections } from '../core/file/sectionTrust';
import { cacheFolder, privateFolder } from './codeCache';

const VERSION = 1;

/** The store in the user's cache folder; undefined when it cannot be used (not private, not creatable). */
export function validatedSectionsStore(env: NodeJS.ProcessEnv = process.env): ValidatedSections | undefined {
  if (env.CAMPAIGN_NO_SECTION_TRUST === '1') return undefined;
  let dir: string;
  try {
    dir = join(cacheFolder(env), 'validated');
    if (!privateFolder(dir)) return undefined;
  } catch {
    return undefined;
  }
  const entry = (file: string) => join(dir, `${createHash('sha256').update(file).digest('hex').slice(0, 32)}.json`);
  return {
    get(file) {
      try {
        const data = JSON.parse(readFileSync(entry(file), 'utf8')) as { v?: unknown; file?: unknown; sections?: unknown };
        if (data.v !== VERSION || data.file !== file || typeof data.sections !== 'object' || data.sections === null) return undefined;
        const sections = data.sections as Record<string, unknown>;
        return Object.values(sections).every((h) => typeof h === 'string') ? (sections as SectionHashes) : undefined;
      } catch {
        return undefined;
      }
    },
    set(file, sections) {
      try {
        const path = entry(file);
        const temp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
        writeFileSync(temp, JSON.stringify({ v: VERSION, file, sections }), { mode: 0o600 });
        renameSync(temp, path);
      } catch {
        // only a speed-up
      }
    },
  };
}
