// Locates the campaign file: `.claude/campaign.yaml` in the working folder or
// the nearest folder above it, the way git finds its repository.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { CAMPAIGN_RELATIVE_PATH } from './campaignPath';


export function findCampaignFile(startDir: string): string | undefined {
  let dir = resolve(startDir);
  for (;;) {
    const candidate = join(dir, CAMPAIGN_RELATIVE_PATH);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}
