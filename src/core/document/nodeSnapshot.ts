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

// Snapshots are taken of every node of a file (tens of thousands at 1 MB): each is one object
// literal of a fixed shape, its arrays filled in one loop.

/** The snapshot of one node (not its children). */
export function snapOf(node: unknown): Snap | undefined {
  if (isScalar(node)) {
    const n = node as Styled & { value: unknown };
    return { kind: 'scalar', value: n.value, type: n.type, comment: n.comment, commentBefore: n.commentBefore, spaceBefore: n.spaceBefore, anchor: n.anchor, tag: n.tag };
  }
  if (isSeq(node)) {
    const n = node as Styled & { items: unknown[] };
    const items = n.items.slice();
    return {
      kind: 'seq',
      flow: n.flow,
      items,
      itemSnaps: new Array(items.length),
      comment: n.comment,
      commentBefore: n.commentBefore,
      spaceBefore: n.spaceBefore,
      anchor: n.anchor,
      tag: n.tag,
    };
  }
  if (isMap(node)) {
    const n = node as Styled & { items: Pair[] };
    const count = n.items.length;
    const pairs = new Array<Pair>(count);
    const keys = new Array<unknown>(count);
    const values = new Array<unknown>(count);
    for (let i = 0; i < count; i++) {
      const p = n.items[i]!;
      pairs[i] = p;
      keys[i] = p.key;
      values[i] = p.value;
    }
    return {
      kind: 'map',
      flow: n.flow,
      pairs,
      keys,
      values,
      keySnaps: new Array(count),
      valueSnaps: new Array(count),
      comment: n.comment,
      commentBefore: n.commentBefore,
      spaceBefore: n.spaceBefore,
      anchor: n.anchor,
      tag: n.tag,
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
