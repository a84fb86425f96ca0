// What every CLI command gets: where it runs, the campaign file it acts on,
// and where its output goes (injectable, so commands are testable in-process).
import { resolve } from 'node:path';
import { CAMPAIGN_RELATIVE_PATH } from '../core/file/campaignPath';
import { findCampaignFile } from '../core/file/findCampaign';
import type { RandomSource } from '../core/model/ids';
import { CampaignError } from '../core/model/problems';

export interface CliContext {
  cwd: string;
  /** `--file PATH`, when given. */
  file?: string;
  now: () => Date;
  /** Random bytes for new ids; tests inject a seeded source so files compare byte for byte. */
  random?: RandomSource;
  out: (text: string) => void;
  err: (text: string) => void;
}

/** The campaign file a command acts on: `--file`, else the nearest `.claude/campaign.yaml` upward. */
export function campaignPath(ctx: CliContext): string {
  if (ctx.file) return resolve(ctx.cwd, ctx.file);
  const found = findCampaignFile(ctx.cwd);
  if (!found) {
    throw new CampaignError(
      `No ${CAMPAIGN_RELATIVE_PATH} in ${ctx.cwd} or any folder above it. Create one with \`campaign init\`, or pass --file PATH.`,
    );
  }
  return found;
}
