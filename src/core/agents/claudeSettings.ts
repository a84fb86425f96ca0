// Job: Campaign's SessionStart hook in Claude Code's settings
// (.claude/settings.json or .claude/settings.local.json), so every session —
// new, resumed, cleared or compacted — is handed the primer. The file is
// edited as text through jsonEdit.ts: the hook goes in as one inserted string,
// every other key, hook, comment and the file's indentation and line endings
// stay as they were, and taking it out again restores the exact bytes.
import { nodeValue } from './jsonText';
import { addJson, isEmptied, nodeAt, parseObjectFile, problemAt, propertyOf, pruneEmpty, removeAt, removeJson, type JsonAddition, type ParsedJson } from './jsonEdit';
import type { JsonNode as Node } from './jsonText';

/** The primer file, as the hook reads it: relative to the project root. */
export const HOOK_PRIMER_PATH = '.claude/campaign-primer.md';

/** The hook Campaign wrote before the primer could tell it was stale; recognised so connect upgrades it and disconnect removes it. */
export const LEGACY_HOOK_COMMANDS = [`cat "$CLAUDE_PROJECT_DIR/${HOOK_PRIMER_PATH}" 2>/dev/null || true`];

/** The first line the hook prints when it cannot re-render a primer older than the campaign. */
export const STALE_PRIMER_NOTE =
  'Campaign: this primer may be out of date (.claude/campaign.yaml changed after it was generated). Read .claude/campaign.yaml for the current state; to refresh the primer, run `campaign primer --refresh` or open the folder in VS Code with Campaign.';

/**
 * The hook. A fixed string: no campaign text or folder name is in it, and
 * `$CLAUDE_PROJECT_DIR` is only ever expanded inside double quotes.
 * - With the `campaign` CLI on PATH, `campaign primer --refresh --print`
 *   re-renders the primer file when the campaign changed since it was made
 *   (the file records a hash of what it was rendered from) and prints it.
 * - Without it (or when it fails), the shell prints the primer file, first
 *   with a note that it may be stale when campaign.yaml is newer than it.
 * - A missing primer (disconnected) prints nothing; the hook always succeeds.
 */
export const HOOK_COMMAND =
  'if command -v campaign >/dev/null 2>&1 && (cd "$CLAUDE_PROJECT_DIR" && campaign primer --refresh --print) 2>/dev/null; then :; ' +
  `else p="$CLAUDE_PROJECT_DIR/${HOOK_PRIMER_PATH}"; if [ -f "$p" ]; then ` +
  `if [ "$CLAUDE_PROJECT_DIR/.claude/campaign.yaml" -nt "$p" ]; then printf '%s\\n\\n' '${STALE_PRIMER_NOTE}'; fi; cat "$p"; fi; fi; true`;

/** Every way a session starts: new, resumed, after /clear, after compaction. */
export const HOOK_MATCHER = 'startup|resume|clear|compact';

export const HOOK_ENTRY = {
  matcher: HOOK_MATCHER,
  hooks: [{ type: 'command', command: HOOK_COMMAND }],
};

const HOOK_ADDITION: JsonAddition = { path: ['hooks', 'SessionStart'], element: HOOK_ENTRY };

export type SettingsScope = 'project' | 'local';

export function settingsFileName(scope: SettingsScope): string {
  return scope === 'local' ? 'settings.local.json' : 'settings.json';
}

// ---- Reading ----------------------------------------------------------------

/** The SessionStart list, after checking `hooks` is an object and `SessionStart` a list. */
function sessionStartOf(parsed: ParsedJson, text: string, file: string): Node | undefined {
  const hooksProp = propertyOf(parsed.root, 'hooks');
  const hooks = hooksProp?.children?.[1];
  if (hooksProp && hooks?.type !== 'object') throw problemAt(text, parsed.base, hooksProp, file, 'is not an object', '"hooks"');
  const startProp = propertyOf(hooks, 'SessionStart');
  if (startProp && startProp.children?.[1]?.type !== 'array') throw problemAt(text, parsed.base, startProp, file, 'is not a list', '"hooks.SessionStart"');
  return startProp?.children?.[1];
}

