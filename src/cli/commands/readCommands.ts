// Commands that only read: validate, show, schema.
import { loadCampaign } from '../../core/file/campaignFile';
import { loadCampaignWithArchive } from '../../core/archive/archiveView';
import { campaignJsonSchema } from '../../core/model/jsonSchema';
import { CampaignError, formatProblem } from '../../core/model/problems';
import { toPublicJson } from '../../core/model/publicJson';
import { parseArgs } from '../argParser';
import { campaignPath, type CliContext } from '../cliContext';
import { formatWorkLine } from './workCommand';

export const validateUsage = 'validate';
export const showUsage = 'show [--json] [--with-archive]';
export const schemaUsage = 'schema';

export async function validateCommand(ctx: CliContext, argv: string[]): Promise<number> {
  parseArgs(argv, {});
  const path = campaignPath(ctx);
  try {
    await loadCampaign(path);
  } catch (err) {
    if (err instanceof CampaignError && err.problems.length > 0) {
      for (const p of err.problems) ctx.out(formatProblem(path, p));
      return 1;
    }
    throw err;
  }
  ctx.out('ok');
  return 0;
}

export async function showCommand(ctx: CliContext, argv: string[]): Promise<number> {
  const { flags } = parseArgs(argv, { json: 'boolean', 'with-archive': 'boolean' });
  const path = campaignPath(ctx);
  // --with-archive: archived build-log entries and decisions back in place, as before `campaign archive`.
  const c = flags['with-archive'] ? await loadCampaignWithArchive(path) : (await loadCampaign(path)).doc.model;
  if (flags.json) {
    ctx.out(JSON.stringify(toPublicJson(c), null, 2));
    return 0;
  }
  const lines = [`${c.identity.name || '(unnamed campaign)'}${c.identity.purpose ? ` — ${c.identity.purpose}` : ''}`];
  lines.push(c.active_session ? `Session: ${c.active_session.focus} (since ${c.active_session.started})` : 'Session: none active');
  const open = c.remaining_work.filter((w) => w.status !== 'done');
  lines.push(`Remaining work: ${open.length} open, ${c.remaining_work.length - open.length} done`);
  for (const w of c.remaining_work) lines.push(`  ${formatWorkLine(w)}`);
  lines.push(`Decisions: ${c.decisions_log.length}; build log entries: ${c.build_log.length}`);
  ctx.out(lines.join('\n'));
  return 0;
}

export async function schemaCommand(ctx: CliContext, argv: string[]): Promise<number> {
  parseArgs(argv, {});
  ctx.out(JSON.stringify(campaignJsonSchema(), null, 2));
  return 0;
}
