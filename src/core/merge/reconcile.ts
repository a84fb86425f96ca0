// Writes a merged value into OURS' yaml nodes with the smallest change:
// unchanged nodes are left alone (so their comments and style stay), mappings
// are edited key by key, list elements that did not change are reused, and a
// scalar keeps its quoting style. Only what really changed is new.
import { isMap, isScalar, isSeq, type Document, type Node, type YAMLSeq } from 'yaml';
import { deleteKey, getNode, pairOf, seqItem } from '../document/yamlEdit';
import { canon, isPlainObject, isScalar as isPlainScalar, same } from './values';

/** A new node for `value`; collections in block style, as the rest of the file. */
export function makeNode(doc: Document, value: unknown): Node {
  return doc.createNode(value) as Node;
}

type Commented = Node & { commentBefore?: string | null; comment?: string | null; spaceBefore?: boolean };

function carryComments(from: unknown, to: Node): Node {
  if (!from || typeof from !== 'object') return to;
  const f = from as Commented;
  const t = to as Commented;
  if (f.commentBefore) t.commentBefore = f.commentBefore;
  if (f.comment) t.comment = f.comment;
  if (f.spaceBefore) t.spaceBefore = f.spaceBefore;
  return t;
}

/**
 * Returns the node that now stands for `after`: `node` edited in place when
 * it can be, a new node otherwise. `before` is the plain value of `node`.
 */
export function reconcile(doc: Document, node: unknown, before: unknown, after: unknown): Node {
  if (same(before, after) && node) return node as Node;
  if (isMap(node) && isPlainObject(before) && isPlainObject(after)) {
    for (const key of Object.keys(after)) {
      const pair = pairOf(node, key);
      if (pair) pair.value = reconcile(doc, getNode(doc, node, key), before[key], after[key]);
      else node.items.push(doc.createPair(key, makeNode(doc, after[key])));
    }
    for (const key of Object.keys(before)) if (!(key in after)) deleteKey(node, key);
    return node;
  }
  if (isSeq(node) && Array.isArray(before) && Array.isArray(after)) {
    reconcileItems(doc, node, before, after);
    return node;
  }
  if (isScalar(node) && isPlainScalar(before) && isPlainScalar(after)) {
    node.value = after;
    return node;
  }
  return carryComments(node, makeNode(doc, after));
}

/** Rebuilds a sequence's items: equal elements reused, then same-position collections edited, else new. */
export function reconcileItems(doc: Document, seq: YAMLSeq, before: readonly unknown[], after: readonly unknown[]): void {
  const old = before.map((_, i) => seqItem(doc, seq, i));
  const free = new Map<string, number[]>();
  before.forEach((b, i) => {
    const k = canon(b);
    const list = free.get(k);
    if (list) list.push(i);
    else free.set(k, [i]);
  });
  const used = new Set<number>();
  const items: (Node | undefined)[] = after.map((v) => {
    const i = free.get(canon(v))?.shift();
    if (i === undefined) return undefined;
    used.add(i);
    return old[i];
  });
  after.forEach((v, j) => {
    if (items[j]) return;
    const sameKind = j < before.length && !used.has(j) && isPlainObject(before[j]) && isPlainObject(v);
    if (sameKind) used.add(j);
    items[j] = sameKind ? reconcile(doc, old[j], before[j], v) : makeNode(doc, v);
  });
  // An empty `[]` that gains elements becomes a block list, like the ones operations write.
  if (before.length === 0 && after.length > 0) seq.flow = false;
  seq.items = items as Node[];
}

/** Rebuilds a keyed section's items: each merged element continues its OURS node, or is new. */
export function reconcileKeyed(
  doc: Document,
  seq: YAMLSeq,
  before: readonly unknown[],
  after: readonly { oursIndex?: number; value: unknown }[],
): void {
  const old = before.map((_, i) => seqItem(doc, seq, i));
  const items = after.map((r) => (r.oursIndex === undefined ? makeNode(doc, r.value) : reconcile(doc, old[r.oursIndex], before[r.oursIndex], r.value)));
  if (before.length === 0 && after.length > 0) seq.flow = false;
  seq.items = items;
}
