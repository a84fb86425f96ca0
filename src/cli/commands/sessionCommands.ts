// `campaign start` and `campaign end`. `end` runs the core's one end-session
// rule; without --done it logs the work completed during this session.
import { endSessionWithDefaults, startSession, type EndSessionRequest } from '../../core/operations/sessionOps';
import { parseArgs, UsageError } from '../argParser';
import { priorityFlag } from '../flagValues';
import type { CliContext } from '../cliContext';
import { mutate } from '../mutate';

export const startUsage = 'start --focus T [--blocker B]... [--work REF] [--replace]';
export const endUsage =
  'end [--done T]... [--next T]... [--next-priority high|medium|low] [--handoff T] [--note T]... [--decision D --rationale R]...';

export async function startCommand(ctx: CliContext, argv: string[]): Promise<number> {
  const { flags } = parseArgs(argv, { focus: 'string', blocker: 'strings', work: 'string', replace: 'boolean' });
  if (!flags.focus && !flags.work) throw new UsageError('start needs --focus (or --work REF)');
  const input: Parameters<typeof startSession>[0] = { blockers: flags.blocker ?? [], replace: !!flags.replace };
  if (flags.focus) input.focus = flags.focus;
  if (flags.work) input.workRef = flags.work;
  const { result } = await mutate(ctx, startSession(input));
  ctx.out(`Session started: ${result.focus}`);
  return 0;
}

export async function endCommand(ctx: CliContext, argv: string[]): Promise<number> {
  const { flags } = parseArgs(argv, {
    done: 'strings',
    next: 'strings',
    'next-priority': 'string',
    handoff: 'string',
    note: 'strings',
    decision: 'strings',
    rationale: 'strings',
  });
  const decisions = flags.decision ?? [];
  const rationales = flags.rationale ?? [];
  if (decisions.length !== rationales.length) {
    throw new UsageError('each --decision needs its --rationale (give them in pairs)');
  }
  const priority = priorityFlag(flags['next-priority'] ?? 'medium');
  // No --done: the work completed during this session is the default.
  const input: EndSessionRequest = {
    next: (flags.next ?? []).map((title) => ({ title, priority })),
    notes: flags.note ?? [],
    decisions: decisions.map((decision, i) => ({ decision, rationale: rationales[i]! })),
  };
  if (flags.done !== undefined) input.done = flags.done;
  if (flags.handoff !== undefined) input.handoff = flags.handoff;
  const { result } = await mutate(ctx, endSessionWithDefaults(input));
  const reprioritized = result.reprioritized.length ? `, ${result.reprioritized.length} open item(s) re-prioritized` : '';
  ctx.out(
    `Session ended: ${result.accomplishments.length} accomplishment(s) logged, ${result.addedWork.length} next step(s) added${reprioritized}, ${result.decisionIds.length} decision(s) recorded.`,
  );
  return 0;
}