function commandOf(value: unknown): unknown {
  return value && typeof value === 'object' ? (value as { command?: unknown }).command : undefined;
}

const isCurrentHook = (value: unknown) => commandOf(value) === HOOK_COMMAND;
const isAnyOurHook = (value: unknown) => isCurrentHook(value) || LEGACY_HOOK_COMMANDS.includes(commandOf(value) as string);

/** Indexes of SessionStart groups holding one of our hooks. */
function ourGroups(sessionStart: Node | undefined, match: (v: unknown) => boolean): number[] {
  const out: number[] = [];
  (sessionStart?.children ?? []).forEach((group, i) => {
    const value = nodeValue(group) as { hooks?: unknown } | undefined;
    if (Array.isArray(value?.hooks) && value!.hooks.some(match)) out.push(i);
  });
  return out;
}

/** True when the settings text already carries Campaign's SessionStart hook (this version's or an earlier one). */
export function hasSessionStartHook(text: string, file = 'settings.json'): boolean {
  const parsed = parseObjectFile(text, file);
  return ourGroups(sessionStartOf(parsed, text, file), isAnyOurHook).length > 0;
}

// ---- Merge and unmerge --------------------------------------------------------

export interface MergeResult {
  text: string;
  changed: boolean;
}

/**
 * Adds Campaign's SessionStart hook to a settings file's text (undefined: no
 * file yet). Never adds it twice; a hook from an earlier Campaign is replaced;
 * invalid JSON is an error and nothing is changed.
 */
export function mergeSessionStartHook(text: string | undefined, file = 'settings.json'): MergeResult {
  if (text === undefined) return addJson(undefined, HOOK_ADDITION, file);
  const parsed = parseObjectFile(text, file);
  const sessionStart = sessionStartOf(parsed, text, file);
  if (ourGroups(sessionStart, isCurrentHook).length > 0) return { text, changed: false };
  const base = ourGroups(sessionStart, isAnyOurHook).length > 0 ? removeStructurally(text, file, isAnyOurHook) : text;
  const next = addJson(base, HOOK_ADDITION, file).text;
  // Never write what does not read back with the hook in it.
  if (ourGroups(sessionStartOf(parseObjectFile(next, file), next, file), isCurrentHook).length === 0) throw new Error(`internal: the hook did not land in ${file}`);
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
  const parsed = parseObjectFile(text, file);
  const sessionStart = sessionStartOf(parsed, text, file);
  const groups = ourGroups(sessionStart, isAnyOurHook);
  if (groups.length === 0) return { text, changed: false, exact: true };
  if (groups.length === 1) {
    const out = removeJson(text, HOOK_ADDITION, file);
    if (out.changed && out.exact) return out;
  }
  const rest = removeStructurally(text, file, isAnyOurHook);
  return { text: isEmptied(rest, file) ? undefined : rest, changed: true, exact: false };
}

/** Removes every hook `match` picks (a group that held only ours goes whole), then the lists and objects left empty. */
function removeStructurally(text: string, file: string, match: (v: unknown) => boolean): string {
  let current = text;
  for (;;) {
    const parsed = parseObjectFile(current, file);
    const groups = ourGroups(sessionStartOf(parsed, current, file), match);
    const last = groups[groups.length - 1];
    if (last === undefined) break;
    const groupPath = ['hooks', 'SessionStart', last];
    const hooks = nodeAt(parsed, [...groupPath, 'hooks'])!;
    const values = (hooks.children ?? []).map(nodeValue);
    const ours = values.map((v, i) => (match(v) ? i : -1)).filter((i) => i >= 0);
    current = ours.length === values.length ? removeAt(current, parsed.base, groupPath) : removeAt(current, parsed.base, [...groupPath, 'hooks', ours[ours.length - 1]!]);
  }
  return pruneEmpty(current, ['hooks', 'SessionStart'], file);
}
