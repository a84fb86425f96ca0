// The campaign document: a parsed `yaml` Document together with the text it
// reads as. Operations edit the Document's nodes (so comments, key order,
// quoting and unknown keys survive); the nodes they added, changed or removed
// are then spliced into the text at their source ranges and checked by
// re-parsing only the sections they are in (docs/edit-path.md), keeping the
// file's BOM and line endings. The document stays in step with the text, so
// a kept ("warm") document takes the next operation without a parse.
import { isDeepStrictEqual } from 'node:util';
import { Document, isMap, isScalar, LineCounter, parseDocument, visit, type Node, type Pair, type YAMLMap } from 'yaml';
import { campaignFileSchema, type Campaign, type CampaignFile } from '../model/model';
import { normalizeCampaign } from '../model/normalize';
import { CampaignError, type Problem } from '../model/problems';
import { applyFormat, detectFormat, type TextFormat } from './textFormat';
import { patchOriginal } from './minimalPatch';
import { DEFAULT_MAX_FILE_BYTES, MAX_ALIAS_COUNT, MAX_NESTING_DEPTH } from '../model/limits';
import { zodIssuesToProblems } from '../model/schemaProblems';
import { formatBytes } from '../model/formatBytes';
import { renderOptionsFor } from './renderStyle';
import type { Operation, OperationContext } from '../operations/operation';
import { snapshotTree, type MapSnap, type Snapshots } from './nodeSnapshot';
import { NoSplice, RangeSplicer, type RootChanges } from './rangeSplice';
import { checkSplice, installSplice } from './sectionSplice';
import { checkStructure } from './structureCheck';

export interface ParseOptions {
  /** File name used in messages. */
  file?: string;
  maxBytes?: number;
  /** `full` renders the whole document on every edit (today's path, for comparison); default `splice`. */
  editPath?: EditPath;
  /**
   * The text whose habits (indentation, list style, quotes) new lines follow, when it is not this
   * one: a section parsed on its own renders as it would inside its whole file (sectionTrust.ts).
   */
  styleOf?: string;
}

export class CampaignDocument {
  /** How many times any campaign text was parsed and validated in this process (tests count the extension's). */
  static parses = 0;
  /**
   * The unit tests set this (CAMPAIGN_CHECK_SECTIONS=1): every operation that names its sections is also diffed in
   * full, and one that changed another section throws (docs/edit-path.md).
   */
  static checkSections = process.env.CAMPAIGN_CHECK_SECTIONS === '1';
  /** The edit path new documents use unless told otherwise (the bench measures both). */
  static defaultEditPath: EditPath = process.env.CAMPAIGN_EDIT_PATH === 'full' ? 'full' : 'splice';

  private cachedModel: Campaign | undefined;
  /** The validated file data behind cachedModel, section by section. */
  private checkedData: Record<string, unknown> | undefined;
  /** The document may differ from the model (someone had `doc` since the model was made). */
  private modelStale = false;
  /** The document may differ from `body` (someone had `doc` since the text was made). */
  private textStale = false;
  /** Each node as it reads in `body`; taken before anyone can edit. */
  private snaps: Snapshots | undefined;
  private aliased = false;
  /** Some sections were replaced by re-parsed ones (their comments at the edges may be gone). */
  private spliced = false;
  /** How far each top-level section moved in the text since its nodes were parsed. */
  private offsets = new WeakMap<Pair, number>();
  /** The changes found when the model was last brought up to date, while nobody has had `doc` since. */
  private pendingChanges: RootChanges | undefined;
  /** The text has `%` directives or `---` / `...` markers: a section cannot be read on its own. */
  private markers: boolean;
  private applying = false;
  /** While an operation that names its sections runs: the sections it may change. */
  private scope: ReadonlySet<string> | undefined;
  /** The last text toString() returned, when it was checked to read back as the document. */
  private verifiedText: string | undefined;
  private verified = true;
  /** How the last change reached the text: spliced by node range, or the whole document rendered. */
  lastEdit: EditReport | undefined;

  private constructor(
    /** The yaml Document; operations edit its nodes. */
    private document: Document,
    /** The text the document reads as now: LF line endings, no BOM. */
    private body: string,
    private textFormat: TextFormat,
    private readonly renderOptions: ReturnType<typeof renderOptionsFor>,
    readonly file: string | undefined,
    private readonly editPath: EditPath,
  ) {
    this.markers = MARKERS.test(body);
  }

