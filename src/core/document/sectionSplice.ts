// Job: check a splice by re-parsing only the top-level sections it touched,
// and then make the parsed document match the new text again (the re-parsed
// sections replace the edited ones; later sections' source ranges move), so
// the next operation splices into it without parsing the whole file.
import { isDeepStrictEqual } from 'node:util';
import { isMap, isScalar, parseDocument, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import { MAX_ALIAS_COUNT } from '../model/limits';
import { snapOf, snapshotTree, type MapSnap, type Snapshots } from './nodeSnapshot';
import { applyEdits, NoSplice, type RootChanges } from './rangeSplice';

export interface CheckedSplice {
  body: string;
  /** The re-parsed sections, their ranges already in the new body's offsets. */
  pairs: Pair[];
  /** Where in the current root's items the edited sections are: [from, to). */
  from: number;
  to: number;
  /** Original section indices after the checked region, whose ranges move by `delta`. */
  after: number;
  delta: number;
  /** The re-parsed sections' values, by key. */
  values: Map<string, unknown>;
  /** Bytes re-parsed to check. */
  checkedBytes: number;
}

const keyOf = (p: Pair) => (isScalar(p.key) ? String(p.key.value) : String(p.key));

/**
 * Applies the edits and re-parses the sections they touched. Throws NoSplice
 * when that text does not read back as the edited sections.
 */
export function checkSplice(
  body: string,
  doc: Document,
  root: YAMLMap,
  rootSnap: MapSnap,
  changes: RootChanges,
  offsetOf: (section: number) => number,
): CheckedSplice {
  // Each section starts at its key's line; a key not at column 0 is not a plain top-level block.
  const bounds: number[] = [];
  for (let j = 0; j < rootSnap.keys.length; j++) {
    const r = (rootSnap.keys[j] as Node).range;
    const start = r ? r[0] + offsetOf(j) : undefined;
    if (start === undefined || (start > 0 && body[start - 1] !== '\n')) throw new NoSplice('a top-level key is not at the start of a line');
    bounds.push(start);
  }
  bounds.push(body.length);
  const touched = [...changes.changed, ...changes.removed];
  if (touched.length === 0) throw new NoSplice('nothing to check');
  const a = Math.min(...touched);
  const b = Math.max(...touched);
  for (const e of changes.edits) {
    if (e.start < bounds[e.section]! || e.end > bounds[e.section + 1]!) throw new NoSplice('an edit crosses a section boundary');
  }
  const next = applyEdits(body, changes.edits);
  const delta = next.length - body.length;
  const start = bounds[a]!;
  const end = bounds[b + 1]! + delta;
  const region = next.slice(start, end);
  const reparsed = parseDocument(region, { uniqueKeys: true, prettyErrors: false, keepSourceTokens: false });
  if (reparsed.errors.length || reparsed.warnings.length) throw new NoSplice('the edited sections do not parse on their own');
  if (reparsed.directives?.docStart) throw new NoSplice('a document marker in the edited sections');
  const contents = reparsed.contents;
  if (contents !== null && (!isMap(contents) || contents.flow)) throw new NoSplice('the edited sections are not a block mapping');
  const got = contents ? (contents.items as Pair[]) : [];

  // The current sections the region must hold, in order: kept ones from a..b and the new ones among them.
  const origIndex = new Map(rootSnap.pairs.map((p, i) => [p, i] as const));
  const cur = root.items as Pair[];
  const inRegion = (p: Pair) => {
    const j = origIndex.get(p);
    return j === undefined ? changes.added.has(p) : j >= a && j <= b;
  };
  const from = cur.findIndex(inRegion);
  let to = from < 0 ? -1 : from;
  while (to >= 0 && to < cur.length && inRegion(cur[to]!)) to++;
  const expected = from < 0 ? [] : cur.slice(from, to);
  if (cur.some((p, i) => inRegion(p) && (i < from || i >= to))) throw new NoSplice('new sections are not next to the edited ones');
  if (expected.length !== got.length) throw new NoSplice('the edited sections read back with other keys');
  const values = new Map<string, unknown>();
  const opts = { maxAliasCount: MAX_ALIAS_COUNT };
  for (let i = 0; i < got.length; i++) {
    const key = keyOf(got[i]!);
    if (key !== keyOf(expected[i]!)) throw new NoSplice('the edited sections read back with other keys');
    const want = toJS(expected[i]!.value, doc, opts);
    const have = toJS(got[i]!.value, reparsed, opts);
    if (!isDeepStrictEqual(have, want)) throw new NoSplice(`section ${key} reads back differently`);
    values.set(key, have);
  }
  for (const p of got) shiftPair(p, start);
  return {
    body: next,
    pairs: got,
    from: from < 0 ? insertionIndex(cur, origIndex, a) : from,
    to: from < 0 ? insertionIndex(cur, origIndex, a) : to,
    after: b + 1,
    delta,
    values,
    checkedBytes: region.length,
  };
}

/** Where sections a.. would be in the current root when all of them were removed. */
function insertionIndex(cur: Pair[], origIndex: Map<Pair, number>, a: number): number {
  const i = cur.findIndex((p) => (origIndex.get(p) ?? -1) > a);
  return i < 0 ? cur.length : i;
}

function toJS(node: unknown, doc: Document, opts: { maxAliasCount: number }): unknown {
  if (node === null || node === undefined) return null;
  const n = node as { toJS?: (doc: Document, opts: object) => unknown };
  return typeof n.toJS === 'function' ? n.toJS(doc, opts) : node;
}

/**
 * Makes `root` match the new text: the checked sections replace the edited
 * ones, and later sections move by delta. Snapshots are taken of what
 * is new, so the next edit is found against the new text.
 */
export function installSplice(
  root: YAMLMap,
  rootSnap: MapSnap,
  checked: CheckedSplice,
  snaps: Snapshots,
  offsets: WeakMap<Pair, number>,
): void {
  // Later sections moved: their nodes keep their ranges, and an offset says by how much.
  if (checked.delta !== 0) {
    for (let j = checked.after; j < rootSnap.pairs.length; j++) {
      const p = rootSnap.pairs[j]!;
      offsets.set(p, (offsets.get(p) ?? 0) + checked.delta);
    }
  }
  // Comments above the first edited key and after the last section are outside the
  // re-parsed text or read into its document; the whole-document path renders them.
  const first = checked.pairs[0]?.key as { commentBefore?: string | null; spaceBefore?: boolean } | undefined;
  const old = (root.items as Pair[])[checked.from]?.key as { commentBefore?: string | null; spaceBefore?: boolean } | undefined;
  if (first && old && checked.from < checked.to) {
    first.commentBefore ??= old.commentBefore;
    first.spaceBefore ||= old.spaceBefore;
  }
  (root.items as Pair[]).splice(checked.from, checked.to - checked.from, ...checked.pairs);
  for (const p of checked.pairs) snapshotTree(p.key, snaps), snapshotTree(p.value, snaps);
  snaps.set(root, snapOf(root)!);
}

/** Moves every source range under a pair by `by`. */
function shiftPair(pair: Pair, by: number): void {
  if (by === 0) return;
  const stack: unknown[] = [pair.key, pair.value];
  while (stack.length) {
    const node = stack.pop() as { range?: [number, number, number]; items?: unknown[]; key?: unknown; value?: unknown } | null;
    if (!node || typeof node !== 'object') continue;
    if (node.range) node.range = [node.range[0] + by, node.range[1] + by, node.range[2] + by];
    if (Array.isArray(node.items)) {
      for (const item of node.items) stack.push(item);
    } else if ('key' in node && !node.range) {
      stack.push(node.key, node.value);
    }
  }
}
