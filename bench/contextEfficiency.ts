// Context efficiency: how many tokens a new session spends on the primer
// compared with reading the whole campaign file, counted with the o200k
// tokenizer (gpt-tokenizer), and whether every must-keep item made it in.
import { countTokens } from 'gpt-tokenizer/encoding/o200k_base';
import { CampaignDocument } from '../src/core/document/campaignDocument';
import type { Campaign } from '../src/core/model/model';
import { DEFAULT_PRIMER_BUDGET, renderPrimer } from '../src/core/primer/primer';
import { campaignWithEntries } from './corpus';
import { round } from './stats';

export interface MustKeepItem {
  kind: 'identity' | 'constraint' | 'focus' | 'blocker' | 'handoff' | 'high-priority work';
  text: string;
}

/** What a primer must never leave out, whatever the budget. */
export function mustKeepItems(c: Campaign): MustKeepItem[] {
  const items: MustKeepItem[] = [];
  if (c.identity.name) items.push({ kind: 'identity', text: c.identity.name });
  if (c.identity.purpose) items.push({ kind: 'identity', text: c.identity.purpose });
  for (const t of c.constraints) items.push({ kind: 'constraint', text: t });
  if (c.active_session?.focus) items.push({ kind: 'focus', text: c.active_session.focus });
  for (const b of c.active_session?.blockers ?? []) items.push({ kind: 'blocker', text: b });
  if (c.handoff_notes.next_session) items.push({ kind: 'handoff', text: c.handoff_notes.next_session });
  for (const n of c.handoff_notes.notes) items.push({ kind: 'handoff', text: n });
  for (const w of c.remaining_work) {
    if (w.priority === 'high' && w.status !== 'done') items.push({ kind: 'high-priority work', text: w.title });
  }
  return items;
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

export interface EfficiencyRow {
  entries: number;
  remainingWork: number;
  fileBytes: number;
  fileTokens: number;
  primerTokens: number;
  /** The primer's own estimate (what its budget is measured in). */
  primerEstimate: number;
  budget: number;
  omitted: number;
  ratio: number;
  withinBudget: boolean;
  mustKeep: number;
  /** Verbatim in the primer. */
  mustKeepPresent: number;
  /** Not verbatim, but there shortened (ends in "…"). */
  mustKeepShortened: number;
  missing: MustKeepItem[];
}

export function measureContextEfficiency(entryCounts: readonly number[], budget: number | undefined): EfficiencyRow[] {
  return entryCounts.map((entries) => {
    const g = campaignWithEntries(entries);
    const model = CampaignDocument.parse(g.text, { maxBytes: Number.MAX_SAFE_INTEGER }).model;
    const primer = renderPrimer(model, budget !== undefined ? { budget } : {});
    const usedBudget = budget ?? DEFAULT_PRIMER_BUDGET;
    const fileTokens = countTokens(g.text);
    const primerTokens = countTokens(primer.text);
    const haystack = squash(primer.text);
    const items = mustKeepItems(model);
    const missing = items.filter((i) => !haystack.includes(squash(i.text)));
    // Present but shortened to fit ("…"): its first 32 characters are there.
    const shortened = missing.filter((i) => haystack.includes(squash(i.text).slice(0, 32))).length;
    return {
      entries,
      remainingWork: model.remaining_work.length,
      fileBytes: g.bytes,
      fileTokens,
      primerTokens,
      primerEstimate: primer.tokens,
      budget: usedBudget,
      omitted: countOmitted(primer.omitted),
      ratio: round(fileTokens / Math.max(1, primerTokens), 1),
      withinBudget: primerTokens <= usedBudget && primer.tokens <= usedBudget,
      mustKeep: items.length,
      mustKeepPresent: items.length - missing.length,
      mustKeepShortened: shortened,
      missing,
    };
  });
}

function countOmitted(omitted: unknown): number {
  if (Array.isArray(omitted)) return omitted.length;
  if (typeof omitted === 'number') return omitted;
  if (omitted && typeof omitted === 'object') {
    return Object.values(omitted).reduce<number>((n, v) => n + (typeof v === 'number' ? v : Array.isArray(v) ? v.length : 0), 0);
  }
  return 0;
}
