// Paths of merge conflicts, readable by people and exact for the resolver:
// `identity.name`, `active_session`, `remaining_work[w-7k2q].priority`,
// `remaining_work["Write docs"]` (an item without id, by title),
// `decisions_log[d1].superseded_by`, `build_log[["2026-03-21","Auth"]].notes`.
// A key that is not a plain word is written as a JSON string.
import { isMap, isScalar, isSeq, type Document, type Node, type YAMLMap, type YAMLSeq } from 'yaml';
import { CampaignError } from '../model/problems';
import { deleteKey, getNode, pairOf, seqItem, setKey } from '../document/yamlEdit';
import { taggedTitle } from '../model/normalize';
import { PRIORITIES, type Priority } from '../model/model';
import { makeNode, reconcile } from './reconcile';
import { buildLogSpec, decisionSpec, workSpec } from './sectionSpecs';
import { isPlainObject } from './values';

export type PathSegment =
  | { kind: 'key'; key: string }
  | { kind: 'id'; id: string }
  | { kind: 'text'; text: string }
  | { kind: 'entry'; key: string };

/** Index just past the JSON string or array starting at `from`. */
function jsonEnd(s: string, from: number): number {
  let depth = 0;
  for (let i = from; i < s.length; i++) {
    const c = s[i];
    if (c === '"') {
      for (i++; i < s.length && s[i] !== '"'; i++) if (s[i] === '\\') i++;
      if (depth === 0) return i + 1;
    } else if (c === '[') depth++;
    else if (c === ']' && --depth === 0) return i + 1;
  }
  return -1;
}

export function parseConflictPath(path: string): PathSegment[] {
  const bad = () => new CampaignError(`"${path}" is not a merge-conflict path.`);
  const out: PathSegment[] = [];
  let i = 0;
  const json = (): unknown => {
    const end = jsonEnd(path, i);
    if (end < 0) throw bad();
    const v: unknown = JSON.parse(path.slice(i, end));
    i = end;
    return v;
  };
  for (;;) {
    if (path[i] === '"') out.push({ kind: 'key', key: String(json()) });
    else {
      const m = /^[A-Za-z0-9_-]+/.exec(path.slice(i));
      if (!m) throw bad();
      out.push({ kind: 'key', key: m[0] });
      i += m[0].length;
    }
    while (path[i] === '[') {
      i++;
      if (path[i] === '"') out.push({ kind: 'text', text: String(json()) });
      else if (path[i] === '[') out.push({ kind: 'entry', key: JSON.stringify(json()) });
      else {
        const end = path.indexOf(']', i);
        if (end < 0) throw bad();
        out.push({ kind: 'id', id: path.slice(i, end) });
        i = end;
      }
      if (path[i] !== ']') throw bad();
      i++;
    }
    if (i === path.length) return out;
    if (path[i] !== '.') throw bad();
    i++;
  }
}

function specFor(section: string) {
  return section === 'remaining_work' ? workSpec : section === 'decisions_log' ? decisionSpec : section === 'build_log' ? buildLogSpec : undefined;
}

/** The index of the list element a selector names, or -1. */
export function findElement(section: string, items: readonly unknown[], seg: PathSegment): number {
  const spec = specFor(section);
  return items.findIndex((raw) => {
    if (seg.kind === 'id') return (spec?.id(raw) ?? (isPlainObject(raw) ? String(raw.id) : undefined)) === seg.id;
    if (seg.kind === 'text') {
      const key = spec ? spec.key(raw) : isPlainObject(raw) ? String(raw.title ?? '').trim().toLowerCase() : String(raw);
      return key === seg.text.trim().toLowerCase();
    }
    if (seg.kind === 'entry') return buildLogSpec.key(raw) === seg.key;
    return false;
  });
}

function toJS(doc: Document, node: unknown): unknown {
  return node && typeof node === 'object' && 'toJS' in node ? (node as { toJS(d: Document): unknown }).toJS(doc) : node;
}

/**
 * Sets the value at `path` in the document (null: removes a list element or a
 * nested key). Used to apply the side a person picked for a conflict.
 */
export function setAtPath(doc: Document, root: YAMLMap, path: string, value: unknown): void {
  const segs = parseConflictPath(path);
  const section = (segs[0] as { key: string }).key;
  const gone = () => new CampaignError(`"${path}" no longer matches anything in the file; edit it by hand.`);
  let container: YAMLMap | YAMLSeq = root;
  for (let i = 0; i < segs.length; i++) {
    const seg = segs[i]!;
    const last = i === segs.length - 1;
    if (seg.kind === 'key') {
      if (!isMap(container)) throw gone();
      if (last) {
        const pair = pairOf(container, seg.key);
        if (value === null && i > 0) deleteKey(container, seg.key);
        else if (pair) pair.value = reconcile(doc, getNode(doc, container, seg.key), toJS(doc, pair.value), value);
        else setKey(doc, container, seg.key, makeNode(doc, value), i === 0);
        return;
      }
      let next = getNode(doc, container, seg.key);
      const wantSeq = segs[i + 1]!.kind !== 'key';
      if (!next || (isScalar(next) && next.value === null)) {
        next = makeNode(doc, wantSeq ? [] : {});
        (next as YAMLSeq).flow = false;
        setKey(doc, container, seg.key, next, i === 0);
      }
      if (wantSeq ? !isSeq(next) : !isMap(next)) throw gone();
      container = next as YAMLMap | YAMLSeq;
      continue;
    }
    if (!isSeq(container)) throw gone();
    const items = container.items.map((_, j) => toJS(doc, seqItem(doc, container as YAMLSeq, j)));
    const at = findElement(section, items, seg);
    if (last) {
      if (value === null) {
        if (at >= 0) container.items.splice(at, 1);
      } else if (at >= 0) container.items[at] = reconcile(doc, seqItem(doc, container, at), items[at], value);
      else container.items.push(makeNode(doc, value));
      return;
    }
    if (at < 0) throw gone();
    let node: Node | undefined = seqItem(doc, container, at);
    if (isScalar(node) && section === 'remaining_work') node = plainItemField(doc, container, at, segs.slice(i + 1), value);
    if (!node) return;
    if (!isMap(node)) throw gone();
    container = node;
  }
}

/**
 * A field of a plain-string work item: a title or priority stays in the
 * string (`[HIGH] title`); anything else turns the item into a mapping, in
 * place. Returns the mapping to continue in, or undefined when done.
 */
function plainItemField(doc: Document, seq: YAMLSeq, at: number, rest: PathSegment[], value: unknown): YAMLMap | undefined {
  const node = seq.items[at] as Node & { value: unknown; commentBefore?: string | null };
  const fields = workSpec.fields(String(node.value)) as { title: string; priority: Priority; status: string };
  const field = rest.length === 1 && rest[0]!.kind === 'key' ? rest[0].key : undefined;
  if (field === 'title' && value !== null) {
    node.value = taggedTitle(String(value), fields.priority);
    return undefined;
  }
  if (field === 'priority' && PRIORITIES.includes(String(value) as Priority)) {
    node.value = taggedTitle(fields.title, String(value) as Priority);
    return undefined;
  }
  const map = makeNode(doc, fields) as YAMLMap & { commentBefore?: string | null };
  if (node.commentBefore) map.commentBefore = node.commentBefore;
  seq.items[at] = map;
  return map;
}
