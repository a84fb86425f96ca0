// Job: remember each yaml node as it was parsed (its children, value, style
// and comments), so that after an operation the nodes it added, changed or
// removed can be found by comparison, without the operation having to say.
import { isAlias, isMap, isPair, isScalar, isSeq, type Node, type Pair } from 'yaml';

interface Common {
  comment: string | null | undefined;
  commentBefore: string | null | undefined;
  spaceBefore: boolean | undefined;
  anchor: string | undefined;
  tag: string | undefined;
}

export interface ScalarSnap extends Common {
  kind: 'scalar';
  value: unknown;
  type: string | undefined;
}

export interface SeqSnap extends Common {
  kind: 'seq';
  flow: boolean | undefined;
  items: unknown[];
  /** The items' snapshots, filled in on first use (saves a lookup per node on every later walk). */
  itemSnaps: (Snap | undefined)[];
}

export interface MapSnap extends Common {
  kind: 'map';
  flow: boolean | undefined;
  pairs: Pair[];
  keys: unknown[];
  values: unknown[];
  keySnaps: (Snap | undefined)[];
  valueSnaps: (Snap | undefined)[];
}

export type Snap = ScalarSnap | SeqSnap | MapSnap;

export type Snapshots = WeakMap<object, Snap>;

type Styled = Partial<Common> & { flow?: boolean; type?: string };

function common(n: Styled): Common {
  return { comment: n.comment, commentBefore: n.commentBefore, spaceBefore: n.spaceBefore, anchor: n.anchor, tag: n.tag };
}

/** The snapshot of one node (not its children). */
export function snapOf(node: unknown): Snap | undefined {
  if (isScalar(node)) return { kind: 'scalar', value: node.value, type: node.type, ...common(node as Styled) };
  if (isSeq(node)) return { kind: 'seq', flow: node.flow, items: node.items.slice(), itemSnaps: new Array(node.items.length), ...common(node as Styled) };
  if (isMap(node)) {
    const pairs = node.items.slice() as Pair[];
    return {
      kind: 'map',
      flow: node.flow,
      pairs,
      keys: pairs.map((p) => p.key),
      values: pairs.map((p) => p.value),
      keySnaps: new Array(pairs.length),
      valueSnaps: new Array(pairs.length),
      ...common(node as Styled),
    };
  }
  return undefined;
}

/** Records a snapshot of `root` and everything under it (walked without recursion); true if it met an alias. */
export function snapshotTree(root: unknown, into: Snapshots): boolean {
  const stack: unknown[] = [root];
  let alias = false;
  while (stack.length) {
    const node = stack.pop();
    if (isAlias(node)) alias = true;
    const snap = snapOf(node);
    if (!snap) continue;
    into.set(node as object, snap);
    if (snap.kind === 'seq') for (const item of snap.items) stack.push(item);
    else if (snap.kind === 'map') for (let i = 0; i < snap.pairs.length; i++) stack.push(snap.keys[i], snap.values[i]);
  }
  return alias;
}

/** Whether the style and comments of `node` are as snapshotted (its value and children aside). */
export function sameStyle(node: Node, snap: Snap): boolean {
  const n = node as Styled;
  if (n.comment !== snap.comment || n.commentBefore !== snap.commentBefore || !!n.spaceBefore !== !!snap.spaceBefore) return false;
  if (n.anchor !== snap.anchor || n.tag !== snap.tag) return false;
  if (snap.kind === 'scalar') return n.type === snap.type;
  return !!n.flow === !!snap.flow;
}

/** Whether `node` and everything under it is exactly as snapshotted. */
export function unchangedDeep(node: unknown, snaps: Snapshots): boolean {
  const stack: unknown[] = [node];
  while (stack.length) {
    const n = stack.pop();
    if (n === null || n === undefined) continue;
    if (isPair(n)) return false; // pairs are compared through their map
    const snap = snaps.get(n as object);
    if (!snap || !sameStyle(n as Node, snap)) return false;
    if (snap.kind === 'scalar') {
      if (!Object.is((n as { value: unknown }).value, snap.value)) return false;
    } else if (snap.kind === 'seq') {
      const items = (n as { items: unknown[] }).items;
      if (items.length !== snap.items.length || items.some((x, i) => x !== snap.items[i])) return false;
      for (const x of items) stack.push(x);
    } else {
      const pairs = (n as { items: Pair[] }).items;
      if (pairs.length !== snap.pairs.length) return false;
      for (let i = 0; i < pairs.length; i++) {
        const p = pairs[i]!;
        if (p !== snap.pairs[i] || p.key !== snap.keys[i] || p.value !== snap.values[i]) return false;
        stack.push(p.key, p.value);
      }
    }
  }
  return true;
}
