// Job: turn an edited yaml Document into text edits of the original file. It
// compares every node with its snapshot (nodeSnapshot.ts) and, for each node an
// operation added, changed or removed, renders only that node in the file's
// own style and places it at the node's source range. Everything else stays
// byte for byte. A node that cannot be placed on its own (a flow collection
// with a change inside, a changed comment, a list emptied to `[]`) is rendered
// whole at the level of its enclosing `key: value` or `- item`.
import { Document, isAlias, isMap, isScalar, isSeq, Scalar, visit, YAMLMap, YAMLSeq, type Node, type Pair, type ToStringOptions } from 'yaml';
import { sameStyle, unchangedDeep, type MapSnap, type SeqSnap, type Snap, type Snapshots } from './nodeSnapshot';

/** Replace body[start, end) with text; `section` is the top-level pair (original index) it belongs to. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
  section: number;
}

/** The splice cannot decide; the whole-document path must. */
export class NoSplice extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

/** The node must be rendered whole by its parent (the enclosing pair or list item). */
class Rerender extends Error {}

export interface RootChanges {
  edits: TextEdit[];
  /** Original top-level pair indices whose section changed. */
  changed: Set<number>;
  /** Top-level pairs that are new (not in the file). */
  added: Set<Pair>;
  /** Original top-level pair indices that are gone. */
  removed: number[];
}

interface ItemSpan {
  /** Start of the `- ` line. */
  start: number;
  end: number;
  dashCol: number;
}

interface PairSpan {
  keyStart: number;
  lineStart: number;
  end: number;
  col: number;
  /** The key shares its line with a `- ` (the first key of a list item). */
  inline: boolean;
}

type Commentable = { commentBefore?: string | null; spaceBefore?: boolean };

export class RangeSplicer {
  private edits: TextEdit[] = [];
  private section = -1;
  private inScope: ((key: string) => boolean) | undefined;
  /** What to add to the current section's source ranges (sections after an earlier splice moved). */
  private base = 0;

  constructor(
    private readonly body: string,
    private readonly snaps: Snapshots,
    private readonly options: ToStringOptions,
    /** How far each top-level section (by original index) moved since it was parsed. */
    private readonly offsetOf: (section: number) => number = () => 0,
  ) {}

  private enter(section: number): void {
    this.section = section;
    this.base = this.offsetOf(section);
  }

  /** A node's source range in the current text. */
  private rangeOf(node: unknown): [number, number, number] | undefined {
    const r = (node as Node | null)?.range;
    if (!r) return undefined;
    return this.base ? [r[0] + this.base, r[1] + this.base, r[2] + this.base] : (r as [number, number, number]);
  }

  /**
   * The edits that turn the original body into the edited root mapping. With
   * `inScope`, a top-level section it rejects is only checked to be the same
   * key and value node as parsed: an operation that names the sections it may
   * change (Operation.sections) is not paid for by walking all the others.
   */
  diffRoot(root: YAMLMap, inScope?: (key: string) => boolean): RootChanges {
    this.inScope = inScope;
    const snap = this.snaps.get(root);
    const out: RootChanges = { edits: [], changed: new Set(), added: new Set(), removed: [] };
    if (!snap || snap.kind !== 'map' || root.flow || !sameStyle(root as unknown as Node, snap)) {
      throw new NoSplice('the top-level mapping changed style or is not a block mapping');
    }
    if (snap.pairs.length === 0) throw new NoSplice('the file had no sections');
    const cur = root.items as Pair[];
    const index = new Map(snap.pairs.map((p, i) => [p, i] as const));
    let last = -1;
    for (const p of cur) {
      const j = index.get(p);
      if (j === undefined) continue;
      if (j <= last) throw new NoSplice('top-level keys were reordered');
      last = j;
    }
    for (const p of cur) if (!index.has(p)) out.added.add(p);
    try {
      this.walkPairs(snap, cur, index, true, out);
    } catch (err) {
      if (err instanceof Rerender) throw new NoSplice('a section could not be rendered on its own');
      throw err;
    }
    out.edits = this.edits;
    for (const e of this.edits) out.changed.add(e.section);
    return out;
  }

  private lineStart(pos: number): number {
    return this.body.lastIndexOf('\n', pos - 1) + 1;
  }

