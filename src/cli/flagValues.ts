// Job: option values checked as usage: a wrong `--priority` is a typo in the
// command (exit 2), not a problem with the campaign.
import { checkPriority, checkStatus } from '../core/operations/workOps';
import type { Priority, WorkStatus } from '../core/model/model';
import { UsageError } from './argParser';

function asUsage<T>(check: () => T): T {
  try {
    return check();
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
}

export const priorityFlag = (v: string): Priority => asUsage(() => checkPriority(v));
export const statusFlag = (v: string): WorkStatus => asUsage(() => checkStatus(v));
