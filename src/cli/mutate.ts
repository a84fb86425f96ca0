// Job: run a named operation against the campaign file for a CLI command
// (the core's applyAndRefreshPrimer: guarded write, then the primer file kept
// in step when the project is connected).
import { applyAndRefreshPrimer } from '../core/file/applyAndRefresh';
import type { ApplyResult } from '../core/file/campaignFile';
import type { Operation } from '../core/operations/operation';
import { campaignPath, type CliContext } from './cliContext';
import { validatedSectionsStore } from './validatedSections';

export async function mutate<R>(ctx: CliContext, op: Operation<R>): Promise<ApplyResult<R> & { path: string }> {
  const path = campaignPath(ctx);
  // A local one-section operation parses only its section when the rest is as this user's last read found it.
  const validated = validatedSectionsStore();
  const applied = await applyAndRefreshPrimer(path, op, {
    now: ctx.now(),
    ...(ctx.random ? { random: ctx.random } : {}),
    warn: ctx.err,
    ...(validated ? { validated } : {}),
  });
  return { ...applied, path };
}
