// The SessionStart hook Campaign adds to Claude Code's settings
// (.claude/settings.json or .claude/settings.local.json) so every session —
// new, resumed, cleared or compacted — is handed the primer. The file is
// edited as text, never re-serialised: the hook goes in as one inserted
// string, every other key, hook, comment and the file's indentation and line
// endings stay as they were, and taking it out again restores the exact
// bytes (proved each time by redoing the insertion and comparing).
import { nodeValue as getNodeValue, parseJsonTree, type JsonNode as Node } from './jsonText';
import { CampaignError } from '../model/problems';

/** The primer file, as the hook reads it: relative to the project root. */
export const HOOK_PRIMER_PATH = '.claude/campaign-primer.md';

/**
 * The hook: print the generated primer. Plain POSIX `cat`, so it works where
 * only the extension is installed (no Node, no global CLI). It takes no input
 * from the campaign: the path is fixed and `$CLAUDE_PROJECT_DIR` is expanded
 * inside double quotes, so no campaign text or folder name reaches a shell.
 * A missing primer prints nothing rather than an error.
 */
export const HOOK_COMMAND = `cat "$CLAUDE_PROJECT_DIR/${HOOK_PRIMER_PATH}" 2>/dev/null || true`;

/** Every way a session starts: new, resumed, after /clear, after compaction. */
export const HOOK_MATCHER = 'startup|resume|clear|compact';

export const HOOK_ENTRY = {
  matcher: HOOK_MATCHER,
  hooks: [{ type: 'command', command: HOOK_COMMAND }],
};

export type SettingsScope = 'project' | 'local';

export function settingsFileName(scope: SettingsScope): string {
  return scope === 'local' ? 'settings.local.json' : 'settings.json';
}

// ---- Reading ----------------------------------------------------------------

