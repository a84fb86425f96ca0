// Three-way merge of plain values, field by field: a side that left a value
// as it was in BASE takes the other side's change; mappings merge key by key;
// lists of plain values merge line-wise; anything else changed two ways is a
// conflict: OURS' value stays (so the file stays valid) and both values are
// recorded for a person to pick from.
import { mergeList } from './listMerge';
import { asList, isPlainObject, isScalarList, same } from './values';

export interface MergeConflict {
  /** Where the values differ, e.g. `remaining_work[w-7k2q].priority` (see conflictPath.ts). */
  path: string;
  /** OURS' value (kept in the file); null when OURS has none. */
  ours: unknown;
  /** THEIRS' value; null when THEIRS has none. */
  theirs: unknown;
}

export interface MergeContext {
  conflicts: MergeConflict[];
}

/**
 * A field-specific rule: returns `{ value }` to decide, or undefined to let
 * the generic merge decide. Used for fields where "changed two ways" has an
 * obvious answer (a completion wins, the later date wins).
 */
export type FieldRule = (base: unknown, ours: unknown, theirs: unknown) => { value: unknown } | undefined;

export type FieldRules = Readonly<Record<string, FieldRule>>;

const SIMPLE_KEY = /^[A-Za-z0-9_-]+$/;

/** `parent.key`, quoting keys that are not plain words. */
export function childPath(parent: string, key: string): string {
  const seg = SIMPLE_KEY.test(key) ? key : JSON.stringify(key);
  return parent ? `${parent}.${seg}` : seg;
}

export function mergeValue(path: string, base: unknown, ours: unknown, theirs: unknown, ctx: MergeContext): unknown {
  if (same(ours, theirs)) return ours;
  if (same(ours, base)) return theirs;
  if (same(theirs, base)) return ours;
  if (isPlainObject(ours) && isPlainObject(theirs) && (base === undefined || base === null || isPlainObject(base))) {
    return mergeFields(path, isPlainObject(base) ? base : {}, ours, theirs, ctx);
  }
  const listy = Array.isArray(ours) || Array.isArray(theirs);
  if (listy && [base, ours, theirs].every((v) => isScalarList(asList(v)))) {
    return mergeList(asList(base), asList(ours), asList(theirs));
  }
  ctx.conflicts.push({ path, ours: ours ?? null, theirs: theirs ?? null });
  return ours;
}

/** Merges two mappings key by key; OURS' key order first, then keys only THEIRS has. */
export function mergeFields(
  path: string,
  base: Record<string, unknown>,
  ours: Record<string, unknown>,
  theirs: Record<string, unknown>,
  ctx: MergeContext,
  rules: FieldRules = {},
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const keys = [...new Set([...Object.keys(ours), ...Object.keys(theirs), ...Object.keys(base)])];
  for (const key of keys) {
    const decided = rules[key]?.(base[key], ours[key], theirs[key]);
    const value = decided ? decided.value : mergeValue(childPath(path, key), base[key], ours[key], theirs[key], ctx);
    if (value !== undefined) out[key] = value;
  }
  return out;
}

/** Rule: when both sides changed a date-like field, the later one wins (no conflict over bookkeeping). */
export const laterWins: FieldRule = (base, ours, theirs) => {
  if (same(ours, theirs) || same(ours, base) || same(theirs, base)) return undefined;
  if (ours === undefined || ours === null) return { value: theirs };
  if (theirs === undefined || theirs === null) return { value: ours };
  return { value: String(theirs) > String(ours) ? theirs : ours };
};

/** Rule: if either side moved a status to `winner` (done, superseded), it stays there. */
export function statusWins(winner: string): FieldRule {
  return (base, ours, theirs) => {
    if (same(ours, theirs) || same(ours, base) || same(theirs, base)) return undefined;
    if (String(ours).toLowerCase() === winner) return { value: ours };
    if (String(theirs).toLowerCase() === winner) return { value: theirs };
    return undefined;
  };
}
