// Three-way merge of a list whose elements have an identity (work items,
// decisions, build-log entries). Elements are matched across BASE, OURS and
// THEIRS (by id, then by a secondary key for elements without one), then each
// matched element is merged field by field; additions from either side are
// kept once, deletions are honoured. The result lists, for each element,
// which OURS element it continues (so its yaml node, comments and all, is
// reused) and the value it must end up with.
import { newId } from '../model/ids';
import { insertionIndex } from './listMerge';
import { mergeFields, type FieldRules, type MergeContext } from './valueMerge';
import { canon, dateText, same } from './values';

export interface KeyedSpec {
  /** Section name, the start of conflict paths. */
  section: string;
  id(raw: unknown): string | undefined;
  /** Secondary key for elements without an id (a title, a date and title). */
  key(raw: unknown): string;
  /** Match identical elements before keys (build-log entries have no ids). */
  exactFirst?: boolean;
  /** The element as comparable fields (defaults filled in, case normalized). */
  fields(raw: unknown): Record<string, unknown>;
  /** The merged fields written the way OURS wrote the element, where it did. */
  toRaw(fields: Record<string, unknown>, oursRaw: unknown): unknown;
  /** The `[selector]` of conflict paths for this element. */
  selector(raw: unknown): string;
  rules?: FieldRules;
  /**
   * When one side deleted an element the other changed: `bookkeeping` lists
   * the fields whose change does not stop a deletion (priority, status…);
   * a change to anything else is a conflict. Without it the changed element
   * is kept: logs never lose what a side added.
   */
  bookkeeping?: readonly string[];
  /** Prefix of new ids, when an addition of THEIRS must be renumbered (same id, different element). */
  idPrefix?: 'w' | 'd';
  /** Where THEIRS' new elements go: after their neighbour in THEIRS, or by date. */
  placement: 'neighbour' | 'date';
}

export interface KeyedResult {
  /** The OURS element this continues, by index; absent for an element new to OURS. */
  oursIndex?: number;
  value: unknown;
}

interface Entity {
  b?: number;
  o?: number;
  t?: number;
}

/**
 * Pairs elements of `side` with elements of `base`: identical (optional),
 * then by id, then by key; each pass takes the first free base element in
 * order, so duplicates pair up in order. Keys are computed once and looked
 * up in maps, so long build logs stay fast.
 */
function match(
  spec: KeyedSpec,
  base: readonly unknown[],
  side: readonly unknown[],
  baseFree: readonly number[],
  sideFree: readonly number[],
  strictIds = false,
): Map<number, number> {
  const pairs = new Map<number, number>();
  const taken = new Set<number>();
  const pass = (keyOf: (raw: unknown) => string | undefined, fits: (b: unknown, s: unknown) => boolean = () => true) => {
    const buckets = new Map<string, number[]>();
    for (const b of baseFree) {
      const k = taken.has(b) ? undefined : keyOf(base[b]);
      if (k === undefined) continue;
      const bucket = buckets.get(k);
      if (bucket) bucket.push(b);
      else buckets.set(k, [b]);
    }
    for (const s of sideFree) {
      const k = pairs.has(s) ? undefined : keyOf(side[s]);
      const bucket = k === undefined ? undefined : buckets.get(k);
      const at = bucket ? bucket.findIndex((b) => fits(base[b], side[s])) : -1;
      if (at < 0) continue;
      const b = bucket!.splice(at, 1)[0]!;
      pairs.set(s, b);
      taken.add(b);
    }
  };
  if (spec.exactFirst) pass(canon);
  // Two additions that share a hand-made id (`w4`) but not a title are two elements.
  pass((raw) => {
    const id = spec.id(raw);
    return id === undefined ? undefined : strictIds ? JSON.stringify([id, spec.key(raw)]) : id;
  });
  // By key where at most one of the two has an id: two different ids are two different elements.
  pass(spec.key, (b, s) => {
    const ib = spec.id(b);
    const is = spec.id(s);
    return ib === undefined || is === undefined || (ib === is && !strictIds);
  });
  return pairs;
}

const indices = (n: number) => Array.from({ length: n }, (_, i) => i);

function entities(spec: KeyedSpec, base: readonly unknown[], ours: readonly unknown[], theirs: readonly unknown[]): Entity[] {
  const all: Entity[] = base.map((_, b) => ({ b }));
  const byBase = (pairs: Map<number, number>, side: 'o' | 't') => {
    for (const [s, b] of pairs) all[b]![side] = s;
  };
  const oursPairs = match(spec, base, ours, indices(base.length), indices(ours.length));
  const theirsPairs = match(spec, base, theirs, indices(base.length), indices(theirs.length));
  byBase(oursPairs, 'o');
  byBase(theirsPairs, 't');
  // Elements new on both sides: the same addition made twice is one element.
  const newOurs = indices(ours.length).filter((o) => !oursPairs.has(o));
  const newTheirs = indices(theirs.length).filter((t) => !theirsPairs.has(t));
  const both = match(spec, ours, theirs, newOurs, newTheirs, true);
  const joined = new Map<number, Entity>();
  for (const o of newOurs) {
    const e: Entity = { o };
    joined.set(o, e);
    all.push(e);
  }
  for (const t of newTheirs) {
    const o = both.get(t);
    if (o !== undefined) joined.get(o)!.t = t;
    else all.push({ t });
  }
  return all;
}

