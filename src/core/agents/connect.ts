// Connecting a project to Claude Code, and disconnecting it again.
//
// Connect writes the generated primer (.claude/campaign-primer.md), the
// managed block in CLAUDE.md (and AGENTS.md on request), and — in hook mode —
// Campaign's SessionStart hook into .claude/settings.json or
// settings.local.json. The primer reaches a session exactly once: through the
// block's `@` import, or through the hook (the block then has no import, and
// a hook left in the other settings file by an earlier connect is taken out).
//
// Disconnect removes exactly what connect added: files it touched get their
// earlier bytes back, and files it created that hold nothing else are
// deleted. Both plan every change first and write nothing if any file is in a
// state they must not touch (invalid JSON, a hand-edited block without force).
import { promises as fs } from 'node:fs';
import { dirname, isAbsolute, join, relative } from 'node:path';
import { atomicWrite, loadCampaign } from '../file/campaignFile';
import { readIfExists } from '../file/readIfExists';
import { blockBody, findBlock, removeBlock, upsertBlock, type DeliveryMode } from './claudeMdBlock';
import {
  HOOK_COMMAND,
  hasSessionStartHook,
  mergeSessionStartHook,
  settingsFileName,
  unmergeSessionStartHook,
  type SettingsScope,
} from './claudeSettings';
import { CampaignError } from '../model/problems';
import { PRIMER_RELATIVE_PATH, primerPathFor, projectRootFor, relativeToRoot, renderPrimerFile } from '../primer/primerFile';

export interface ConnectOptions {
  /** The campaign file (absolute path). */
  campaignPath: string;
  /** The project root (where CLAUDE.md lives); by default the folder holding the campaign's `.claude/`. */
  root?: string;
  /** Deliver the primer with a SessionStart hook instead of the CLAUDE.md import. */
  hook?: boolean;
  /** Also put the block into AGENTS.md (read by agents other than Claude Code). */
  agentsMd?: boolean;
  /** Which settings file takes the hook: .claude/settings.json (project) or settings.local.json (local). */
  settings?: SettingsScope;
  /** Replace (or, on disconnect, remove) a block a person edited. */
  force?: boolean;
  /** Token budget for the primer. */
  budget?: number;
}

export interface FileChange {
  /** Absolute path. */
  path: string;
  /** Relative to the project root, forward slashes. */
  relPath: string;
  change: 'created' | 'updated' | 'deleted' | 'unchanged';
  /** What happened, for people. */
  what: string;
  /** For updates and deletions by disconnect: true when the earlier bytes are provably restored. */
  exact?: boolean;
}

export interface ConnectResult {
  root: string;
  mode: DeliveryMode;
  changes: FileChange[];
}

interface PlannedWrite {
  path: string;
  /** New text; undefined deletes the file. */
  text: string | undefined;
  change: FileChange;
}

/** Where a write really lands: through a symlink (CLAUDE.md is often a link to AGENTS.md) to its target. */
async function realTarget(path: string): Promise<string> {
  try {
    return await fs.realpath(path);
  } catch {
    return path;
  }
}

