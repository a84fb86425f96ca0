// `campaign work add|done|set|rm|list`.
import { loadCampaign } from '../../core/file/campaignFile';
import type { WorkItem } from '../../core/model/model';
import { addWork, completeWork, removeWork, updateWork, type WorkChanges } from '../../core/operations/workOps';
import { publicWorkItem } from '../../core/model/publicJson';
import { parseArgs, UsageError } from '../argParser';
import { priorityFlag, statusFlag } from '../flagValues';
import { campaignPath, type CliContext } from '../cliContext';
import { mutate } from '../mutate';

export const workUsage = [
  'work add --title T [--priority high|medium|low] [--notes N]',
  'work done REF',
  'work set REF [--priority P] [--status todo|in_progress|blocked|done] [--title T] [--notes N]',
  'work rm REF',
  'work list [--json]',
].join('\n       ');

export function formatWorkLine(w: WorkItem): string {
  const status = w.status === 'todo' ? '' : ` (${w.status.replace('_', ' ')})`;
  return `${w.index + 1}. ${w.id ? `[${w.id}] ` : ''}[${w.priority.toUpperCase()}] ${w.title}${status}`;
}

function oneRef(positionals: string[], sub: string): string {
  if (positionals.length !== 1) throw new UsageError(`work ${sub} takes one REF (an id, a position from \`work list\`, or the exact title)`);
  return positionals[0]!;
}

export async function workCommand(ctx: CliContext, argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  switch (sub) {
    case 'add': {
      const { flags, positionals } = parseArgs(rest, { title: 'string', priority: 'string', notes: 'string' });
      const title = flags.title ?? positionals.join(' ');
      if (!title) throw new UsageError('work add needs --title');
      const input: Parameters<typeof addWork>[0] = { title, priority: priorityFlag(flags.priority ?? 'medium') };
      if (flags.notes) input.notes = flags.notes;
      const { result } = await mutate(ctx, addWork(input));
      ctx.out(result || title);
      return 0;
    }
    case 'done': {
      const { positionals } = parseArgs(rest, {});
      const { result } = await mutate(ctx, completeWork(oneRef(positionals, 'done')));
      ctx.out(`Done: ${result.title}`);
      return 0;
    }
    case 'set': {
      const { flags, positionals } = parseArgs(rest, { priority: 'string', status: 'string', title: 'string', notes: 'string' });
      const changes: WorkChanges = {};
      if (flags.priority) changes.priority = priorityFlag(flags.priority);
      if (flags.status) changes.status = statusFlag(flags.status);
      if (flags.title !== undefined) changes.title = flags.title;
      if (flags.notes !== undefined) changes.notes = flags.notes;
      if (Object.keys(changes).length === 0) throw new UsageError('work set needs --priority, --status, --title or --notes');
      const { result } = await mutate(ctx, updateWork(oneRef(positionals, 'set'), changes));
      ctx.out(`Updated: ${changes.title ?? result.title}`);
      return 0;
    }
    case 'rm': {
      const { positionals } = parseArgs(rest, {});
      const { result } = await mutate(ctx, removeWork(oneRef(positionals, 'rm')));
      ctx.out(`Removed: ${result.title}`);
      return 0;
    }
    case 'list': {
      const { flags } = parseArgs(rest, { json: 'boolean' });
      const { doc } = await loadCampaign(campaignPath(ctx));
      const items = doc.model.remaining_work;
      if (flags.json) ctx.out(JSON.stringify(items.map(publicWorkItem), null, 2));
      else ctx.out(items.length ? items.map(formatWorkLine).join('\n') : 'No remaining work.');
      return 0;
    }
    default:
      throw new UsageError(sub ? `unknown work command "${sub}"` : 'work needs a subcommand: add, done, set, rm, list');
  }
}
