// The campaign document: a parsed `yaml` Document together with the text it
// came from. Operations edit the Document's nodes (so comments, key order,
// quoting and unknown keys survive) and `toString()` splices only the changed
// lines back into the original text, keeping its BOM and line endings.
import { Document, isMap, LineCounter, parseDocument, visit, type Node } from 'yaml';
import { campaignFileSchema, type Campaign } from './model';
import { normalizeCampaign } from './normalize';
import { CampaignError, type Problem } from './problems';
import { applyFormat, detectFormat, type TextFormat } from './textFormat';
import { patchOriginal } from './minimalPatch';
import { DEFAULT_MAX_FILE_BYTES, MAX_ALIAS_COUNT } from './limits';
import { zodIssuesToProblems } from './schemaProblems';
import { renderOptionsFor } from './renderStyle';
import type { Operation, OperationContext } from './operations/operation';

export interface ParseOptions {
  /** File name used in messages. */
  file?: string;
  maxBytes?: number;
}

export class CampaignDocument {
  private cachedModel: Campaign | undefined;
  private readonly renderedBefore: string;

  private constructor(
    /** The yaml Document; operations edit its nodes. */
    private document: Document,
    /** The original body: LF line endings, no BOM. */
    private readonly body: string,
    readonly format: TextFormat,
    private readonly renderOptions: ReturnType<typeof renderOptionsFor>,
    readonly file: string | undefined,
  ) {
    this.renderedBefore = document.toString(renderOptions);
  }

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
      doc = parseDocument(body, { lineCounter, uniqueKeys: true, prettyErrors: false, keepSourceTokens: false });
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
    } else if (typeof data !== 'object' || Array.isArray(data)) {
      const at = doc.contents?.range ? pos(doc.contents.range[0]) : { line: 1, column: 1 };
      throw new CampaignError('The campaign file must be a YAML mapping (key: value pairs) at the top level.', [
        { ...at, message: 'top level must be a mapping of sections (identity, constraints, …)' },
      ], file);
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
    return this.document;
  }

  /**
   * Applies a named operation. PyYAML writes shared objects as anchors and
   * aliases (the seed's start_session anchors whole sections inside
   * active_session); if an edit removed an anchor that is still referenced,
   * the operation is re-run on a copy of the document whose aliases are all
   * expanded, so no section is ever lost.
   */
  apply<R>(op: Operation<R>, ctx: OperationContext): R {
    const before = hasAlias(this.document) ? this.document.clone() : undefined;
    const result = op.apply(this, ctx);
    if (!before || !hasDanglingAlias(this.document)) return result;
    expandAliases(before);
    this.document = before;
    this.changed();
    return op.apply(this, ctx);
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
  }

  /** The top-level mapping, created if the file was empty. */
  root(): import('yaml').YAMLMap {
    if (!this.doc.contents || !isMap(this.doc.contents)) {
      this.doc.contents = this.doc.createNode({}) as Node as never;
    }
    return this.doc.contents as unknown as import('yaml').YAMLMap;
  }

  /** The file text: the original with only the edited lines replaced. */
  toString(): string {
    const after = this.doc.toString(this.renderOptions);
    const body = patchOriginal(this.body, this.renderedBefore, after);
    return applyFormat(body, this.format);
  }
}

function firstLine(s: string): string {
  return s.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${n} bytes`;
}


function hasAlias(doc: Document): boolean {
  let found = false;
  visit(doc, {
    Alias() {
      found = true;
      return visit.BREAK;
    },
  });
  return found;
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
