// Job: what a `ref` means to the MCP tools: a work item's (or decision's) id
// or its exact title — never a position, because positions shift while a
// person edits the same list. Resolution happens inside the operation, on
// the text the guarded write read, so it cannot race a concurrent edit; an
// unknown ref fails with the closest matches for the model to pick from.
import type { CampaignDocument } from '../core/document/campaignDocument';
import type { Campaign, Decision, WorkItem } from '../core/model/model';
import { CampaignError } from '../core/model/problems';
import type { Operation, OperationContext } from '../core/operations/operation';

/** Edit distance, for "did you mean". Titles are short; quadratic is fine. */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length]!;
}

function closeness(ref: string, title: string, id?: string): number {
  const r = ref.toLowerCase();
  const t = title.toLowerCase();
  if (id && id.toLowerCase() === r) return 0;
  if (t.includes(r) || r.includes(t)) return 0.1;
  const words = new Set(r.split(/\W+/).filter(Boolean));
  const shared = t.split(/\W+/).filter((w) => words.has(w)).length;
  const d = Math.min(distance(r, t), id ? distance(r, id.toLowerCase()) : Infinity) / Math.max(r.length, t.length, 1);
  return d - shared * 0.2;
}

interface Named {
  id?: string;
  label: string;
}

function closest(ref: string, items: readonly Named[]): string {
  const ranked = items
    .map((i) => ({ i, score: closeness(ref, i.label, i.id) }))
    .sort((a, b) => a.score - b.score)
    .slice(0, 3)
    .map(({ i }) => `${i.id ? `${i.id} ` : ''}"${i.label}"`);
  return ranked.length ? ` Closest: ${ranked.join(', ')}.` : ' The list is empty.';
}

function byIdOrTitle<T>(items: readonly T[], ref: string, id: (t: T) => string | undefined, label: (t: T) => string): T[] {
  const r = ref.trim();
  const byId = items.filter((i) => id(i) === r);
  if (byId.length) return byId;
  return items.filter((i) => label(i) === r || label(i).trim() === r);
}

export function findWorkItem(campaign: Campaign, ref: string): WorkItem {
  const items = campaign.remaining_work;
  const found = byIdOrTitle(items, ref, (w) => w.id, (w) => w.title);
  if (found.length === 1) return found[0]!;
  if (found.length > 1) {
    const ids = found.map((w) => w.id).filter(Boolean);
    throw new CampaignError(
      `${found.length} work items are titled "${ref}"; pass an id instead${ids.length ? ` (${ids.join(', ')})` : ''}.`,
    );
  }
  throw new CampaignError(
    `No work item has the id or exact title "${ref}".${closest(ref, items.map((w) => ({ ...(w.id ? { id: w.id } : {}), label: w.title })))} ` +
      'Pass an id (from show_campaign) or the exact title; positions are not accepted.',
  );
}

export function findDecision(campaign: Campaign, ref: string): Decision {
  const all = campaign.decisions_log;
  const found = byIdOrTitle(all, ref, (d) => d.id, (d) => d.decision);
  if (found.length === 1) return found[0]!;
  throw new CampaignError(
    found.length > 1
      ? `${found.length} decisions read "${ref}"; pass an id instead.`
      : `No decision has the id or exact text "${ref}".${closest(ref, all.map((d) => ({ ...(d.id ? { id: d.id } : {}), label: d.decision })))} Pass its id (from show_campaign).`,
  );
}

/** The ref the core understands for an item found in this very document: its id, else its position. */
function coreRef(item: { id?: string | undefined; index: number }): string {
  return item.id ?? String(item.index + 1);
}

/**
 * The core operation `make` builds, applied to the work item `ref` names.
 * The position handed to the core is only ever used within this one apply,
 * on the document the item was found in.
 */
export function onWorkItem<R>(ref: string, make: (coreRef: string) => Operation<R>): Operation<R> {
  return {
    name: make(ref).name,
    apply(cd: CampaignDocument, ctx: OperationContext): R {
      return make(coreRef(findWorkItem(cd.model, ref))).apply(cd, ctx);
    },
  };
}

/** The same for a decision. */
export function onDecision<R>(ref: string, make: (coreRef: string) => Operation<R>): Operation<R> {
  return {
    name: make(ref).name,
    apply(cd: CampaignDocument, ctx: OperationContext): R {
      return make(coreRef(findDecision(cd.model, ref))).apply(cd, ctx);
    },
  };
}