interface Parsed {
  root: Node;
  /** Offset of the JSON text in the file (1 when the file starts with a BOM). */
  base: number;
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

function parseSettings(text: string, file: string): Parsed {
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

function property(obj: Node, key: string): Node | undefined {
  return obj.children?.find((p) => p.children?.[0]?.value === key);
}

const valueOf = (prop: Node | undefined): Node | undefined => prop?.children?.[1];

interface HookPlace {
  hooksProp?: Node;
  sessionStartProp?: Node;
}

function locate(parsed: Parsed, text: string, file: string): HookPlace {
  const hooksProp = property(parsed.root, 'hooks');
  const hooks = valueOf(hooksProp);
  if (hooksProp && hooks?.type !== 'object') {
    throw new CampaignError(`"hooks" in ${file} is not an object; nothing was written.`, [{ ...lineColumn(text, hooksProp.offset + parsed.base), message: '"hooks" is not an object' }], file);
  }
  const sessionStartProp = hooks ? property(hooks, 'SessionStart') : undefined;
  if (sessionStartProp && valueOf(sessionStartProp)?.type !== 'array') {
    throw new CampaignError(
      `"hooks.SessionStart" in ${file} is not a list; nothing was written.`,
      [{ ...lineColumn(text, sessionStartProp.offset + parsed.base), message: '"SessionStart" is not an array' }],
      file,
    );
  }
  const place: HookPlace = {};
  if (hooksProp) place.hooksProp = hooksProp;
  if (sessionStartProp) place.sessionStartProp = sessionStartProp;
  return place;
}

function isOurHook(value: unknown): boolean {
  return !!value && typeof value === 'object' && (value as { command?: unknown }).command === HOOK_COMMAND;
}

/** SessionStart groups holding our hook, with whether the group is exactly ours. */
function ourGroups(sessionStart: Node | undefined): { node: Node; pure: boolean }[] {
  const out: { node: Node; pure: boolean }[] = [];
  for (const group of sessionStart?.children ?? []) {
    const value = getNodeValue(group) as { hooks?: unknown } | undefined;
    const hooks = Array.isArray(value?.hooks) ? (value!.hooks as unknown[]) : [];
    if (!hooks.some(isOurHook)) continue;
    out.push({ node: group, pure: JSON.stringify(value) === JSON.stringify(HOOK_ENTRY) });
  }
  return out;
}

/** True when the settings text already carries Campaign's SessionStart hook. */
export function hasSessionStartHook(text: string, file = 'settings.json'): boolean {
  const parsed = parseSettings(text, file);
  return ourGroups(valueOf(locate(parsed, text, file).sessionStartProp)).length > 0;
}

// ---- Text edits -------------------------------------------------------------

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

/** The text of a new member: `"key": value` in objects, `value` in arrays. */
type Member = { key?: string; value: unknown };

function memberText(m: Member, indent: string, unit: string, eol: string, compact: boolean): string {
  const v = compact ? JSON.stringify(m.value) : pretty(m.value, indent, unit, eol);
  return m.key === undefined ? v : `${JSON.stringify(m.key)}:${compact ? '' : ' '}${v}`;
}

/** Inserts `m` as the last member of `container`: one string inserted at one offset. */
function insertMember(text: string, base: number, container: Node, m: Member): string {
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
    const insert = eol + inner + memberText(m, inner, unit, eol, false) + eol + outer;
    return text.slice(0, open + 1) + insert + text.slice(open + 1);
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
function removeLastMember(text: string, base: number, container: Node, child: Node): string | undefined {
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

/** The text of a settings file that did not exist: just the hook. */
function freshSettings(): string {
  return JSON.stringify({ hooks: { SessionStart: [HOOK_ENTRY] } }, null, 2) + '\n';
}

// ---- Merge and unmerge --------------------------------------------------------

export interface MergeResult {
  text: string;
  changed: boolean;
}

/**
 * Adds Campaign's SessionStart hook to a settings file's text (undefined: no
 * file yet). Never adds it twice; invalid JSON is an error and nothing is
 * changed.
 */
export function mergeSessionStartHook(text: string | undefined, file = 'settings.json'): MergeResult {
  if (text === undefined) return { text: freshSettings(), changed: true };
  const parsed = parseSettings(text, file);
  const place = locate(parsed, text, file);
  const sessionStart = valueOf(place.sessionStartProp);
  if (ourGroups(sessionStart).length > 0) return { text, changed: false };
  let next: string;
  if (sessionStart) next = insertMember(text, parsed.base, sessionStart, { value: HOOK_ENTRY });
  else if (place.hooksProp) next = insertMember(text, parsed.base, valueOf(place.hooksProp)!, { key: 'SessionStart', value: [HOOK_ENTRY] });
  else next = insertMember(text, parsed.base, parsed.root, { key: 'hooks', value: { SessionStart: [HOOK_ENTRY] } });
  // Never write what does not read back with the hook in it.
  if (!hasSessionStartHook(next, file)) throw new Error(`internal: the hook did not land in ${file}`);
  return { text: next, changed: true };
}

export interface UnmergeResult {
  /** The new text; undefined when the file held nothing but the hook (delete it). */
  text: string | undefined;
  changed: boolean;
  /** True when the result is provably the file as it was before the hook was merged in. */
  exact: boolean;
}

/**
 * Takes Campaign's hook out again. Where the hook is as `mergeSessionStartHook`
 * left it, the result is the file's exact earlier text — or undefined (delete
 * the file) when the file was created for the hook. Otherwise the hook is
 * removed with the smallest edit that keeps the file valid.
 */
export function unmergeSessionStartHook(text: string, file = 'settings.json'): UnmergeResult {
  const parsed = parseSettings(text, file);
  const place = locate(parsed, text, file);
  const sessionStart = valueOf(place.sessionStartProp);
  const groups = ourGroups(sessionStart);
  if (groups.length === 0) return { text, changed: false, exact: true };

  const pure = groups.length === 1 && groups[0]!.pure ? groups[0]!.node : undefined;
  if (pure && sessionStart) {
    const hooks = valueOf(place.hooksProp)!;
    const onlyEntry = sessionStart.children!.length === 1;
    const onlyStart = onlyEntry && hooks.children!.length === 1;
    const onlyHooks = onlyStart && parsed.root.children!.length === 1;
    // Largest first: a file, key or list that holds nothing but the hook was most likely added with it.
    const candidates: (string | undefined | null)[] = [
      onlyHooks ? undefined : null,
      onlyStart ? removeLastMember(text, parsed.base, parsed.root, place.hooksProp!) ?? null : null,
      onlyEntry ? removeLastMember(text, parsed.base, hooks, place.sessionStartProp!) ?? null : null,
      removeLastMember(text, parsed.base, sessionStart, pure) ?? null,
    ];
    for (const c of candidates) {
      if (c === null) continue;
      try {
        if (mergeSessionStartHook(c, file).text === text) return { text: c, changed: true, exact: true };
      } catch {
        /* not a pre-image */
      }
    }
  }
  const rest = removeStructurally(text, file);
  const emptied = (parseSettings(rest, file).root.children ?? []).length === 0 && !/\/[/*]/.test(rest);
  return { text: emptied ? undefined : rest, changed: true, exact: false };
}

/** Deletes the span of `node` in an array or object, with its separating comma. */
function deleteNode(text: string, base: number, container: Node, node: Node): string {
  const children = container.children ?? [];
  const i = children.indexOf(node);
  const start = node.offset + base;
  const end = start + node.length;
  if (children.length === 1) {
    const open = container.offset + base;
    const close = open + container.length - 1;
    return text.slice(0, open + 1) + text.slice(close);
  }
  if (i === children.length - 1) {
    const prev = children[i - 1]!;
    return text.slice(0, prev.offset + base + prev.length) + text.slice(end);
  }
  const next = children[i + 1]!;
  return text.slice(0, start) + text.slice(next.offset + base);
}

function removeStructurally(text: string, file: string): string {
  let current = text;
  for (;;) {
    const p = parseSettings(current, file);
    const place = locate(p, current, file);
    const sessionStart = valueOf(place.sessionStartProp);
    const groups = ourGroups(sessionStart);
    const last = groups[groups.length - 1];
    if (!last) break;
    const hooksArray = valueOf(property(last.node, 'hooks'))!;
    const ours = hooksArray.children!.filter((h) => isOurHook(getNodeValue(h)));
    current =
      ours.length === hooksArray.children!.length
        ? deleteNode(current, p.base, sessionStart!, last.node)
        : deleteNode(current, p.base, hooksArray, ours[ours.length - 1]!);
  }
  // Containers the hook leaves empty go too.
  const p = parseSettings(current, file);
  const place = locate(p, current, file);
  const sessionStart = valueOf(place.sessionStartProp);
  if (place.sessionStartProp && sessionStart?.children?.length === 0) {
    current = deleteNode(current, p.base, valueOf(place.hooksProp)!, place.sessionStartProp);
    const q = parseSettings(current, file);
    const hooksProp = locate(q, current, file).hooksProp;
    if (hooksProp && valueOf(hooksProp)?.children?.length === 0) current = deleteNode(current, q.base, q.root, hooksProp);
  }
  return current;
}
