// Finds the work item (or decision) a person means: by id, by 1-based
// position as `campaign work list` prints it, or by title.
import { CampaignError } from '../model/problems';
import type { Campaign, Decision, WorkItem } from '../model/model';

export function resolveWork(campaign: Campaign, ref: string): WorkItem {
  const items = campaign.remaining_work;
  const r = ref.trim();
  const byId = items.find((i) => i.id === r);
  if (byId) return byId;
  if (/^\d+$/.test(r)) {
    const n = Number(r);
    if (n >= 1 && n <= items.length) return items[n - 1]!;
    throw new CampaignError(`There is no work item at position ${n}; the list has ${items.length}.`);
  }
  const exact = items.filter((i) => i.title === r);
  if (exact.length === 1) return exact[0]!;
  const loose = exact.length ? exact : items.filter((i) => i.title.toLowerCase() === r.toLowerCase());
  if (loose.length === 1) return loose[0]!;
  if (loose.length > 1) {
    throw new CampaignError(`${loose.length} work items are titled "${r}"; use an id or a position from \`campaign work list\`.`);
  }
  throw new CampaignError(
    `No work item matches "${r}". Use an id (e.g. w-7k2q), a position from \`campaign work list\`, or the exact title.`,
  );
}

export function resolveDecision(campaign: Campaign, ref: string): Decision {
  const r = ref.trim();
  const found =
    campaign.decisions_log.find((d) => d.id === r) ??
    (/^\d+$/.test(r) ? campaign.decisions_log[Number(r) - 1] : undefined) ??
    campaign.decisions_log.find((d) => d.decision === r);
  if (!found) throw new CampaignError(`No decision matches "${r}". Use its id (e.g. d-3m9x) from \`campaign show --json\`.`);
  return found;
}
