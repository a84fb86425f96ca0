// Job: every MCP write goes through the same path as the CLI's: the named core
// operation, applied by the guarded write (lock, hash guard, atomic rename) to
// the file re-read for this call, then the primer file regenerated when the
// project is connected (the core's applyAndRefreshPrimer, which the CLI uses too).
import { applyAndRefreshPrimer } from '../core/file/applyAndRefresh';
import type { Operation } from '../core/operations/operation';
import type { McpContext } from './mcpContext';

export interface Written<R> {
  result: R;
  path: string;
  changed: boolean;
}

export async function writeCampaign<R>(mc: McpContext, op: Operation<R>): Promise<Written<R>> {
  const path = await mc.campaignPath();
  const applied = await applyAndRefreshPrimer(path, op, { now: mc.now(), warn: mc.log });
  return { result: applied.result, path, changed: applied.changed };
}
