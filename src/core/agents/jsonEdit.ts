// Job: add Campaign's own entries to a JSON settings file a person owns, and
// take them out again, without re-serialising the file. jsonc-parser parses
// and locates (parseTree, findNodeAtLocation); an addition is one string
// inserted at one offset in the file's own indentation and line endings
// (jsonc-parser's `modify` would re-format the siblings around an insertion
// and move their comments), so every other byte stays. Removal first looks
// for the exact earlier text (proved by redoing the addition); where a person
// changed the file since, it removes just Campaign's node with `modify`.
import { applyEdits, findNodeAtLocation, modify, type JSONPath } from 'jsonc-parser';
import { CampaignError } from '../model/problems';
import { nodeValue, parseJsonTree, type JsonNode as Node } from './jsonText';

export interface ParsedJson {
  root: Node;
  /** Offset of the JSON text in the file (1 when the file starts with a BOM). */
  base: number;
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/** Parses a file that must hold a JSON object; a clear error (file, line, column) otherwise. */
export function parseObjectFile(text: string, file: string): ParsedJson {
  const base = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const { root, problems: found } = parseJsonTree(text.slice(base));
  if (!root) {
    const problems = found.map((e) => ({ ...lineColumn(text, e.offset + base), message: e.message }));
    const first = problems[0]!;
    throw new CampaignError(
      `${file} is not valid JSON (line ${first.line}, column ${first.column}: ${first.message}); nothing was written. Fix it and try again.`,
      problems,
      file,
    );
  }
  if (root.type !== 'object') {
    throw new CampaignError(`${file} does not hold a JSON object; nothing was written.`, [{ ...lineColumn(text, root.offset + base), message: 'not an object' }], file);
  }
  return { root, base };
}

export function problemAt(text: string, base: number, node: Node, file: string, message: string, what: string): CampaignError {
  return new CampaignError(`${what} in ${file} ${message}; nothing was written.`, [{ ...lineColumn(text, node.offset + base), message: `${what} ${message}` }], file);
}

/** The node at `path`, if there is one. */
export function nodeAt(parsed: ParsedJson, path: JSONPath): Node | undefined {
  return path.length === 0 ? parsed.root : findNodeAtLocation(parsed.root, path);
}

/** The property node (key + value) of `key` in an object node. */
export function propertyOf(obj: Node | undefined, key: string): Node | undefined {
  return obj?.children?.find((p) => p.children?.[0]?.value === key);
}

// ---- Exact insertion -----------------------------------------------------------

function eolOf(text: string): '\n' | '\r\n' {
  const lf = text.indexOf('\n');
  return lf > 0 && text[lf - 1] === '\r' ? '\r\n' : '\n';
}

/** The file's indentation unit: the leading whitespace of its first indented line. */
function indentUnit(text: string): string {
  const m = /\r?\n([ \t]+)\S/.exec(text);
  return m ? m[1]! : '  ';
}

function lineIndent(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart))![0];
}

/** True when only whitespace precedes `offset` on its line. */
function startsLine(text: string, offset: number): boolean {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*$/.test(text.slice(lineStart, offset));
}

function pretty(value: unknown, indent: string, unit: string, eol: string): string {
  return JSON.stringify(value, null, unit).split('\n').join(eol + indent);
}

/** A new member: `"key": value` in objects, `value` in arrays. */
export interface Member {
  key?: string;
  value: unknown;
}

function memberText(m: Member, indent: string, unit: string, eol: string, compact: boolean): string {
  const v = compact ? JSON.stringify(m.value) : pretty(m.value, indent, unit, eol);
  return m.key === undefined ? v : `${JSON.stringify(m.key)}:${compact ? '' : ' '}${v}`;
}