  private splicer(): RangeSplicer {
    const rootSnap = this.snaps?.get(this.document.contents as object) as MapSnap | undefined;
    const offsetOf = (j: number) => {
      const p = rootSnap?.pairs[j];
      return p ? (this.offsets.get(p) ?? 0) : 0;
    };
    return new RangeSplicer(this.body, this.snapshots(), this.renderOptions, offsetOf);
  }

  /** The changes an operation made, looking only at the sections it may change (all of them outside `apply`). */
  private diff(root: YAMLMap): RootChanges {
    const scope = this.scope;
    if (!scope) return this.splicer().diffRoot(root);
    const changes = this.splicer().diffRoot(root, (key) => scope.has(key));
    if (CampaignDocument.checkSections) this.assertInScope(root, changes);
    return changes;
  }

  /** The scoped diff must find every change the full one does: an operation changed only sections it names. */
  private assertInScope(root: YAMLMap, scoped: RootChanges): void {
    const all = this.splicer().diffRoot(root);
    const edits = (c: RootChanges) => JSON.stringify(c.edits.map((e) => [e.start, e.end, e.text]));
    if (edits(all) === edits(scoped) && all.added.size === scoped.added.size && all.removed.join() === scoped.removed.join()) return;
    const rootSnap = this.snaps!.get(root) as MapSnap;
    const seen = new Set(scoped.edits.map((e) => e.section));
    const outside = all.edits.filter((e) => !seen.has(e.section)).map((e) => keyOf(rootSnap.pairs[e.section]!));
    throw new Error(`An operation changed sections it does not name (${[...new Set(outside)].join(', ') || 'top-level keys'}); add them to its \`sections\`.`);
  }

  private offsetOf(rootSnap: MapSnap): (j: number) => number {
    return (j) => this.offsets.get(rootSnap.pairs[j]!) ?? 0;
  }

