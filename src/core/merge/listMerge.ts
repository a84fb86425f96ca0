// Line-wise three-way merge of a list of plain values (constraints, tech
// stack, handoff notes, a build-log entry's accomplishments, blockers): OURS'
// order is kept, lines THEIRS removed are removed, lines THEIRS added are
// inserted after the line they follow in THEIRS, and a line both sides added
// appears once. Counts are per value, so deliberate duplicates survive.
import { canon } from './values';

/** How many copies of a value the merge keeps, from its count on each side. */
export function mergedCount(base: number, ours: number, theirs: number): number {
  if (ours === base) return theirs;
  if (theirs === base) return ours;
  if (ours > base && theirs > base) return Math.max(ours, theirs);
  if (ours < base && theirs < base) return Math.min(ours, theirs);
  return Math.max(0, ours + theirs - base);
}

function counts<T>(list: readonly T[], key: (v: T) => string): Map<string, number> {
  const m = new Map<string, number>();
  for (const v of list) m.set(key(v), (m.get(key(v)) ?? 0) + 1);
  return m;
}

/**
 * Where an element THEIRS placed after `previous` goes in the result: right
 * after `previous`, past OURS' own additions there (they came first), or at
 * the start when it led THEIRS' list.
 */
export function insertionIndex<T>(result: readonly T[], previous: T | undefined, inTheirs: (v: T) => boolean): number {
  if (previous === undefined) return 0;
  let i = result.indexOf(previous);
  if (i < 0) return result.length;
  i++;
  while (i < result.length && !inTheirs(result[i]!)) i++;
  return i;
}

export function mergeList<T>(base: readonly T[], ours: readonly T[], theirs: readonly T[], key: (v: T) => string = canon): T[] {
  const cb = counts(base, key);
  const co = counts(ours, key);
  const ct = counts(theirs, key);
  const target = new Map<string, number>();
  for (const k of new Set([...cb.keys(), ...co.keys(), ...ct.keys()])) {
    target.set(k, mergedCount(cb.get(k) ?? 0, co.get(k) ?? 0, ct.get(k) ?? 0));
  }
  // Boxes give every element its own identity, so positions survive duplicates.
  type Box = { value: T; key: string };
  const kept = new Map<string, Box[]>();
  const result: Box[] = [];
  for (const value of ours) {
    const k = key(value);
    const have = kept.get(k) ?? [];
    if (have.length >= (target.get(k) ?? 0)) continue;
    const box = { value, key: k };
    have.push(box);
    kept.set(k, have);
    result.push(box);
  }
  let previous: Box | undefined;
  const seen = new Map<string, number>();
  for (const value of theirs) {
    const k = key(value);
    const n = seen.get(k) ?? 0;
    seen.set(k, n + 1);
    const have = kept.get(k) ?? [];
    if (n < have.length) {
      previous = have[n];
      continue;
    }
    if (have.length >= (target.get(k) ?? 0)) continue;
    const box = { value, key: k };
    result.splice(insertionIndex(result, previous, (b) => ct.has(b.key)), 0, box);
    have.push(box);
    kept.set(k, have);
    previous = box;
  }
  return result.map((b) => b.value);
}
