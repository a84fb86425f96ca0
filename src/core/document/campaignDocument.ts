// The campaign document: a parsed `yaml` Document together with the text it
// came from. Operations edit the Document's nodes (so comments, key order,
// quoting and unknown keys survive) and `toString()` splices only the changed
// lines back into the original text, keeping its BOM and line endings.
import { isDeepStrictEqual } from 'node:util';
import { Document, isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Node } from 'yaml';
import { campaignFileSchema, TOP_LEVEL_KEYS, type Campaign } from '../model/model';
import { normalizeCampaign } from '../model/normalize';
import { CampaignError, type Problem } from '../model/problems';
import { applyFormat, detectFormat, type TextFormat } from './textFormat';
import { patchOriginal } from './minimalPatch';
import { DEFAULT_MAX_FILE_BYTES, MAX_ALIAS_COUNT, MAX_NESTING_DEPTH } from '../model/limits';
import { zodIssuesToProblems } from '../model/schemaProblems';
import { formatBytes } from '../model/formatBytes';
import { renderOptionsFor } from './renderStyle';
import { hasAlias } from './yamlEdit';
import type { Operation, OperationContext } from '../operations/operation';

export interface ParseOptions {
  /** File name used in messages. */
  file?: string;
  maxBytes?: number;
}

export class CampaignDocument {
  private cachedModel: Campaign | undefined;
  /**
   * The unedited document as the yaml library renders it, for the splice.
   * Rendered on first use (before any edit can reach the document), so a
   * load that only reads the model does not pay for it.
   */
  private renderedBefore: string | undefined;
  /**
   * True while `document` is exactly what `body` parses to and nothing
   * outside apply() has had it: apply() then undoes a refused operation by
   * re-parsing `body`, instead of copying the whole document up front.
   */
  private pristine = true;
  private applying = false;
  /** The last text toString() returned, when it was checked to read back as the document. */
  private verifiedText: string | undefined;

  private constructor(
    /** The yaml Document; operations edit its nodes. */
    private document: Document,
    /** The original body: LF line endings, no BOM. */
    private readonly body: string,
    readonly format: TextFormat,
    private readonly renderOptions: ReturnType<typeof renderOptionsFor>,
    readonly file: string | undefined,
  ) {}

  /** Parses and validates; throws CampaignError listing every problem. */
  static parse(text: string, options: ParseOptions = {}): CampaignDocument {
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
    const deep = tooDeep(doc.contents as Node | null, MAX_NESTING_DEPTH);
    if (deep) {
      throw new CampaignError('The campaign file is nested too deeply to be a campaign.', [
        { ...(deep.range ? pos(deep.range[0]) : { line: 1, column: 1 }), message: `nested more than ${MAX_NESTING_DEPTH} levels deep` },
      ], file);
    }
    let keys: Node[];
    try {
      keys = complexKeys(doc);
    } catch (err) {
      throw new CampaignError('The campaign file could not be parsed.', [
        { line: 1, column: 1, message: err instanceof RangeError ? 'nesting too deep to parse' : String(err) },
      ], file);
    }
    if (keys.length) {
      throw new CampaignError(
        'The campaign file uses a mapping, list or alias as a key; Campaign reads only plain keys (`name: value`).',
        keys.slice(0, 20).map((k) => ({ ...(k.range ? pos(k.range[0]) : { line: 1, column: 1 }), message: 'a mapping, list or alias used as a key' })),
        file,
      );
    }
    const anchors = unwritableAnchors(doc);
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
    const odd = oddCollections(doc);
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
    const cd = new CampaignDocument(doc, body, format, renderOptionsFor(body), file);
    cd.cachedModel = normalizeCampaign(checked.data);
    return cd;
  }

  /** The yaml Document; operations edit its nodes. */
  get doc(): Document {
    // Whoever gets the document may edit it: keep the unedited rendering first.
    this.rendered();
    if (!this.applying) {
      this.pristine = false;
      this.verifiedText = undefined;
    }
    return this.document;
  }

  private rendered(): string {
    return (this.renderedBefore ??= this.document.toString(this.renderOptions));
  }

  /**
   * Applies a named operation. PyYAML writes shared objects as anchors and
   * aliases (the seed's start_session anchors whole sections inside
   * active_session); if an edit removed an anchor that is still referenced,
   * the operation is re-run on a copy of the document whose aliases are all
   * expanded, so no section is ever lost. An operation that refuses (throws)
   * leaves the document exactly as it was, even if it had begun editing.
   */
  apply<R>(op: Operation<R>, ctx: OperationContext): R {
    this.rendered();
    const pristine = this.pristine;
    // The document as it was. Copying it costs as much as parsing a third of
    // the file; while it is as parsed, re-parsing `body` gives it back only
    // when it is needed (a refusal, or an alias to expand).
    const saved = pristine ? undefined : this.document.clone();
    const unedited = () => (saved ? saved.clone() : parseBody(this.body));
    const aliased = hasAlias(this.document);
    this.applying = true;
    try {
      let result = op.apply(this, ctx);
      if (aliased && hasDanglingAlias(this.document)) {
        const expanded = unedited();
        expandAliases(expanded);
        this.document = expanded;
        this.changed();
        result = op.apply(this, ctx);
      }
      this.pristine = false;
      return result;
    } catch (err) {
      this.document = saved ?? parseBody(this.body);
      this.pristine = pristine;
      this.changed();
      throw err;
    } finally {
      this.applying = false;
    }
  }