  /** Parses and validates; throws CampaignError listing every problem. */
  static parse(text: string, options: ParseOptions = {}): CampaignDocument {
    CampaignDocument.parses++;
    const file = options.file;
    const maxBytes = options.maxBytes ?? DEFAULT_MAX_FILE_BYTES;
    const bytes = Buffer.byteLength(text, 'utf8');
    if (bytes > maxBytes) {
      throw new CampaignError(
        `The campaign file is ${formatBytes(bytes)}, over the ${formatBytes(maxBytes)} limit. Archive old entries (campaign archive) or raise the limit.`,
        [{ line: 1, column: 1, message: `file too large (${formatBytes(bytes)} > ${formatBytes(maxBytes)})` }],
        file,
      );
    }
    const nul = text.indexOf('\u0000');
    if (nul >= 0) {
      const before = text.slice(0, nul);
      const line = before.split('\n').length;
      const column = nul - before.lastIndexOf('\n');
      throw new CampaignError('The campaign file contains binary data (a NUL byte); it is not a YAML text file.', [
        { line, column, message: 'binary data (NUL byte) in a text file' },
      ], file);
    }

    const { body, format } = detectFormat(text);
    const lineCounter = new LineCounter();
    let doc: Document;
    try {
      doc = parseBody(body, lineCounter);
    } catch (err) {
      // The parser recurses on nesting; absurd depth ends in a RangeError.
      throw new CampaignError('The campaign file could not be parsed.', [
        { line: 1, column: 1, message: err instanceof RangeError ? 'nesting too deep to parse' : String(err) },
      ], file);
    }
    const pos = (offset: number) => {
      const p = lineCounter.linePos(offset);
      return { line: p.line, column: p.col };
    };
    const problems: Problem[] = doc.errors.map((e) => ({ ...pos(e.pos[0]), message: firstLine(e.message) }));
    if (problems.length) throw new CampaignError('The campaign file is not valid YAML.', problems, file);
    const found = checkStructure(doc, MAX_NESTING_DEPTH);
    const deep = found.deep;
    if (deep) {
      throw new CampaignError('The campaign file is nested too deeply to be a campaign.', [
        { ...(deep.range ? pos(deep.range[0]) : { line: 1, column: 1 }), message: `nested more than ${MAX_NESTING_DEPTH} levels deep` },
      ], file);
    }
    const keys = found.complexKeys;
    if (keys.length) {
      throw new CampaignError(
        'The campaign file uses a mapping, list or alias as a key; Campaign reads only plain keys (`name: value`).',
        keys.slice(0, 20).map((k) => ({ ...(k.range ? pos(k.range[0]) : { line: 1, column: 1 }), message: 'a mapping, list or alias used as a key' })),
        file,
      );
    }
    const anchors = found.unwritableAnchors;
    if (anchors.length) {
      throw new CampaignError(
        'The campaign file names an anchor (`&name`) with a space, comma, bracket or control character, which no YAML writer accepts; rename the anchor.',
        anchors.slice(0, 20).map((n) => ({ ...(n.range ? pos(n.range[0]) : { line: 1, column: 1 }), message: `anchor ${JSON.stringify(n.anchor)} cannot be written back` })),
        file,
      );
    }

    let data: unknown;
    try {
      data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      throw new CampaignError('The campaign file could not be read.', [
        { line: 1, column: 1, message: /alias/i.test(message) ? `too many alias expansions (limit ${MAX_ALIAS_COUNT})` : message },
      ], file);
    }
    if (data === null || data === undefined) {
      data = {};
    } else if (typeof data !== 'object' || Array.isArray(data) || !isMap(doc.contents)) {
      const at = doc.contents?.range ? pos(doc.contents.range[0]) : { line: 1, column: 1 };
      throw new CampaignError('The campaign file must be a YAML mapping (key: value pairs) at the top level.', [
        { ...at, message: 'top level must be a mapping of sections (identity, constraints, …)' },
      ], file);
    }
    const odd = found.oddCollections;
    if (odd.length) {
      throw new CampaignError(
        'The campaign file uses YAML sets or ordered maps (!!set, !!omap, !!pairs) where Campaign expects plain mappings and lists.',
        odd.map((n) => ({ ...(n.range ? pos(n.range[0]) : { line: 1, column: 1 }), message: `${n.tag!.replace('tag:yaml.org,2002:', '!!')} is not supported here; write a plain mapping or list` })),
        file,
      );
    }
    const checked = campaignFileSchema.safeParse(data);
    if (!checked.success) {
      throw new CampaignError(
        'The campaign file does not fit the campaign schema.',
        zodIssuesToProblems(checked.error.issues, doc, pos),
        file,
      );
    }
    const style = options.styleOf === undefined ? body : detectFormat(options.styleOf).body;
    const cd = new CampaignDocument(doc, body, format, renderOptionsFor(style), file, options.editPath ?? CampaignDocument.defaultEditPath);
    cd.checkedData = checked.data as Record<string, unknown>;
    cd.cachedModel = normalizeCampaign(checked.data);
    return cd;
  }

  /** The file's BOM and line endings, kept through every edit. */
  get format(): TextFormat {
    return this.textFormat;
  }

  /** The yaml Document; operations edit its nodes. */
  get doc(): Document {
    // Whoever gets the document may edit it: remember how it reads first.
    this.snapshots();
    this.modelStale = true;
    this.textStale = true;
    this.verifiedText = undefined;
    this.pendingChanges = undefined;
    return this.document;
  }

  private snapshots(): Snapshots {
    if (!this.snaps) {
      this.snaps = new WeakMap();
      this.aliased = snapshotTree(this.document.contents, this.snaps);
    }
    return this.snaps;
  }

  /**
   * Applies a named operation and brings the text up to date: the nodes it
   * added, changed or removed are spliced into the text (rangeSplice.ts), or,
   * where that cannot decide, the whole document is rendered and diffed.
   * PyYAML writes shared objects as anchors and aliases (the seed's
   * start_session anchors whole sections inside active_session); if an edit
   * removed an anchor that is still referenced, the operation is re-run on a
   * copy of the document whose aliases are all expanded, so no section is
   * ever lost. An operation that refuses (throws), or whose result does not
   * fit the schema, leaves the document exactly as it was.
   */
  apply<R>(op: Operation<R>, ctx: OperationContext): R {
    if (this.applying) {
      // An operation run inside another: if it may change more than the outer one named, look at everything.
      if (this.scope && !op.sections?.every((k) => this.scope!.has(k))) this.scope = undefined;
      return op.apply(this, ctx);
    }
    this.syncText();
    const saved: Saved = { body: this.body, format: this.textFormat, model: this.cachedModel, data: this.checkedData };
    this.snapshots();
    this.applying = true;
    this.scope = op.sections ? new Set(op.sections) : undefined;
    try {
      let result = this.runOp(op, ctx, saved);
      void this.model; // validates: an edit that breaks the schema throws here
      if (!this.trySplice()) {
        if (this.spliced) {
          // The whole-document path diffs against a fresh parse, comments and all.
          this.restore(saved);
          result = this.runOp(op, ctx, saved);
          void this.model;
        }
        this.fullSync();
      }
      return result;
    } catch (err) {
      this.undo(saved);
      throw err;
    } finally {
      this.applying = false;
      this.scope = undefined;
    }
  }