  private endOfLine(pos: number): number {
    if (pos > 0 && this.body[pos - 1] === '\n') return pos;
    const i = this.body.indexOf('\n', pos);
    return i < 0 ? this.body.length : i + 1;
  }

  private push(start: number, end: number, text: string): void {
    this.edits.push({ start, end, text, section: this.section });
  }

  /** Diffs a value under a block pair or list item; throws Rerender when it must be rendered whole. */
  private node(node: unknown, known: Snap | undefined): void {
    if (node === null || node === undefined) return;
    if (isAlias(node)) throw new NoSplice('an alias');
    const snap = known ?? this.snaps.get(node as object);
    if (!snap) throw new Rerender();
    // An emptied list or mapping is written `[]` / `{}`, as the whole-document path does.
    if ((isSeq(node) || isMap(node)) && node.items.length === 0) node.flow = true;
    if (!sameStyle(node as Node, snap)) throw new Rerender();
    if (snap.kind === 'scalar') {
      if (!Object.is((node as Scalar).value, snap.value)) this.scalar(node as Scalar);
      return;
    }
    if (snap.flow) {
      if (!unchangedDeep(node, this.snaps)) throw new Rerender();
      return;
    }
    if (snap.kind === 'seq') this.seq(node as YAMLSeq, snap);
    else this.walkPairs(snap, (node as YAMLMap).items as Pair[], undefined, false, undefined);
  }

  private scalar(node: Scalar): void {
    const range = this.rangeOf(node);
    if (!range || node.type === Scalar.BLOCK_FOLDED || node.type === Scalar.BLOCK_LITERAL) throw new Rerender();
    const copy = node.clone() as Scalar;
    copy.comment = undefined;
    copy.commentBefore = undefined;
    copy.spaceBefore = false;
    const text = this.render(copy).replace(/\n$/, '');
    if (text.includes('\n') || text.startsWith('---')) throw new Rerender();
    this.push(range[0], range[1], text);
  }

  private itemSpan(item: unknown): ItemSpan {
    const range = this.rangeOf(item);
    if (!range) throw new Rerender();
    const start = this.lineStart(range[0]);
    const m = /^([ \t]*)-[ \t]+$/.exec(this.body.slice(start, range[0]));
    if (!m) throw new Rerender();
    return { start, end: this.endOfLine(Math.max(range[2], range[1])), dashCol: m[1]!.length };
  }

  private seq(node: YAMLSeq, snap: SeqSnap): void {
    const orig = snap.items;
    const cur = node.items;
    if (orig.length === 0) throw new Rerender();
    const same = cur.length === orig.length && cur.every((x, i) => x === orig[i]);
    const keep = (j: number) => {
      const mark = this.edits.length;
      try {
        this.node(orig[j], (snap.itemSnaps[j] ??= this.snaps.get(orig[j] as object)));
      } catch (err) {
        if (!(err instanceof Rerender)) throw err;
        this.edits.length = mark;
        this.replaceItem(orig[j], orig[j]);
      }
    };
    if (same) {
      for (let j = 0; j < orig.length; j++) keep(j);
      return;
    }
    const index = new Map(orig.map((x, i) => [x, i] as const));
    let last = -1;
    for (const x of cur) {
      const j = index.get(x);
      if (j === undefined) continue;
      if (j <= last) throw new Rerender();
      last = j;
    }
    const dashCol = this.itemSpan(orig[0]).dashCol;
    let prev = -1;
    let fresh: unknown[] = [];
    const gap = (next: number) => {
      const removed: number[] = [];
      for (let j = prev + 1; j < next; j++) removed.push(j);
      const paired = Math.min(removed.length, fresh.length);
      for (let t = 0; t < paired; t++) this.replaceItem(orig[removed[t]!], fresh[t]);
      for (let t = paired; t < removed.length; t++) {
        const s = this.itemSpan(orig[removed[t]!]);
        this.push(s.start, s.end, '');
      }
      if (fresh.length > paired) {
        const at = removed.length
          ? this.itemSpan(orig[removed[removed.length - 1]!]).end
          : prev >= 0
            ? this.itemSpan(orig[prev]).end
            : this.itemSpan(orig[0]).start;
        this.push(at, at, fresh.slice(paired).map((n) => this.renderItem(n, dashCol, false)).join(''));
      }
      fresh = [];
    };
    for (const x of cur) {
      const j = index.get(x);
      if (j === undefined) {
        fresh.push(x);
        continue;
      }
      gap(j);
      keep(j);
      prev = j;
    }
    gap(orig.length);
  }

