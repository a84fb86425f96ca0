// `campaign init`: creates .claude/campaign.yaml in the working folder.
import { join, relative } from 'node:path';
import { createCampaignFile } from '../../core/file/campaignFile';
import { CAMPAIGN_RELATIVE_PATH } from '../../core/file/campaignPath';
import { newCampaignText } from '../../core/document/newCampaign';
import { parseArgs } from '../argParser';
import type { CliContext } from '../cliContext';

export const initUsage = 'init [--name N] [--purpose P] [--tech T]... [--constraint C]...';

export async function initCommand(ctx: CliContext, argv: string[]): Promise<number> {
  const { flags } = parseArgs(argv, { name: 'string', purpose: 'string', tech: 'strings', constraint: 'strings' });
  const path = ctx.file ? join(ctx.cwd, ctx.file) : join(ctx.cwd, CAMPAIGN_RELATIVE_PATH);
  await createCampaignFile(
    path,
    newCampaignText({
      name: flags.name ?? '',
      purpose: flags.purpose ?? '',
      tech_stack: flags.tech ?? [],
      constraints: flags.constraint ?? [],
    }),
  );
  ctx.out(`Created ${relative(ctx.cwd, path) || path}`);
  return 0;
}