/** Inserts `m` as the last member of `container`: one string inserted at one offset. */
export function insertMember(text: string, base: number, container: Node, m: Member): string {
  const eol = eolOf(text);
  const unit = indentUnit(text);
  const open = container.offset + base;
  const children = container.children ?? [];
  if (children.length === 0) {
    // `{}` / `[]` written on one line stays on one line; an empty container spread over lines gets the member on its own line.
    if (!text.slice(open, open + container.length).includes('\n')) {
      return text.slice(0, open + 1) + memberText(m, '', unit, eol, true) + text.slice(open + 1);
    }
    const outer = lineIndent(text, open);
    const inner = outer + unit;
    return text.slice(0, open + 1) + eol + inner + memberText(m, inner, unit, eol, false) + eol + outer + text.slice(open + 1);
  }
  const last = children[children.length - 1]!;
  const lastStart = last.offset + base;
  const at = lastStart + last.length;
  if (startsLine(text, lastStart)) {
    const indent = lineIndent(text, lastStart);
    return text.slice(0, at) + ',' + eol + indent + memberText(m, indent, unit, eol, false) + text.slice(at);
  }
  // A one-line container stays on one line.
  const spaced = /[,[{]\s/.test(text.slice(open, lastStart)) ? ' ' : '';
  return text.slice(0, at) + ',' + spaced + memberText(m, '', unit, eol, true) + text.slice(at);
}

/** The inverse of insertMember for `child` (the container's last member), or undefined when it cannot be. */
export function removeLastMember(text: string, base: number, container: Node, child: Node): string | undefined {
  const children = container.children ?? [];
  if (children[children.length - 1] !== child) return undefined;
  const end = child.offset + base + child.length;
  if (children.length === 1) {
    const open = container.offset + base;
    if (child.offset + base === open + 1) return text.slice(0, open + 1) + text.slice(end);
    const tail = eolOf(text) + lineIndent(text, open);
    if (!text.startsWith(tail, end)) return undefined;
    return text.slice(0, open + 1) + text.slice(end + tail.length);
  }
  const prev = children[children.length - 2]!;
  return text.slice(0, prev.offset + base + prev.length) + text.slice(end);
}

/** Removes the node at `path` (a property or an array element) with jsonc-parser's smallest edit. */
export function removeAt(text: string, base: number, path: JSONPath): string {
  const body = text.slice(base);
  const edits = modify(body, path, undefined, { formattingOptions: { insertSpaces: true, tabSize: 2, eol: eolOf(text) } });
  return text.slice(0, base) + applyEdits(body, edits);
}

// ---- Additions: a property, or an element of a list ----------------------------

/**
 * One entry Campaign adds: the property `path` set to `value`, or (with
 * `element`) `element` appended to the list at `path`. Objects on the way are
 * created as needed.
 */
export interface JsonAddition {
  path: string[];
  value?: unknown;
  element?: unknown;
}

function nest(path: string[], leaf: unknown): unknown {
  return path.reduceRight<unknown>((v, key) => ({ [key]: v }), leaf);
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function leafOf(a: JsonAddition): unknown {
  return a.element !== undefined ? [a.element] : a.value;
}

export interface AddResult {
  text: string;
  changed: boolean;
  /** Set when the property is already there with another value: left as it is. */
  conflict?: unknown;
}

/** Adds `a` to `text` (undefined: no file yet, one is created). Never twice; invalid JSON is an error. */
export function addJson(text: string | undefined, a: JsonAddition, file: string): AddResult {
  if (text === undefined) return { text: JSON.stringify(nest(a.path, leafOf(a)), null, 2) + '\n', changed: true };
  const parsed = parseObjectFile(text, file);
  for (let i = a.path.length; i >= 0; i--) {
    const node = nodeAt(parsed, a.path.slice(0, i));
    if (!node) continue;
    const name = `"${a.path.slice(0, i).join('.')}"`;
    if (i === a.path.length) {
      if (a.element === undefined) {
        const current = nodeValue(node);
        return same(current, a.value) ? { text, changed: false } : { text, changed: false, conflict: current };
      }
      if (node.type !== 'array') throw problemAt(text, parsed.base, node, file, 'is not a list', name);
      if ((node.children ?? []).some((c) => same(nodeValue(c), a.element))) return { text, changed: false };
      return { text: insertMember(text, parsed.base, node, { value: a.element }), changed: true };
    }
    if (node.type !== 'object') throw problemAt(text, parsed.base, node, file, 'is not an object', name);
    const next = insertMember(text, parsed.base, node, { key: a.path[i]!, value: nest(a.path.slice(i + 1), leafOf(a)) });
    return { text: next, changed: true };
  }
  throw new Error('internal: no root');
}

/** True when `text` holds addition `a` (the value, or the element in the list). */
export function hasJson(text: string, a: JsonAddition, file: string): boolean {
  const parsed = parseObjectFile(text, file);
  const node = nodeAt(parsed, a.path);
  if (!node) return false;
  if (a.element === undefined) return same(nodeValue(node), a.value);
  return node.type === 'array' && (node.children ?? []).some((c) => same(nodeValue(c), a.element));
}

export interface RemoveResult {
  /** The new text; undefined when the file held nothing else (delete it). */
  text: string | undefined;
  changed: boolean;
  /** True when the result is provably the text before the addition. */
  exact: boolean;
}

/** Every text that `addJson(candidate, a)` could have turned into `text`, largest removal first. */
function preImages(text: string, parsed: ParsedJson, a: JsonAddition): (string | undefined)[] {
  const out: (string | undefined)[] = [undefined];
  const depth = a.element !== undefined ? a.path.length + 1 : a.path.length;
  for (let i = 0; i < depth; i++) {
    const container = nodeAt(parsed, a.path.slice(0, i));
    if (!container) break;
    let child: Node | undefined;
    if (i < a.path.length) child = propertyOf(container, a.path[i]!);
    else child = [...(container.children ?? [])].reverse().find((c) => same(nodeValue(c), a.element));
    if (!child) break;
    const c = removeLastMember(text, parsed.base, container, child);
    if (c !== undefined) out.push(c);
  }
  return out;
}

/**
 * Takes addition `a` out of `text`. Where it sits as `addJson` left it, the
 * result is the exact earlier text (undefined: the file was created for it).
 * Otherwise its node is removed with the smallest edit, and lists and objects
 * it leaves empty go too.
 */
export function removeJson(text: string, a: JsonAddition, file: string): RemoveResult {
  if (!hasJson(text, a, file)) return { text, changed: false, exact: true };
  const parsed = parseObjectFile(text, file);
  for (const candidate of preImages(text, parsed, a)) {
    try {
      if (addJson(candidate, a, file).text === text) return { text: candidate, changed: true, exact: true };
    } catch {
      /* not a pre-image */
    }
  }
  let current = text;
  if (a.element !== undefined) {
    const list = nodeAt(parsed, a.path)!;
    const index = (list.children ?? []).findIndex((c) => same(nodeValue(c), a.element));
    current = removeAt(current, parsed.base, [...a.path, index]);
  } else current = removeAt(current, parsed.base, a.path);
  current = pruneEmpty(current, a.path.slice(0, a.element !== undefined ? a.path.length : a.path.length - 1), file);
  return { text: isEmptied(current, file) ? undefined : current, changed: true, exact: false };
}

/** Removes the containers along `path` that are left empty, innermost first. */
export function pruneEmpty(text: string, path: string[], file: string): string {
  let current = text;
  for (let i = path.length; i >= 1; i--) {
    const parsed = parseObjectFile(current, file);
    const node = nodeAt(parsed, path.slice(0, i));
    if (!node || (node.children ?? []).length > 0) break;
    current = removeAt(current, parsed.base, path.slice(0, i));
  }
  return current;
}

/** An object with nothing in it and no comments: what is left of a file that held only Campaign's entries. */
export function isEmptied(text: string, file: string): boolean {
  return (parseObjectFile(text, file).root.children ?? []).length === 0 && !/\/[/*]/.test(text);
}