  private runOp<R>(op: Operation<R>, ctx: OperationContext, saved: Saved): R {
    let result = op.apply(this, ctx);
    if (this.aliased && hasDanglingAlias(this.document)) {
      const expanded = parseBody(saved.body);
      expandAliases(expanded);
      this.document = expanded;
      this.snaps = new WeakMap();
      this.changed();
      result = op.apply(this, ctx);
      // Expanded: the text no longer matches node for node.
      this.aliased = true;
    }
    return result;
  }

  /** After a refusal: nothing changed needs nothing; otherwise the document is read again from the text. */
  private undo(saved: Saved): void {
    if (this.textStale && this.snaps && !this.aliased && this.body === saved.body) {
      try {
        const root = this.document.contents;
        if (isMap(root)) {
          const changes = this.diff(root);
          if (changes.edits.length === 0 && changes.added.size === 0 && changes.removed.length === 0) {
            this.textStale = false;
            this.modelStale = false;
            this.cachedModel = saved.model;
            this.checkedData = saved.data;
            return;
          }
        }
      } catch {
        // fall through to a re-read
      }
    }
    this.restore(saved);
  }

  private restore(saved: Saved): void {
    this.body = saved.body;
    this.textFormat = saved.format;
    this.document = parseBody(saved.body);
    this.snaps = undefined;
    this.offsets = new WeakMap();
    this.pendingChanges = undefined;
    this.markers = MARKERS.test(saved.body);
    this.aliased = false;
    this.spliced = false;
    this.cachedModel = saved.model;
    this.checkedData = saved.data;
    this.modelStale = saved.model === undefined;
    this.textStale = false;
    this.verifiedText = undefined;
  }

  /** The normalized model of the document as it is now (after any edits). */
  get model(): Campaign {
    if (this.modelStale || !this.cachedModel) this.refreshModel();
    return this.cachedModel!;
  }

