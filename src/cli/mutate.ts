// Runs a named operation against the campaign file for a CLI command and
// keeps the generated primer file in step when the project is connected.
import { dirname } from 'node:path';
import { applyToFile, type ApplyResult } from '../core/file/campaignFile';
import type { Operation } from '../core/operations/operation';
import { refreshPrimerFile } from '../core/primer/primerFile';
import { campaignPath, type CliContext } from './cliContext';

export async function mutate<R>(ctx: CliContext, op: Operation<R>): Promise<ApplyResult<R> & { path: string }> {
  const path = campaignPath(ctx);
  const applied = await applyToFile(path, op, { now: ctx.now(), root: dirname(dirname(path)), ...(ctx.random ? { random: ctx.random } : {}) });
  if (applied.changed) {
    await refreshPrimerFile(path).catch((err: unknown) =>
      ctx.err(`campaign: the change was saved, but .claude/campaign-primer.md was not refreshed: ${err instanceof Error ? err.message : String(err)}`),
    );
  }
  return { ...applied, path };
}