  /** Renders `next` in place of the original item `old` (they may be the same node). */
  private replaceItem(old: unknown, next: unknown): void {
    const s = this.itemSpan(old);
    const o = old as Commentable | null;
    const n = next as Commentable | null;
    const strip = !!n && !!o && (n === o || (n.commentBefore ?? undefined) === (o.commentBefore ?? undefined));
    this.push(s.start, s.end, this.renderItem(next, s.dashCol, strip));
  }

  private pairSpan(key: unknown, value: unknown): PairSpan {
    const range = this.rangeOf(key);
    if (!range || !isScalar(key)) throw new Rerender();
    const lineStart = this.lineStart(range[0]);
    const inline = !/^[ \t]*$/.test(this.body.slice(lineStart, range[0]));
    const valueEnd = this.rangeOf(value)?.[2] ?? range[2];
    return { keyStart: range[0], lineStart, end: this.endOfLine(Math.max(range[2], valueEnd)), col: range[0] - lineStart, inline };
  }

  /**
   * Diffs a block mapping's pairs. At the top level each pair is a section:
   * its edits are tagged with its index, and a pair that must be rendered
   * whole is (instead of the whole document).
   */
  private walkPairs(
    snap: MapSnap,
    cur: Pair[],
    index: Map<Pair, number> | undefined,
    top: boolean,
    out: RootChanges | undefined,
  ): void {
    const orig = snap.pairs;
    if (orig.length === 0) throw new Rerender();
    const keep = (j: number) => {
      const p = orig[j]!;
      if (top) this.enter(j);
      const keySnap = (snap.keySnaps[j] ??= this.snaps.get(p.key as object));
      if (p.key !== snap.keys[j] || !sameKey(p.key, keySnap) || p.value !== snap.values[j]) {
        this.replacePair(j, snap, p);
        return;
      }
      if (p.value === null || p.value === undefined) return;
      if (top && this.inScope && !this.inScope(String((p.key as Scalar).value))) return;
      const mark = this.edits.length;
      try {
        this.node(p.value, (snap.valueSnaps[j] ??= this.snaps.get(p.value as object)));
      } catch (err) {
        if (!(err instanceof Rerender)) throw err;
        this.edits.length = mark;
        this.replacePair(j, snap, p);
      }
    };
    if (!index && cur.length === orig.length && cur.every((p, i) => p === orig[i])) {
      for (let j = 0; j < orig.length; j++) keep(j);
      return;
    }
    const idx = index ?? new Map(orig.map((p, i) => [p, i] as const));
    if (!index) {
      let last = -1;
      for (const p of cur) {
        const j = idx.get(p);
        if (j === undefined) continue;
        if (j <= last) throw new Rerender();
        last = j;
      }
    }
    if (top) this.enter(0);
    const col = this.pairSpan(snap.keys[0], snap.values[0]).col;
    let prev = -1;
    let fresh: Pair[] = [];
    const gap = (next: number) => {
      const removed: number[] = [];
      for (let j = prev + 1; j < next; j++) removed.push(j);
      if (top) {
        out!.removed.push(...removed);
        // New sections are checked with the section they are written next to.
        this.enter(removed[0] ?? (prev >= 0 ? prev : next));
      }
      const paired = Math.min(removed.length, fresh.length);
      for (let t = 0; t < paired; t++) {
        if (top) this.enter(removed[t]!);
        this.replacePair(removed[t]!, snap, fresh[t]!);
      }
      for (let t = paired; t < removed.length; t++) {
        if (top) this.enter(removed[t]!);
        const s = this.pairSpan(snap.keys[removed[t]!], snap.values[removed[t]!]);
        if (s.inline) throw new Rerender();
        this.push(s.lineStart, s.end, '');
      }
      if (fresh.length > paired) {
        let at: number;
        if (top) this.enter(removed.length ? removed[removed.length - 1]! : prev >= 0 ? prev : 0);
        if (removed.length) {
          at = this.pairSpan(snap.keys[removed[removed.length - 1]!], snap.values[removed[removed.length - 1]!]).end;
        } else if (prev >= 0) {
          at = this.pairSpan(snap.keys[prev], snap.values[prev]).end;
        } else {
          const s = this.pairSpan(snap.keys[0], snap.values[0]);
          if (s.inline) throw new Rerender();
          at = s.lineStart;
        }
        this.push(at, at, fresh.slice(paired).map((p) => this.renderPair(p, col, true, false)).join(''));
      }
      fresh = [];
    };
    for (const p of cur) {
      const j = idx.get(p);
      if (j === undefined) {
        fresh.push(p);
        continue;
      }
      gap(j);
      keep(j);
      prev = j;
    }
    gap(orig.length);
  }

