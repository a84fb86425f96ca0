// `campaign import FILE [--force]`: a campaign kept as Markdown (the seed
// article's layout) becomes .claude/campaign.yaml. Lines it cannot place are
// reported, and kept in the file under `import_unplaced`.
import { promises as fs } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { atomicWrite, createCampaignFile, decodeCampaignBytes } from '../../core/file/campaignFile';
import { CampaignDocument } from '../../core/document/campaignDocument';
import { CAMPAIGN_RELATIVE_PATH } from '../../core/file/campaignPath';
import { importMarkdown } from '../../core/import/markdownImport';
import { renderCampaignFile } from '../../core/document/newCampaign';
import { refreshPrimerFile } from '../../core/primer/primerFile';
import { CampaignError } from '../../core/model/problems';
import { parseArgs, UsageError } from '../argParser';
import type { CliContext } from '../cliContext';

export const importUsage = 'import FILE [--force]';

/** Markdown bigger than this is not a campaign. */
const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

export async function importCommand(ctx: CliContext, argv: string[]): Promise<number> {
  const { flags, positionals } = parseArgs(argv, { force: 'boolean' });
  if (positionals.length !== 1) throw new UsageError('import needs one FILE (a Markdown campaign)');
  const source = resolve(ctx.cwd, positionals[0]!);
  let bytes: Buffer;
  try {
    if ((await fs.stat(source)).size > MAX_IMPORT_BYTES) throw new CampaignError(`${positionals[0]} is over 5 MB; that is not a campaign.`);
    bytes = await fs.readFile(source);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new CampaignError(`No file at ${positionals[0]}.`);
    throw err;
  }
  const result = importMarkdown(decodeCampaignBytes(bytes, source));
  const text = renderCampaignFile(result.data);
  const target = ctx.file ? resolve(ctx.cwd, ctx.file) : join(ctx.cwd, CAMPAIGN_RELATIVE_PATH);
  const shown = relative(ctx.cwd, target) || target;
  let exists = true;
  try {
    await fs.access(target);
  } catch {
    exists = false;
  }
  if (exists && !flags.force) {
    throw new CampaignError(`A campaign file already exists at ${shown}; it was left as it is. Run again with --force to replace it with the import.`);
  }
  if (exists) {
    CampaignDocument.parse(text, { file: target });
    await atomicWrite(await fs.realpath(target), text);
  } else {
    await createCampaignFile(target, text);
  }
  const d = result.data;
  ctx.out(
    `Imported into ${shown}: ${d.remaining_work?.length ?? 0} work item(s), ${d.decisions_log?.length ?? 0} decision(s), ${d.build_log?.length ?? 0} build-log entr${d.build_log?.length === 1 ? 'y' : 'ies'}, ${d.constraints && Array.isArray(d.constraints) ? d.constraints.length : 0} constraint(s).`,
  );
  if (result.reordered.length) ctx.out(`Put ${result.reordered.join(' and ')} newest last, as the schema keeps them.`);
  for (const p of result.placeholders) ctx.out(`  line ${p.line}: left empty (template placeholder): ${p.text.trim()}`);
  if (result.unplaced.length) {
    ctx.err(`${result.unplaced.length} line(s) had no place in the campaign; they are kept under import_unplaced in ${shown} — move them and delete that key:`);
    for (const u of result.unplaced) ctx.err(`  ${positionals[0]}:${u.line}: ${u.reason}: ${u.text.trim()}`);
  }
  const refreshed = await refreshPrimerFile(target);
  if (refreshed.changed) ctx.out(`Refreshed ${relative(ctx.cwd, refreshed.path)}.`);
  return 0;
}
