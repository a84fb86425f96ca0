// `campaign import PATH... [--force] [--merge] [--dry-run]`: a Markdown
// campaign (the seed article's layout), a Cline / Roo memory bank (a folder,
// or its files), a Kiro tasks.md or any Markdown checkbox list becomes
// .claude/campaign.yaml — or, with --merge, is added to it without duplicates.
// A report of what went where follows every import; --dry-run prints only it.
import { promises as fs } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { applyToFile, atomicWrite, createCampaignFile } from '../../core/file/campaignFile';
import { CampaignDocument } from '../../core/document/campaignDocument';
import { CAMPAIGN_RELATIVE_PATH } from '../../core/file/campaignPath';
import { renderCampaignFile } from '../../core/document/newCampaign';
import { planImport } from '../../core/import/importPlan';
import { buildImportReport, formatImportReport } from '../../core/import/importReport';
import { readImportSources } from '../../core/import/importSources';
import { mergeImport, type MergeCounts } from '../../core/import/mergeImport';
import { refreshPrimerFile } from '../../core/primer/primerFile';
import { CampaignError } from '../../core/model/problems';
import { parseArgs, UsageError } from '../argParser';
import type { CliContext } from '../cliContext';

export const importUsage = 'import PATH... [--force] [--merge] [--dry-run]';

export async function importCommand(ctx: CliContext, argv: string[]): Promise<number> {
  const { flags, positionals } = parseArgs(argv, { force: 'boolean', merge: 'boolean', 'dry-run': 'boolean' });
  if (positionals.length === 0) throw new UsageError('import needs a PATH: a Markdown file, several, or a memory-bank folder');
  if (flags.force && flags.merge) throw new UsageError('--force replaces the campaign and --merge adds to it; choose one');
  const sources = await readImportSources(ctx.cwd, positionals);
  const plan = planImport(sources.files, { now: ctx.now(), ...(sources.bankFolder !== undefined ? { bankFolder: sources.bankFolder } : {}) });
  const target = ctx.file ? resolve(ctx.cwd, ctx.file) : join(ctx.cwd, CAMPAIGN_RELATIVE_PATH);
  const shown = relative(ctx.cwd, target) || target;
  const exists = await fs.access(target).then(
    () => true,
    () => false,
  );
  if (flags.merge && !exists) throw new CampaignError(`There is no campaign at ${shown} to merge into; run without --merge to create it.`);
  if (exists && !flags.force && !flags.merge && !flags['dry-run']) {
    throw new CampaignError(
      `A campaign file already exists at ${shown}; it was left as it is. Run again with --merge to add the import to it, or --force to replace it.`,
    );
  }

  let text: string;
  let merged: MergeCounts | undefined;
  if (flags.merge) {
    if (flags['dry-run']) {
      // The same operation on an in-memory copy: the report shows what --merge would do.
      const doc = CampaignDocument.parse(await fs.readFile(target, 'utf8'), { file: target });
      merged = doc.apply(mergeImport(plan.data), { now: ctx.now() });
      text = doc.toString();
    } else {
      const applied = await applyToFile(target, mergeImport(plan.data), { now: ctx.now() });
      merged = applied.result;
      text = applied.text;
    }
  } else {
    text = renderCampaignFile(plan.data);
    CampaignDocument.parse(text, { file: target });
    if (!flags['dry-run']) {
      if (exists) await atomicWrite(await fs.realpath(target), text);
      else await createCampaignFile(target, text);
    }
  }
  const report = buildImportReport(plan, text, merged);
  const heading = flags['dry-run'] ? `Import report (dry run: nothing written to ${shown})` : `Import report: ${shown}`;
  if (!flags['dry-run']) {
    const d = plan.data;
    const builds = d.build_log?.length ?? 0;
    ctx.out(
      `${flags.merge ? 'Merged into' : 'Imported into'} ${shown}: ${d.remaining_work?.length ?? 0} work item(s), ${d.decisions_log?.length ?? 0} decision(s), ${builds} build-log entr${builds === 1 ? 'y' : 'ies'}, ${Array.isArray(d.constraints) ? d.constraints.length : 0} constraint(s).`,
    );
  }
  for (const note of plan.notes) ctx.out(note);
  ctx.out(formatImportReport(report, heading).trimEnd());
  if (plan.unplacedReasons.length) {
    ctx.err(`${plan.unplacedReasons.length} line(s) had no place in the campaign; they are kept under import_unplaced in ${shown} — move them and delete that key:`);
    for (const line of plan.unplacedReasons) ctx.err(`  ${line}`);
  }
  if (!flags['dry-run']) {
    const refreshed = await refreshPrimerFile(target);
    if (refreshed.changed) ctx.out(`Refreshed ${relative(ctx.cwd, refreshed.path)}.`);
  }
  return 0;
}
