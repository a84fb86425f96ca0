// The session primer for a folder's campaign, rendered by the core with this
// folder's token budget (campaign.primer.tokenBudget). Copy Session Primer and
// Show Primer both come through here, so they always agree.
import { existsSync } from 'node:fs';
import { archiveDirFor, archiveDisplayPath } from '../core/archive/archiveView';
import { renderPrimer } from '../core/primer/primer';
import type { CampaignStore } from './campaignStore';
import { omittedSummary, supersededNote } from './primerSummary';
import { tokenBudget } from './settings';

export interface StorePrimer {
  text: string;
  tokens: number;
  budget: number;
  /** What the budget left out, in words ("3 work items, 5 decisions"); undefined when everything fit. */
  omitted: string | undefined;
  /** Superseded decisions the primer leaves out (it never shows them), said apart from the budget's cuts. */
  superseded: string | undefined;
  /** The primer comes from the last good state because the file is invalid now. */
  stale: boolean;
}

export function primerFor(store: CampaignStore, now = new Date()): StorePrimer | undefined {
  const campaign = store.campaign;
  if (!campaign) return undefined;
  const budget = tokenBudget(store.folder);
  // A cheap synchronous look for an archive, so the footer can point at it.
  const archived = existsSync(archiveDirFor(store.uri.fsPath));
  const superseded = campaign.decisions_log.filter((d) => d.status === 'superseded').length;
  const primer = renderPrimer(campaign, {
    budget,
    campaignPath: store.relativePath,
    now,
    ...(archived ? { archivePath: archiveDisplayPath(store.uri.fsPath) } : {}),
  });
  return {
    text: primer.text,
    tokens: primer.tokens,
    budget,
    omitted: omittedSummary(primer.omitted, superseded),
    superseded: supersededNote(superseded),
    stale: store.fileState === 'invalid',
  };
}
