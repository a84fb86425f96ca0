// Job: the write every non-editor front makes (CLI, MCP server): run a named
// operation through the guarded write (applyToFile: lock, hash guard, atomic
// rename) and, when the project is connected, regenerate the primer file so
// the next agent session reads the change. A failed refresh never undoes the
// saved change; it is reported through `warn`.
import { dirname } from 'node:path';
import type { RandomSource } from '../model/ids';
import type { Operation } from '../operations/operation';
import { refreshPrimerFile } from '../primer/primerFile';
import { applyToFile, type ApplyResult } from './campaignFile';
import type { ValidatedSections } from './sectionTrust';

export interface ApplyAndRefreshOptions {
  now: Date;
  random?: RandomSource;
  warn: (message: string) => void;
  /** What earlier whole reads found valid (the CLI's store): see applyToFile. */
  validated?: ValidatedSections;
}

export async function applyAndRefreshPrimer<R>(path: string, op: Operation<R>, options: ApplyAndRefreshOptions): Promise<ApplyResult<R>> {
  const applied = await applyToFile(path, op, {
    now: options.now,
    root: dirname(dirname(path)),
    ...(options.random ? { random: options.random } : {}),
    ...(options.validated ? { validated: options.validated } : {}),
  });
  if (applied.changed) {
    await refreshPrimerFile(path).catch((err: unknown) =>
      options.warn(`campaign: the change was saved, but .claude/campaign-primer.md was not refreshed: ${err instanceof Error ? err.message : String(err)}`),
    );
  }
  return applied;
}