  /** Re-validates only the sections that changed when it can tell which; the whole file otherwise. */
  private refreshModel(): void {
    this.modelStale = false;
    const root = this.document.contents;
    if (this.cachedModel && this.checkedData && this.snaps && !this.aliased && isMap(root)) {
      try {
        const changes = this.diff(root);
        this.pendingChanges = changes;
        const snap = this.snaps.get(root) as MapSnap;
        const keys = new Set<string>([...changes.changed, ...changes.removed].map((j) => keyOf(snap.pairs[j]!)));
        for (const p of changes.added) keys.add(keyOf(p));
        if (keys.size === 0) return;
        const data = { ...this.checkedData };
        for (const k of keys) delete data[k];
        for (const p of root.items as Pair[]) {
          const k = keyOf(p);
          if (keys.has(k)) data[k] = p.value === null || p.value === undefined ? null : (p.value as Node).toJS(this.document, { maxAliasCount: MAX_ALIAS_COUNT });
        }
        const shape = campaignFileSchema.shape as Record<string, { safeParse(v: unknown): { success: boolean; data?: unknown } } | undefined>;
        let valid = true;
        for (const k of keys) {
          const schema = shape[k];
          if (!(k in data) || !schema) continue;
          const r = schema.safeParse(data[k]);
          if (!r.success) valid = false;
          else data[k] = r.data;
        }
        if (valid) {
          this.checkedData = data;
          this.cachedModel = normalizeCampaign(data as unknown as CampaignFile);
          return;
        }
      } catch (err) {
        if (!(err instanceof NoSplice)) throw err;
      }
    }
    this.cachedModel = undefined;
    const checked = campaignFileSchema.safeParse(this.document.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) ?? {});
    if (!checked.success) {
      this.modelStale = true;
      throw new CampaignError('The edit would leave the campaign file invalid; nothing was written.',
        zodIssuesToProblems(checked.error.issues, this.document, () => ({ line: 1, column: 1 })), this.file);
    }
    this.checkedData = checked.data as Record<string, unknown>;
    this.cachedModel = normalizeCampaign(checked.data);
  }

  /** Call after editing `doc` so the model is recomputed (and re-validated). */
  changed(): void {
    this.pendingChanges = undefined;
    this.modelStale = true;
    this.textStale = true;
    this.verifiedText = undefined;
  }

  /** The top-level mapping, created if the file was empty. */
  root(): import('yaml').YAMLMap {
    if (!this.doc.contents || !isMap(this.doc.contents)) {
      this.doc.contents = this.doc.createNode({}) as Node as never;
    }
    return this.doc.contents as unknown as import('yaml').YAMLMap;
  }

  /** Brings `body` up to date with the document: a splice where it can decide, the whole document otherwise. */
  private syncText(): void {
    if (!this.textStale) return;
    if (!this.trySplice()) this.fullSync();
  }

  /**
   * Splices the changed nodes into the text and checks the sections they are
   * in by re-parsing those alone; false (text untouched) when that cannot decide.
   */
  private trySplice(): boolean {
    const started = now();
    const fail = (reason: string) => {
      this.lastEdit = { path: 'full', reason };
      return false;
    };
    if (this.editPath === 'full') return fail('the whole-document path was asked for');
    const snaps = this.snapshots();
    if (this.aliased) return fail('the file uses anchors and aliases');
    const root = this.document.contents;
    if (!isMap(root)) return fail('the top level is not a mapping');
    if (this.markers) return fail('the file has directives or document markers');
    try {
      const changes = this.pendingChanges ?? this.diff(root);
      this.pendingChanges = undefined;
      if (changes.edits.length === 0 && changes.added.size === 0 && changes.removed.length === 0) {
        this.textStale = false;
        this.lastEdit = { path: 'unchanged', ms: now() - started };
        return true;
      }
      const rootSnap = snaps.get(root) as MapSnap;
      const checked = checkSplice(this.body, this.document, root, rootSnap, changes, this.offsetOf(rootSnap));
      installSplice(root, rootSnap, checked, snaps, this.offsets);
      if (changes.edits.some((e) => MARKERS.test(e.text))) this.markers = true;
      this.body = checked.body;
      this.textStale = false;
      this.spliced = true;
      this.verified = true;
      this.verifiedText = undefined;
      this.lastEdit = { path: 'splice', checkedBytes: checked.checkedBytes, edits: changes.edits.length, ms: now() - started };
      return true;
    } catch (err) {
      if (err instanceof NoSplice) return fail(err.reason);
      throw err;
    }
  }

  /**
   * The whole-document path: render the document before and after, splice
   * the changed lines into the original (minimalPatch.ts), and check the
   * result reads back as the document (else use the rendering itself). The
   * document is then the re-read text, so the next edit can splice again.
   */
  private fullSync(): void {
    const started = now();
    emptyCollectionsFlow(this.document);
    const before = parseBody(this.body).toString(this.renderOptions);
    const after = this.document.toString(this.renderOptions);
    let body = patchOriginal(this.body, before, after);
    this.verified = body === this.body;
    if (body !== this.body && body !== after) {
      const reread = readBack(body, this.document);
      if (reread) {
        this.adopt(body, reread);
      } else body = after;
    }
    if (!this.verified && body === after && after !== this.body) {
      let reread = readBack(after, this.document);
      // The yaml writer re-renders some block scalars (a blank or indented
      // first line, at an indent other than 2) so they read back differently;
      // written double-quoted instead, they keep their value.
      if (!reread && quoteBlockScalars(this.document)) {
        const quoted = this.document.toString(this.renderOptions);
        const patched = patchOriginal(this.body, before, quoted);
        reread = readBack(patched, this.document);
        if (reread) body = patched;
        else {
          body = quoted;
          reread = readBack(quoted, this.document);
        }
      }
      if (reread) this.adopt(body, reread);
      else this.body = body; // assertReadsBack refuses to write it
    }
    this.textStale = false;
    this.verifiedText = undefined;
    const reason = this.lastEdit?.path === 'full' ? this.lastEdit.reason : undefined;
    this.lastEdit = { path: 'full', ...(reason ? { reason } : {}), ms: now() - started };
  }

  /** Takes a re-read of `body` as the document (it read back as the edited one). */
  private adopt(body: string, reread: Document): void {
    this.body = body;
    this.document = reread;
    this.snaps = undefined;
    this.offsets = new WeakMap();
    this.pendingChanges = undefined;
    this.markers = MARKERS.test(body);
    this.aliased = false;
    this.spliced = false;
    this.verified = true;
  }

  /** The file text: the original with only the edited nodes (or lines) replaced, in its BOM and line endings. */
  toString(): string {
    this.syncText();
    const text = applyFormat(this.body, this.textFormat);
    if (!this.textFormat.source || this.textFormat.source.body !== this.body) {
      this.textFormat = { ...this.textFormat, source: { raw: text, body: this.body } };
    }
    // assertReadsBack(text) need not parse the whole text a second time.
    this.verifiedText = this.verified ? text : undefined;
    return text;
  }

  /**
   * Throws unless `text` (this document's toString()) reads back as the
   * edited document, value for value. Guarded writes call it so a file is
   * never written with content that would read differently from the edit.
   */
  assertReadsBack(text: string): void {
    if (text === this.verifiedText) return;
    if (readBack(detectFormat(text).body, this.document)) return;
    throw new CampaignError(
      'The edit could not be written without changing other content of the file; nothing was written. Please report this file.',
      [],
      this.file,
    );
  }
}

