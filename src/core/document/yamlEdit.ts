// Small helpers for editing the campaign's yaml nodes in place. They create
// sections in canonical order when missing and build new nodes in the style
// the rest of the file uses.
import { isAlias, isMap, isScalar, isSeq, Scalar, visit, YAMLMap, YAMLSeq, type Document, type Node, type Pair } from 'yaml';
import { TOP_LEVEL_KEYS } from '../model/model';

/** Whether a document or node uses an alias anywhere. */
export function hasAlias(node: Document | Node): boolean {
  let found = false;
  visit(node, {
    Alias() {
      found = true;
      return visit.BREAK;
    },
  });
  return found;
}

export function pairOf(map: YAMLMap, key: string): Pair | undefined {
  return map.items.find((p) => (isScalar(p.key) ? p.key.value === key : p.key === key)) as Pair | undefined;
}

/**
 * The value node under `key`. An alias (`remaining_work: *id005`, as PyYAML
 * writes shared objects) is replaced by its own copy of the anchored node
 * first, so an edit changes this section only and never drops its content.
 */
export function getNode(doc: Document, map: YAMLMap, key: string): Node | null | undefined {
  const pair = pairOf(map, key);
  if (!pair) return undefined;
  if (isAlias(pair.value)) pair.value = ownCopy(doc, pair.value);
  return pair.value as Node | null;
}

/** A sequence item, de-aliased the same way as getNode. */
export function seqItem(doc: Document, seq: YAMLSeq, index: number): Node | undefined {
  const item = seq.items[index];
  if (isAlias(item)) seq.items[index] = ownCopy(doc, item);
  return seq.items[index] as Node | undefined;
}

function ownCopy(doc: Document, alias: import('yaml').Alias): Node {
  const target = alias.resolve(doc);
  if (!target) return doc.createNode(null) as Node;
  const copy = target.clone() as Node & { anchor?: string };
  delete copy.anchor;
  return copy;
}

/**
 * Sets `key` in `map` to `value`, keeping the key's place (and its comments)
 * when it exists; a new top-level key goes after its canonical predecessor.
 */
export function setKey(doc: Document, map: YAMLMap, key: string, value: unknown, topLevel = false): Node {
  const node = (isMap(value) || isSeq(value) || isScalar(value) ? value : doc.createNode(value)) as Node;
  const pair = pairOf(map, key);
  if (pair && isScalar(pair.value) && isScalar(node)) {
    // Keep the existing scalar (its quoting and comments); change only its value.
    pair.value.value = node.value;
    return pair.value;
  }
  if (pair) {
    keepComments(pair.value, node);
    pair.value = node;
    return node;
  }
  const newPair = doc.createPair(key, node);
  map.items.splice(topLevel ? canonicalInsertIndex(map, key) : map.items.length, 0, newPair);
  return node;
}

type Commented = { comment?: string | null; commentBefore?: string | null; flow?: boolean };

/**
 * A value replaced by a node of another kind keeps the comments written on it:
 * `active_session: null  # set by the agent` becoming a block keeps the note
 * (first inside the block), and a block becoming `null` keeps its own notes
 * as the comment after `null`. Comments inside a replaced block go with it.
 */
function keepComments(old: unknown, next: Node): void {
  if (!isScalar(old) && !isMap(old) && !isSeq(old)) return;
  const o = old as Commented;
  const n = next as Commented;
  const join = (...parts: (string | null | undefined)[]) => parts.filter((p) => p && p.trim()).join('\n') || undefined;
  if (isScalar(old) && !isScalar(next) && !n.flow) {
    const before = join(o.commentBefore, o.comment, n.commentBefore);
    if (before) n.commentBefore = before;
  } else if (isScalar(next)) {
    const after = join(o.commentBefore, o.comment, n.comment);
    if (after) n.comment = after;
  } else {
    const before = join(n.commentBefore, isScalar(old) ? undefined : o.commentBefore);
    if (before) n.commentBefore = before;
    const after = join(o.comment, n.comment, isScalar(old) ? o.commentBefore : undefined);
    if (after) n.comment = after;
  }
}

/** Where a missing top-level section goes: after the sections that precede it in the canonical order. */
function canonicalInsertIndex(map: YAMLMap, key: string): number {
  const order = TOP_LEVEL_KEYS as readonly string[];
  const rank = order.indexOf(key);
  const rankOf = (p: Pair) => order.indexOf(isScalar(p.key) ? String(p.key.value) : '');
  let after = -1;
  map.items.forEach((p, i) => {
    const r = rankOf(p as Pair);
    if (r >= 0 && r < rank) after = i;
  });
  if (after >= 0) return after + 1;
  const before = map.items.findIndex((p) => rankOf(p as Pair) > rank);
  return before >= 0 ? before : map.items.length;
}

/** The sequence under `key`, created (block style) when missing or null. */
export function ensureSeq(doc: Document, map: YAMLMap, key: string, topLevel = false): YAMLSeq {
  const node = getNode(doc, map, key);
  if (isSeq(node)) return node;
  const seq = new YAMLSeq(doc.schema);
  if (node && isScalar(node) && node.value !== null && node.value !== '') {
    // A single scalar where a list belongs (`constraints: Offline first`) becomes its first item.
    seq.items.push(node);
  }
  setKey(doc, map, key, seq, topLevel);
  return seq;
}

/**
 * The mapping under `key`, created when missing or null. A list or text
 * already there (`handoff_notes: [a, b]`, which the schema allows) is kept
 * under `keepAs` inside the new mapping rather than dropped.
 */
export function ensureMap(doc: Document, map: YAMLMap, key: string, topLevel = false, keepAs?: string): YAMLMap {
  const node = getNode(doc, map, key);
  if (isMap(node)) return node;
  const created = new YAMLMap(doc.schema);
  const keep = isSeq(node) ? node.items.length > 0 : isScalar(node) && node.value !== null && node.value !== '';
  const pair = pairOf(map, key);
  if (keepAs && keep && pair) {
    // The old value moves inside, comments and all.
    created.items.push(doc.createPair(keepAs, node));
    pair.value = created;
    return created;
  }
  setKey(doc, map, key, created, topLevel);
  return created;
}

/** A list value: block style, or `[]` when empty. */
export function listNode(doc: Document, items: readonly unknown[]): YAMLSeq {
  const seq = doc.createNode(items) as unknown as YAMLSeq;
  seq.flow = items.length === 0;
  return seq;
}

/** A block sequence renders `[]` when empty; make sure a new one is block style. */
export function blockStyle<T extends YAMLSeq | YAMLMap>(node: T): T {
  node.flow = false;
  return node;
}

/** Sets a scalar field on a mapping, keeping quoting style when the key exists. */
export function setScalar(doc: Document, map: YAMLMap, key: string, value: string | number | boolean | null): void {
  const pair = pairOf(map, key);
  if (pair && isScalar(pair.value)) {
    (pair.value as Scalar).value = value;
    return;
  }
  setKey(doc, map, key, value);
}

export function deleteKey(map: YAMLMap, key: string): void {
  const i = map.items.findIndex((p) => (isScalar(p.key) ? p.key.value === key : p.key === key));
  if (i >= 0) map.items.splice(i, 1);
}

export function scalarText(node: unknown): string | undefined {
  if (isScalar(node)) return node.value === null || node.value === undefined ? undefined : String(node.value);
  return undefined;
}
