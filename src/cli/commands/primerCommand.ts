// `campaign primer [--budget N] [--json]`: the session primer on stdout, for
// people, scripts and agent hooks.
import { relative } from 'node:path';
import { archiveInfo } from '../../core/archive/archiveView';
import { loadCampaign } from '../../core/file/campaignFile';
import { renderPrimer } from '../../core/primer/primer';
import { primerForHook, projectRootFor, relativeToRoot } from '../../core/primer/primerFile';
import { parseArgs, UsageError } from '../argParser';
import { campaignPath, type CliContext } from '../cliContext';

export const primerUsage = 'primer [--budget N] [--json] | primer --refresh [--print]';

export async function primerCommand(ctx: CliContext, argv: string[]): Promise<number> {
  const { flags } = parseArgs(argv, { budget: 'string', json: 'boolean', refresh: 'boolean', print: 'boolean' });
  if (flags.refresh) return refreshPrimer(ctx, !!flags.print);
  if (flags.print) throw new UsageError('--print goes with --refresh');
  let budget: number | undefined;
  if (flags.budget !== undefined) {
    budget = Number(flags.budget);
    if (!Number.isInteger(budget) || budget < 50) throw new UsageError('--budget must be a whole number of tokens, at least 50');
  }
  const path = campaignPath(ctx);
  const { doc } = await loadCampaign(path);
  const archive = await archiveInfo(path);
  const primer = renderPrimer(doc.model, {
    ...(budget !== undefined ? { budget } : {}),
    ...(archive ? { archivePath: archive.path } : {}),
    campaignPath: relative(ctx.cwd, path) || path,
  });
  ctx.out(flags.json ? JSON.stringify(primer, null, 2) : primer.text);
  return 0;
}

/**
 * `primer --refresh`: re-render the generated primer file of a connected
 * project when the campaign changed since it was made (what the SessionStart
 * hook runs). With `--print`, print the primer file instead of a status line.
 */
async function refreshPrimer(ctx: CliContext, print: boolean): Promise<number> {
  const path = campaignPath(ctx);
  const root = projectRootFor(path);
  const result = await primerForHook(path, { root });
  if (print) {
    // `out` ends what it prints with a newline; the primer file already ends with one.
    if (result.text !== undefined) ctx.out(result.text.replace(/\n$/, ''));
    return 0;
  }
  if (result.problem !== undefined) {
    ctx.err(`The primer file was left as it is: the campaign file could not be read (${result.problem}).`);
    return 1;
  }
  const file = relativeToRoot(ctx.cwd, `${root}/.claude/campaign-primer.md`) || '.claude/campaign-primer.md';
  ctx.out(result.text === undefined ? 'Not connected: there is no primer file to refresh (run `campaign connect`).' : result.refreshed ? `Refreshed ${file}.` : `${file} is current.`);
  return 0;
}
