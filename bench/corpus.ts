// The benchmark campaigns, generated once per run and shared by the measurements.
import { generateCampaign, generateCampaignOfSize, type GeneratedCampaign } from './generateCampaign';

const bySize = new Map<number, GeneratedCampaign>();
const byEntries = new Map<number, GeneratedCampaign>();

/** A campaign of about `bytes` bytes (seed 1). */
export function campaignOfSize(bytes: number): GeneratedCampaign {
  let g = bySize.get(bytes);
  if (!g) bySize.set(bytes, (g = generateCampaignOfSize(bytes)));
  return g;
}

/** A campaign with `entries` build-log entries and decisions (seed 1). */
export function campaignWithEntries(entries: number): GeneratedCampaign {
  let g = byEntries.get(entries);
  if (!g) byEntries.set(entries, (g = generateCampaign({ entries })));
  return g;
}
