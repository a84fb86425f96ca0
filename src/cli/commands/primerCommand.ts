// `campaign primer [--budget N] [--json]`: the session primer on stdout, for
// people, scripts and agent hooks.
import { relative } from 'node:path';
import { archiveInfo } from '../../core/archive/archiveView';
import { loadCampaign } from '../../core/file/campaignFile';
import { renderPrimer } from '../../core/primer/primer';
import { parseArgs, UsageError } from '../argParser';
import { campaignPath, type CliContext } from '../cliContext';

export const primerUsage = 'primer [--budget N] [--json]';

export async function primerCommand(ctx: CliContext, argv: string[]): Promise<number> {
  const { flags } = parseArgs(argv, { budget: 'string', json: 'boolean' });
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