  /** The normalized model of the document as it is now (after any edits). */
  get model(): Campaign {
    if (!this.cachedModel) {
      const checked = campaignFileSchema.safeParse(this.doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) ?? {});
      if (!checked.success) {
        throw new CampaignError('The edit would leave the campaign file invalid; nothing was written.',
          zodIssuesToProblems(checked.error.issues, this.doc, () => ({ line: 1, column: 1 })), this.file);
      }
      this.cachedModel = normalizeCampaign(checked.data);
    }
    return this.cachedModel;
  }

  /** Call after editing `doc` so the model is recomputed (and re-validated). */
  changed(): void {
    this.cachedModel = undefined;
    this.verifiedText = undefined;
  }

  /** The top-level mapping, created if the file was empty. */
  root(): import('yaml').YAMLMap {
    if (!this.doc.contents || !isMap(this.doc.contents)) {
      this.doc.contents = this.doc.createNode({}) as Node as never;
    }
    return this.doc.contents as unknown as import('yaml').YAMLMap;
  }

  /**
   * The file text: the original with only the edited lines replaced. Should a
   * splice not read back as the edited document (a new line next to lines
   * the person indented differently, say), the whole document is rendered
   * instead: a larger diff, but never a changed meaning.
   */
  toString(): string {
    emptyCollectionsFlow(this.doc);
    let after = this.document.toString(this.renderOptions);
    let body = patchOriginal(this.body, this.rendered(), after);
    let verified = false;
    if (body !== this.body && body !== after) {
      verified = readsBackAs(body, this.document);
      if (!verified) body = after;
    }
    // The yaml writer re-renders some block scalars (a blank or indented first
    // line, at an indent other than 2) so they read back differently; written
    // double-quoted instead, they keep their value. Only when the render failed.
    if (!verified && body === after && body !== this.body && !readsBackAs(after, this.document) && quoteBlockScalars(this.document)) {
      after = this.document.toString(this.renderOptions);
      body = patchOriginal(this.body, this.rendered(), after);
      verified = readsBackAs(body, this.document);
      if (!verified && body !== after) body = after;
    }
    const text = applyFormat(body, this.format);
    // assertReadsBack(text) need not parse the whole text a second time.
    this.verifiedText = verified ? text : undefined;
    return text;
  }

  /**
   * Throws unless `text` (this document's toString()) reads back as the
   * edited document, value for value. Guarded writes call it so a file is
   * never written with content that would read differently from the edit.
   */
  assertReadsBack(text: string): void {
    if (text === this.verifiedText) return;
    if (readsBackAs(detectFormat(text).body, this.document)) return;
    throw new CampaignError(
      'The edit could not be written without changing other content of the file; nothing was written. Please report this file.',
      [],
      this.file,
    );
  }
}

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

/** Nodes whose anchor the yaml writer refuses (its own rule: no whitespace, control characters, `,[]{}`). */
function unwritableAnchors(doc: Document): Node[] {
  const found: Node[] = [];
  visit(doc, {
    Node(_, node) {
      const anchor = (node as { anchor?: string }).anchor;
      if (anchor !== undefined && /[\x00-\x19\s,[\]{}]/.test(anchor)) found.push(node as Node);
    },
  });
  return found;
}

/** The first collection nested deeper than `limit` (walked without recursion). */
function tooDeep(root: Node | null, limit: number): Node | undefined {
  const stack: [unknown, number][] = [[root, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (!isMap(node) && !isSeq(node)) continue;
    if (depth >= limit) return node;
    for (const item of node.items as unknown[]) {
      if (isPair(item)) {
        stack.push([item.key, depth + 1], [item.value, depth + 1]);
      } else stack.push([item, depth + 1]);
    }
  }
  return undefined;
}

/**
 * Keys that are mappings, lists or aliases (`? [a, b] : c`, `{{…}: x}`,
 * `*a : x`). Reading turns a collection key into a string, at a cost that
 * explodes with nesting: an 800-byte line of nested `{` took minutes (and
 * hung a worker thread, whose larger stack lets the parser go deeper). No
 * campaign needs them; they are refused before reading.
 */
function complexKeys(doc: Document): Node[] {
  const found: Node[] = [];
  visit(doc, {
    Pair(_, pair) {
      if (isMap(pair.key) || isSeq(pair.key) || isAlias(pair.key)) {
        found.push(pair.key as Node);
        return visit.SKIP;
      }
      return undefined;
    },
  });
  return found;
}

const ODD_TAGS = new Set(['tag:yaml.org,2002:set', 'tag:yaml.org,2002:omap', 'tag:yaml.org,2002:pairs']);

/**
 * `!!set` / `!!omap` / `!!pairs` collections at the top level or in a
 * campaign section: they read as JS Sets and Maps (which slip past the
 * schema) and cannot take the edits operations make. Unknown keys may keep them.
 */
function oddCollections(doc: Document): Node[] {
  const found: Node[] = [];
  const root = doc.contents as Node | null;
  if (root && root.tag && ODD_TAGS.has(root.tag)) return [root];
  if (!isMap(root)) return found;
  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    if (!(TOP_LEVEL_KEYS as readonly string[]).includes(key) || !pair.value) continue;
    visit(pair.value as Node, {
      Node(_, node) {
        if ('tag' in node && node.tag && ODD_TAGS.has(node.tag)) found.push(node as Node);
      },
    });
  }
  return found;
}

/** Whether `body` parses to the same values as `doc` (the check behind every write). */
function readsBackAs(body: string, doc: Document): boolean {
  try {
    const reread = parseDocument(body, { uniqueKeys: true, prettyErrors: false });
    if (reread.errors.length) return false;
    return isDeepStrictEqual(reread.toJS({ maxAliasCount: MAX_ALIAS_COUNT }), doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }));
  } catch {
    return false;
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