  /** Renders pair `next` in place of the original pair `j` of `snap`. */
  private replacePair(j: number, snap: MapSnap, next: Pair): void {
    const s = this.pairSpan(snap.keys[j], snap.values[j]);
    const oldKey = snap.keys[j] as Commentable;
    const newKey = next.key as Commentable | null;
    const strip = !!newKey && (newKey === oldKey || (newKey.commentBefore ?? undefined) === (oldKey.commentBefore ?? undefined));
    this.push(s.keyStart, s.end, this.renderPair(next, s.col, false, strip));
  }

  private renderPair(pair: Pair, col: number, indentFirst: boolean, stripKeyComment: boolean): string {
    const map = new YAMLMap();
    map.items.push(pair);
    const text = this.withoutLeadingComment(stripKeyComment ? (pair.key as Commentable) : undefined, () => this.render(map));
    return indent(text, col, indentFirst);
  }

  private renderItem(node: unknown, dashCol: number, stripComment: boolean): string {
    const seq = new YAMLSeq();
    seq.items.push(node);
    const text = this.withoutLeadingComment(stripComment ? (node as Commentable) : undefined, () => this.render(seq));
    return indent(text, dashCol, true);
  }

  private withoutLeadingComment<T>(node: Commentable | undefined | null, fn: () => T): T {
    if (!node || typeof node !== 'object') return fn();
    const { commentBefore, spaceBefore } = node;
    node.commentBefore = undefined;
    node.spaceBefore = false;
    try {
      return fn();
    } finally {
      node.commentBefore = commentBefore;
      node.spaceBefore = spaceBefore;
    }
  }

  /** The yaml library's rendering of one node, in the file's style. */
  private render(node: unknown): string {
    const doc = new Document();
    doc.contents = node as never;
    // New empty lists and mappings read `[]` / `{}` (a block one with a comment would not parse).
    visit(doc, {
      Seq(_, n) {
        if (n.items.length === 0) n.flow = true;
      },
      Map(_, n) {
        if (n.items.length === 0) n.flow = true;
      },
    });
    const text = doc.toString(this.options);
    if (text.startsWith('---') || text.startsWith('%')) throw new Rerender();
    return text.endsWith('\n') ? text : `${text}\n`;
  }
}

/** Whether a key scalar is as parsed (keys are plain scalars: checked at parse). */
function sameKey(key: unknown, snap: Snap | undefined): boolean {
  return !!snap && snap.kind === 'scalar' && Object.is((key as Scalar).value, snap.value) && sameStyle(key as Node, snap);
}

/** Indents every non-empty line by `col` spaces (the first one only if asked). */
function indent(text: string, col: number, first: boolean): string {
  if (col === 0) return text;
  const pad = ' '.repeat(col);
  return text
    .split('\n')
    .map((line, i) => (line === '' || (i === 0 && !first) ? line : pad + line))
    .join('\n');
}

/** Applies sorted, non-overlapping edits to `body`; throws NoSplice if they overlap. */
export function applyEdits(body: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || (a.end - a.start) - (b.end - b.start));
  const out: string[] = [];
  let cursor = 0;
  for (const e of sorted) {
    if (e.start < cursor) throw new NoSplice('edits overlap');
    out.push(body.slice(cursor, e.start));
    let text = e.text;
    // Appending after a last line that has no newline: the new lines need one first.
    if (e.start === body.length && body.length > 0 && !body.endsWith('\n') && text) text = `\n${text.replace(/\n$/, '')}`;
    out.push(text);
    cursor = e.end;
  }
  out.push(body.slice(cursor));
  return out.join('');
}

export type { Snap };
