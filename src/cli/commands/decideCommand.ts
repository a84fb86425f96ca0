// `campaign decide --decision D --rationale R [--supersede ID]`.
import { logDecision, supersedeDecision } from '../../core/operations/decisionOps';
import { parseArgs, UsageError } from '../argParser';
import type { CliContext } from '../cliContext';
import { mutate } from '../mutate';

export const decideUsage = 'decide --decision D --rationale R [--supersede ID]';

export async function decideCommand(ctx: CliContext, argv: string[]): Promise<number> {
  const { flags } = parseArgs(argv, { decision: 'string', rationale: 'string', supersede: 'string' });
  if (!flags.decision || !flags.rationale) throw new UsageError('decide needs --decision and --rationale');
  const d = { decision: flags.decision, rationale: flags.rationale };
  const { result } = await mutate(ctx, flags.supersede ? supersedeDecision(flags.supersede, d) : logDecision(d));
  ctx.out(result);
  return 0;
}
