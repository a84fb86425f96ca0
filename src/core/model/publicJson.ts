// The model as callers outside the core see it (`campaign show --json`, the
// extension's views): the schema's field names, without the bookkeeping
// fields (`index`, `form`) that operations use to find items in the file.
import type { Campaign, Decision, WorkItem } from './model';

export type PublicWorkItem = Omit<WorkItem, 'index' | 'form'>;
export type PublicDecision = Omit<Decision, 'index'>;
export type PublicCampaign = Omit<Campaign, 'remaining_work' | 'decisions_log'> & {
  remaining_work: PublicWorkItem[];
  decisions_log: PublicDecision[];
};

export function publicWorkItem({ index: _i, form: _f, ...rest }: WorkItem): PublicWorkItem {
  return rest;
}

export function toPublicJson(c: Campaign): PublicCampaign {
  return {
    ...c,
    remaining_work: c.remaining_work.map(publicWorkItem),
    decisions_log: c.decisions_log.map(({ index: _i, ...rest }) => rest),
  };
}
