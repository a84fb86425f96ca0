// `campaign archive [--before DATE] [--keep N]`: moves old build-log entries
// and superseded (or, with --before, old) decisions to
// .claude/campaign-archive/YEAR.yaml; `show --json --with-archive` reads
// them back.
import { relative } from 'node:path';
import { archiveCampaign, DEFAULT_KEEP, type ArchiveOptions } from '../../core/archive/archive';
import { parseArgs, UsageError } from '../argParser';
import { campaignPath, type CliContext } from '../cliContext';

export const archiveUsage = `archive [--before DATE] [--keep N]   (default: keep the newest ${DEFAULT_KEEP} of each list)`;

export async function archiveCommand(ctx: CliContext, argv: string[]): Promise<number> {
  const { flags, positionals } = parseArgs(argv, { before: 'string', keep: 'string' });
  if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  const options: ArchiveOptions = {};
  if (flags.before !== undefined) {
    if (!/^\d{4}(-\d{2}(-\d{2})?)?$/.test(flags.before)) throw new UsageError('--before needs a date: YYYY-MM-DD (or YYYY-MM, YYYY)');
    options.before = flags.before;
  }
  if (flags.keep !== undefined) {
    if (!/^\d+$/.test(flags.keep)) throw new UsageError('--keep needs a whole number (0 or more)');
    options.keep = Number(flags.keep);
  }
  const path = campaignPath(ctx);
  const r = await archiveCampaign(path, options);
  if (r.recovered !== 'none') ctx.out(`Finished an interrupted archive run (${r.recovered}).`);
  if (r.buildLog + r.decisions === 0) {
    ctx.out('Nothing to archive.');
    return 0;
  }
  const where = r.files.map((f) => relative(ctx.cwd, f) || f).join(', ');
  ctx.out(`Archived ${r.buildLog} build-log entr${r.buildLog === 1 ? 'y' : 'ies'} and ${r.decisions} decision(s) to ${where}.`);
  if (r.held) ctx.out(`${r.held} more stay: moving them would change their order when read back.`);
  return 0;
}