export type EditPath = 'splice' | 'full';

export interface EditReport {
  /** `splice`: only the changed nodes were rendered; `full`: the whole document was; `unchanged`: nothing to write. */
  path: 'splice' | 'full' | 'unchanged';
  /** Why the splice was not used. */
  reason?: string;
  /** Bytes re-parsed to check the splice. */
  checkedBytes?: number;
  edits?: number;
  ms?: number;
}

interface Saved {
  body: string;
  format: TextFormat;
  model: Campaign | undefined;
  data: Record<string, unknown> | undefined;
}

const MARKERS = /^(?:%|---|\.\.\.)/m;
const keyOf = (p: Pair) => (isScalar(p.key) ? String(p.key.value) : String(p.key));
const now = () => Number(process.hrtime.bigint()) / 1e6;

/**
 * A list or mapping emptied by an edit is written `[]` / `{}`. The yaml
 * library writes an empty *block* sequence that carries a comment as a bare
 * `[]` line, which is invalid YAML when sequences sit flush with their key
 * (`key:\n# note\n[]`, the seed's style); as a flow collection it is indented.
 */
function emptyCollectionsFlow(doc: Document): void {
  visit(doc, {
    Seq(_, node) {
      if (node.items.length === 0) node.flow = true;
    },
    Map(_, node) {
      if (node.items.length === 0 && node !== doc.contents) node.flow = true;
    },
  });
}

/** Block scalars (`|`, `>`) switched to double quotes; whether there were any. */
function quoteBlockScalars(doc: Document): boolean {
  let any = false;
  visit(doc, {
    Scalar(_, node) {
      if (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED') {
        node.type = 'QUOTE_DOUBLE';
        any = true;
      }
    },
  });
  return any;
}


/** `body` parsed, if it reads as the same values as `doc` (the check behind every write). */
function readBack(body: string, doc: Document): Document | undefined {
  try {
    const reread = parseBody(body);
    if (reread.errors.length) return undefined;
    return isDeepStrictEqual(reread.toJS({ maxAliasCount: MAX_ALIAS_COUNT }), doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT })) ? reread : undefined;
  } catch {
    return undefined;
  }
}

/** The one way a campaign body is parsed, so a re-parse gives the same document. */
function parseBody(body: string, lineCounter?: LineCounter): Document {
  return parseDocument(body, { ...(lineCounter ? { lineCounter } : {}), uniqueKeys: true, prettyErrors: false, keepSourceTokens: false });
}

function firstLine(s: string): string {
  return s.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}


function hasDanglingAlias(doc: Document): boolean {
  let dangling = false;
  visit(doc, {
    Alias(_, alias) {
      if (!alias.resolve(doc)) {
        dangling = true;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return dangling;
}

/** Replaces every alias with its own copy of the anchored node, and drops the anchors. */
function expandAliases(doc: Document): void {
  visit(doc, {
    Alias(_, alias) {
      const target = alias.resolve(doc);
      return target ? (target.clone() as Node) : doc.createNode(null);
    },
  });
  visit(doc, {
    Node(_, node) {
      if ('anchor' in node && node.anchor) delete (node as { anchor?: string }).anchor;
    },
  });
}
