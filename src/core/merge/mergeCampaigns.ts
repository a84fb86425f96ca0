// The semantic three-way merge of campaign files (what `campaign
// merge-driver` runs for git). The three sides are parsed and merged as data,
// section by section; the result is then written into OURS' document as
// named edits, one per changed section (`merge.remaining_work`, …), applied
// as one operation, so OURS' comments, key order, quoting, BOM and line
// endings are kept and the diff against OURS is minimal.
import type { Document, YAMLMap } from 'yaml';
import { isSeq } from 'yaml';
import { CampaignDocument } from '../document/campaignDocument';
import { MAX_ALIAS_COUNT } from '../model/limits';
import { TOP_LEVEL_KEYS } from '../model/model';
import type { Operation } from '../operations/operation';
import { blockStyle, deleteKey, ensureSeq, getNode, pairOf, setKey } from '../document/yamlEdit';
import type { KeyedResult } from './keyedMerge';
import { makeNode, reconcile, reconcileKeyed } from './reconcile';
import { CONFLICTS_KEY, mergeSections } from './sectionMerge';
import type { MergeConflict } from './valueMerge';
import { asList, isPlainObject, same } from './values';

export type { MergeConflict } from './valueMerge';

export interface MergeResult {
  /** The merged file: OURS' text with the merge's edits spliced in. */
  text: string;
  /** Conflicts found by this merge (also recorded in the file's `merge_conflicts:`). */
  conflicts: MergeConflict[];
}

export interface MergeOptions {
  /** The file's path in the repository, for messages (git's %P). */
  path?: string;
}

const CONFLICTS_COMMENT =
  ' Left by a merge: both values of each conflict. Keep one side (`campaign resolve`, the Campaign view, or edit the value and delete the entry).';

function plainData(doc: Document): Record<string, unknown> {
  const v: unknown = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  return isPlainObject(v) ? v : {};
}

function currentValue(doc: Document, root: YAMLMap, key: string): unknown {
  const node = getNode(doc, root, key) as { toJS?: (d: Document) => unknown } | null | undefined;
  return node && typeof node.toJS === 'function' ? node.toJS(doc) : node ?? undefined;
}

/** The edit that gives top-level `key` its merged value. */
function setSection(key: string, value: unknown): Operation {
  return {
    name: `merge.${key}`,
    apply(cd) {
      const root = cd.root();
      const pair = pairOf(root, key);
      if (value === undefined) deleteKey(root, key);
      else if (pair) pair.value = reconcile(cd.doc, getNode(cd.doc, root, key), currentValue(cd.doc, root, key), value);
      else {
        const node = makeNode(cd.doc, value);
        setKey(cd.doc, root, key, node, (TOP_LEVEL_KEYS as readonly string[]).includes(key));
        if (key === CONFLICTS_KEY) {
          const added = pairOf(root, key)!;
          Object.assign(added.key as object, { commentBefore: CONFLICTS_COMMENT, spaceBefore: true });
        }
      }
      cd.changed();
    },
  };
}

/** The edit that gives a keyed section (work, decisions, build log) its merged elements. */
function setKeyedSection(key: string, items: KeyedResult[]): Operation {
  return {
    name: `merge.${key}`,
    apply(cd) {
      const root = cd.root();
      const existing = getNode(cd.doc, root, key);
      const before = isSeq(existing) ? asList(currentValue(cd.doc, root, key)) : [];
      const seq = isSeq(existing) ? existing : blockStyle(ensureSeq(cd.doc, root, key, true));
      reconcileKeyed(cd.doc, seq, before, items);
      cd.changed();
    },
  };
}

function mergeEdits(edits: readonly Operation[]): Operation {
  return {
    name: `merge(${edits.map((e) => e.name.slice('merge.'.length)).join(', ')})`,
    apply(cd, ctx) {
      for (const e of edits) e.apply(cd, ctx);
    },
  };
}

function parseSide(text: string, side: string, options: MergeOptions): CampaignDocument {
  return CampaignDocument.parse(text, { file: `${options.path ?? 'campaign.yaml'} (${side})` });
}

/**
 * Merges THEIRS into OURS against their common BASE. Throws CampaignError
 * (nothing merged) when any side is not a valid campaign file.
 */
export function mergeCampaigns(baseText: string, oursText: string, theirsText: string, options: MergeOptions = {}): MergeResult {
  const base = parseSide(baseText, 'base', options);
  const ours = parseSide(oursText, 'ours', options);
  const theirs = parseSide(theirsText, 'theirs', options);
  const o = plainData(ours.doc);
  const ctx = { conflicts: [] as MergeConflict[] };
  const sections = mergeSections(plainData(base.doc), o, plainData(theirs.doc), ctx);

  const recorded = sections.get(CONFLICTS_KEY);
  const kept = recorded?.kind === 'value' ? asList(recorded.value) : [];
  const fresh = ctx.conflicts.filter((c) => !kept.some((k) => same(k, c)));
  const all = [...kept, ...fresh.map((c) => ({ path: c.path, ours: c.ours, theirs: c.theirs }))];
  if (all.length > 0 || CONFLICTS_KEY in o) sections.set(CONFLICTS_KEY, { kind: 'value', value: all.length ? all : undefined });

  const edits: Operation[] = [];
  for (const [key, r] of sections) {
    if (r.kind === 'value') {
      if (!same(o[key], r.value)) edits.push(setSection(key, r.value));
    } else if (!same(o[key] ?? [], r.items.map((i) => i.value)) && !(o[key] === undefined && r.items.length === 0)) {
      edits.push(setKeyedSection(key, r.items));
    }
  }
  // One operation made of the section edits: applied (and, on a refusal, rolled back) as a whole.
  if (edits.length) ours.apply(mergeEdits(edits), { now: new Date() });
  void ours.model; // re-validates: a merge that would break the schema throws here
  const text = ours.toString();
  // Never hand back what we could not read again.
  CampaignDocument.parse(text, { file: options.path ?? 'campaign.yaml', maxBytes: Number.MAX_SAFE_INTEGER });
  return { text, conflicts: ctx.conflicts };
}
