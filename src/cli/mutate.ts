// Job: run a named operation against the campaign file for a CLI command
// (the core's applyAndRefreshPrimer: guarded write, then the primer file kept
// in step when the project is connected).
import { applyAndRefreshPrimer } from '../core/file/applyAndRefresh';
import type { ApplyResult } from '../core/file/campaignFile';
import type { Operation } from '../core/operations/operation';
import { campaignPath, type CliContext } from './cliContext';

export async function mutate<R>(ctx: CliContext, op: Operation<R>): Promise<ApplyResult<R> & { path: string }> {
  const path = campaignPath(ctx);
  const applied = await applyAndRefreshPrimer(path, op, { now: ctx.now(), ...(ctx.random ? { random: ctx.random } : {}), warn: ctx.err });
  return { ...applied, path };
}