function insideRoot(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

function settingsPath(root: string, scope: SettingsScope): string {
  return join(root, '.claude', settingsFileName(scope));
}

const SCOPES: SettingsScope[] = ['project', 'local'];
const INSTRUCTION_FILES = ['CLAUDE.md', 'AGENTS.md'] as const;

/** Works out every file connect would write; throws (having written nothing) when it must not. */
export async function planConnect(options: ConnectOptions): Promise<{ root: string; mode: DeliveryMode; writes: PlannedWrite[] }> {
  const root = options.root ?? projectRootFor(options.campaignPath);
  if (!insideRoot(root, options.campaignPath)) {
    throw new CampaignError(`The campaign file ${options.campaignPath} is not inside the project folder ${root}; connect it from the project it belongs to.`);
  }
  const campaignRelPath = relativeToRoot(root, options.campaignPath);
  const mode: DeliveryMode = options.hook ? 'hook' : 'import';
  const body = blockBody({ mode, campaignRelPath, primerRelPath: PRIMER_RELATIVE_PATH });
  const { doc } = await loadCampaign(options.campaignPath);
  const primerText = renderPrimerFile(doc.model, {
    campaignRelPath,
    ...(options.budget !== undefined ? { budget: options.budget } : {}),
  });

  const writes: PlannedWrite[] = [];
  const plan = (path: string, before: string | undefined, text: string | undefined, what: string, exact?: boolean) => {
    const change: FileChange = {
      path,
      relPath: relativeToRoot(root, path),
      change: text === undefined ? (before === undefined ? 'unchanged' : 'deleted') : before === undefined ? 'created' : before === text ? 'unchanged' : 'updated',
      what,
    };
    if (exact !== undefined) change.exact = exact;
    writes.push({ path, text, change });
  };

  const primerPath = primerPathFor(root);
  const primerBefore = await readIfExists(primerPath);
  plan(primerPath, primerBefore, primerText, 'the generated primer');

  // Settings first: their errors (invalid JSON) are the likeliest reason to stop.
  const scope = options.settings ?? 'project';
  for (const s of SCOPES) {
    const path = settingsPath(root, s);
    const before = await readIfExists(path);
    const name = relativeToRoot(root, path);
    if (options.hook && s === scope) {
      const merged = mergeSessionStartHook(before, name);
      plan(path, before, merged.text, merged.changed ? 'SessionStart hook added' : 'SessionStart hook already there');
    } else if (before !== undefined && before.includes('campaign-primer.md') && hasHookTolerant(before, name)) {
      // Delivered another way now: a hook left by an earlier connect would hand the primer over twice.
      const out = unmergeSessionStartHook(before, name);
      plan(path, before, out.text, 'SessionStart hook removed (the primer now arrives another way)', out.exact);
    }
  }

  const seen = new Set<string>();
  for (const name of INSTRUCTION_FILES) {
    const path = join(root, name);
    const real = await realTarget(path);
    if (seen.has(real)) continue; // AGENTS.md linked to CLAUDE.md (or back): one file, one block
    seen.add(real);
    const before = await readIfExists(path);
    const wanted = name === 'CLAUDE.md' || options.agentsMd === true || (before !== undefined && findBlock(before, name) !== undefined);
    if (!wanted) continue;
    const out = upsertBlock(before, body, { force: options.force === true, file: name });
    const what = out.replacedEdited ? 'Campaign block replaced (hand edits discarded: --force)' : before === undefined ? 'Campaign block' : out.changed ? 'Campaign block written' : 'Campaign block already current';
    plan(path, before, out.text, what);
  }
  return { root, mode, writes };
}

/** hasSessionStartHook that reports a file it cannot parse as "has the hook" so the parse error surfaces. */
function hasHookTolerant(text: string, name: string): boolean {
  try {
    return hasSessionStartHook(text, name);
  } catch {
    return text.includes(JSON.stringify(HOOK_COMMAND).slice(1, -1));
  }
}

async function applyWrites(writes: PlannedWrite[]): Promise<void> {
  for (const w of writes) {
    if (w.change.change === 'unchanged') continue;
    const target = await realTarget(w.path);
    if (w.text === undefined) {
      await fs.rm(target, { force: true });
      if (target !== w.path) await fs.rm(w.path, { force: true });
      continue;
    }
    await fs.mkdir(dirname(target), { recursive: true });
    let mode: number | undefined;
    try {
      mode = (await fs.stat(target)).mode & 0o777;
    } catch {
      mode = undefined;
    }
    await atomicWrite(target, w.text, mode);
  }
}

/** Connects the project: primer file, CLAUDE.md block (AGENTS.md too on request), and the hook in hook mode. */
export async function connect(options: ConnectOptions): Promise<ConnectResult> {
  const { root, mode, writes } = await planConnect(options);
  await applyWrites(writes);
  return { root, mode, changes: writes.map((w) => w.change) };
}

export interface DisconnectOptions {
  /** The project root. */
  root: string;
  /** Remove a block a person edited. */
  force?: boolean;
}

export interface DisconnectResult {
  root: string;
  changes: FileChange[];
}

/** Works out what disconnect would write; throws (having written nothing) when it must not. */
export async function planDisconnect(options: DisconnectOptions): Promise<PlannedWrite[]> {
  const root = options.root;
  const writes: PlannedWrite[] = [];
  const plan = (path: string, before: string, text: string | undefined, what: string, exact: boolean) => {
    writes.push({
      path,
      text,
      change: { path, relPath: relativeToRoot(root, path), change: text === undefined ? 'deleted' : text === before ? 'unchanged' : 'updated', what, exact },
    });
  };
  const seen = new Set<string>();
  for (const name of INSTRUCTION_FILES) {
    const path = join(root, name);
    const real = await realTarget(path);
    if (seen.has(real)) continue;
    seen.add(real);
    const before = await readIfExists(path);
    if (before === undefined) continue;
    const out = removeBlock(before, { force: options.force === true, file: name });
    if (!out.removed) continue;
    plan(path, before, out.text, out.text === undefined ? 'held only the Campaign block' : 'Campaign block removed', out.exact);
  }
  for (const s of SCOPES) {
    const path = settingsPath(root, s);
    const before = await readIfExists(path);
    if (before === undefined || !hasHookTolerant(before, relativeToRoot(root, path))) continue;
    const out = unmergeSessionStartHook(before, relativeToRoot(root, path));
    plan(path, before, out.text, out.text === undefined ? 'held only the SessionStart hook' : 'SessionStart hook removed', out.exact);
  }
  const primerPath = primerPathFor(root);
  const primer = await readIfExists(primerPath);
  if (primer !== undefined) plan(primerPath, primer, undefined, 'the generated primer', true);
  return writes;
}

/** Disconnects the project: removes exactly what connect added. */
export async function disconnect(options: DisconnectOptions): Promise<DisconnectResult> {
  const writes = await planDisconnect(options);
  await applyWrites(writes);
  return { root: options.root, changes: writes.map((w) => w.change) };
}