export function mergeKeyed(
  spec: KeyedSpec,
  base: readonly unknown[],
  ours: readonly unknown[],
  theirs: readonly unknown[],
  ctx: MergeContext,
): KeyedResult[] {
  const kept = new Map<Entity, KeyedResult>();
  const inserted: { entity: Entity; value: unknown }[] = [];
  const pathOf = (raw: unknown) => `${spec.section}[${spec.selector(raw)}]`;

  const all = entities(spec, base, ours, theirs);
  for (const e of all) {
    const b = e.b === undefined ? undefined : base[e.b];
    const o = e.o === undefined ? undefined : ours[e.o];
    const t = e.t === undefined ? undefined : theirs[e.t];
    if (e.o !== undefined && e.t !== undefined) {
      const bf = b === undefined ? {} : spec.fields(b);
      const merged = mergeFields(pathOf(o), bf, spec.fields(o), spec.fields(t), ctx, spec.rules);
      kept.set(e, { oursIndex: e.o, value: spec.toRaw(merged, o) });
    } else if (e.o !== undefined) {
      if (b === undefined || !deletionWins(spec, b, o, pathOf(o), 'ours', ctx)) kept.set(e, { oursIndex: e.o, value: o });
    } else if (e.t !== undefined) {
      if (b === undefined || !deletionWins(spec, b, t, pathOf(t), 'theirs', ctx)) inserted.push({ entity: e, value: t });
    }
  }

  // OURS' order, then THEIRS' additions placed among them.
  const result: Entity[] = all.filter((e) => kept.has(e)).sort((x, y) => x.o! - y.o!);
  const theirsOrder = all.filter((e) => e.t !== undefined).sort((x, y) => x.t! - y.t!);
  const isInserted = new Set(inserted.map((i) => i.entity));
  const values = new Map(inserted.map((i) => [i.entity, i.value]));
  const inResult = new Set(result);
  let previous: Entity | undefined;
  for (const e of theirsOrder) {
    if (!isInserted.has(e)) {
      if (inResult.has(e)) previous = e;
      continue;
    }
    const at = spec.placement === 'date'
      ? dateIndex(result.map((r) => valueOf(r, kept, values)), values.get(e))
      : insertionIndex(result, previous, (r) => r.t !== undefined);
    result.splice(at, 0, e);
    inResult.add(e);
    previous = e;
  }
  return renumberClashes(spec, result.map((e) => kept.get(e) ?? { value: values.get(e) }));
}

/** An addition of THEIRS whose id another element already has gets a new branch-safe id. */
function renumberClashes(spec: KeyedSpec, items: KeyedResult[]): KeyedResult[] {
  if (!spec.idPrefix) return items;
  const ids = items.filter((r) => r.oursIndex !== undefined).map((r) => spec.id(r.value)).filter((x): x is string => !!x);
  const taken = new Set(ids);
  return items.map((r) => {
    const id = spec.id(r.value);
    if (r.oursIndex !== undefined || id === undefined) return r;
    if (!taken.has(id)) {
      taken.add(id);
      return r;
    }
    const fresh = newId(spec.idPrefix!, taken);
    taken.add(fresh);
    return { value: { ...(r.value as Record<string, unknown>), id: fresh } };
  });
}

function valueOf(e: Entity, kept: Map<Entity, KeyedResult>, inserted: Map<Entity, unknown>): unknown {
  return kept.get(e)?.value ?? inserted.get(e);
}

/** After the last element dated on or before `value` (OURS' elements of the same day come first); undated: last. */
function dateIndex(list: readonly unknown[], value: unknown): number {
  const dateOf = (r: unknown) => dateText((r as Record<string, unknown> | null)?.date);
  const date = dateOf(value);
  if (!date) return list.length;
  for (let i = list.length - 1; i >= 0; i--) if (dateOf(list[i]) <= date) return i + 1;
  return 0;
}

/**
 * One side deleted an element the other side still has. Unchanged, or
 * changed only in bookkeeping fields: the deletion wins. Changed in content:
 * logs keep the element; work items record a conflict (OURS' state stays).
 */
function deletionWins(spec: KeyedSpec, base: unknown, kept: unknown, path: string, keptBy: 'ours' | 'theirs', ctx: MergeContext): boolean {
  const bf = spec.fields(base);
  const kf = spec.fields(kept);
  if (same(bf, kf)) return true;
  if (!spec.bookkeeping) return false;
  const changed = [...new Set([...Object.keys(bf), ...Object.keys(kf)])].filter((k) => !same(bf[k], kf[k]));
  if (changed.every((k) => spec.bookkeeping!.includes(k))) return true;
  ctx.conflicts.push(keptBy === 'ours' ? { path, ours: kept, theirs: null } : { path, ours: null, theirs: kept });
  return keptBy === 'theirs';
}
