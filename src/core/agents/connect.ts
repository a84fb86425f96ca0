// Job: connect a project to its coding agents, and disconnect it again.
//
// Connect writes the generated primer (.claude/campaign-primer.md) and the
// managed block into the instruction files agentTable.ts chooses, so every
// connected agent reads the session protocol exactly once; for Claude Code,
// the primer arrives through the block's `@` import or a SessionStart hook
// (a hook left in the other settings file by an earlier connect is taken
// out). With `mcp`, it registers the campaign MCP server where each connected
// agent looks for one (mcpRegistration.ts). Connecting adds to what is
// connected already: the agents found connected stay connected, and a file no
// longer needed (an agent now reached through AGENTS.md) is taken out.
//
// Disconnect removes exactly what connect added: files it touched get their
// earlier bytes back, files it created that hold nothing else are deleted,
// and where a person edited a file since, only Campaign's own lines go. Both
// plan every change first and write nothing if any file is in a state they
// must not touch (invalid JSON, a hand-edited block without force).
import { promises as fs } from 'node:fs';
import { dirname, isAbsolute, join, relative } from 'node:path';
import { atomicWrite, loadCampaign } from '../file/campaignFile';
import { readIfExists } from '../file/readIfExists';
import { CampaignError } from '../model/problems';
import { PRIMER_RELATIVE_PATH, projectRootFor, relativeToRoot, renderPrimerFile, sourceOf } from '../primer/primerFile';
import {
  AGENT_NAMES,
  CLINE_RULES_FILE,
  LOCATIONS,
  READER_LABELS,
  WINDSURF_TOTAL_MAX_CHARS,
  chooseLayout,
  type AgentName,
  type Location,
  type LocationId,
  type Reader,
} from './agentTable';
import { blockBody, claudeViaAgentsBody, findBlock, removeBlock, upsertBlock, type DeliveryMode } from './claudeMdBlock';
import { HOOK_COMMAND, LEGACY_HOOK_COMMANDS, hasSessionStartHook, mergeSessionStartHook, settingsFileName, unmergeSessionStartHook, type SettingsScope } from './claudeSettings';
import { addJson, hasJson, removeJson } from './jsonEdit';
import { parseJsonc } from './jsonText';
import { MCP_FILES, MCP_SNIPPETS, type McpSnippet } from './mcpRegistration';

export interface ConnectOptions {
  /** The campaign file (absolute path). */
  campaignPath: string;
  /** The project root (where CLAUDE.md lives); by default the folder holding the campaign's `.claude/`. */
  root?: string;
  /** The agents to connect (`claude` when absent, plus AGENTS.md with `agentsMd`). */
  agents?: readonly AgentName[];
  /** Claude Code: deliver the primer with a SessionStart hook instead of the CLAUDE.md import. */
  hook?: boolean;
  /** Without `hook`: keep Claude Code's delivery as it is (import unless a hook is there) instead of switching to the import. */
  keepDelivery?: boolean;
  /** Also connect AGENTS.md (the same as naming `agents-md`). */
  agentsMd?: boolean;
  /** Which settings file takes the hook: .claude/settings.json (project) or settings.local.json (local). */
  settings?: SettingsScope;
  /** Register the campaign MCP server for the connected agents. */
  mcp?: boolean;
  /** With `mcp`: leave approving the server and its tools to Claude Code's own prompts. */
  ask?: boolean;
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
  /** Every agent connected now, after this connect. */
  agents: AgentName[];
  /** Each agent that reads the block, and the file it reads it from. */
  reach: { reader: Reader; label: string; file: string }[];
  /** Limits an agent will enforce that the files now pass. */
  warnings: string[];
  /** MCP configuration a person adds by hand (per-user files), with `mcp`. */
  snippets: McpSnippet[];
}

interface PlannedWrite {
  path: string;
  /** New text; undefined deletes the file. */
  text: string | undefined;
  change: FileChange;
}

async function kindOf(path: string): Promise<'file' | 'dir' | undefined> {
  try {
    return (await fs.stat(path)).isDirectory() ? 'dir' : 'file';
  } catch {
    return undefined;
  }
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

const SCOPES: SettingsScope[] = ['project', 'local'];

/** The name a location's block stands for (what a later connect keeps connected). */
const LOCATION_NAME: Record<LocationId, AgentName> = {
  'claude-md': 'claude',
  'agents-md': 'agents-md',
  'gemini-md': 'gemini',
  copilot: 'copilot',
  cursor: 'cursor',
  windsurf: 'windsurf',
  cline: 'cline',
  kiro: 'kiro',
};

/** Every change to one project's files, gathered before anything is written; a file edited twice is planned once. */
class Plan {
  private readonly files = new Map<string, { before: string | undefined; text: string | undefined; whats: string[]; exact?: boolean; order: number }>();

  constructor(readonly root: string) {}

  abs(rel: string): string {
    return join(this.root, ...rel.split('/'));
  }

  /** The file's text as planned so far. */
  async text(rel: string): Promise<string | undefined> {
    const f = this.files.get(rel);
    return f ? f.text : readIfExists(this.abs(rel));
  }

  async set(rel: string, text: string | undefined, what: string, exact?: boolean): Promise<void> {
    const f = this.files.get(rel);
    if (f) {
      if (f.text !== text) f.whats.push(what);
      f.text = text;
      if (exact === false) f.exact = false;
      return;
    }
    const before = await readIfExists(this.abs(rel));
    const entry: { before: string | undefined; text: string | undefined; whats: string[]; exact?: boolean; order: number } = { before, text, whats: [what], order: this.files.size };
    if (exact !== undefined) entry.exact = exact;
    this.files.set(rel, entry);
  }

  writes(): PlannedWrite[] {
    return [...this.files.entries()]
      .sort((a, b) => a[1].order - b[1].order)
      .map(([rel, f]) => {
        const change: FileChange = {
          path: this.abs(rel),
          relPath: rel,
          change: f.text === undefined ? (f.before === undefined ? 'unchanged' : 'deleted') : f.before === undefined ? 'created' : f.before === f.text ? 'unchanged' : 'updated',
          what: f.whats.join('; '),
        };
        if (f.exact !== undefined) change.exact = f.exact;
        return { path: change.path, text: f.text, change };
      });
  }
}

interface FolderState {
  /** Cline's place: the .clinerules folder (a file Campaign owns in it), or a block in a .clinerules file. */
  cline: Location;
  /** Locations in the order connect and disconnect visit them, with Cline's resolved. */
  locations: Location[];
  /** CLAUDE.md and AGENTS.md are one file (a link). */
  sameFile: boolean;
  claudeMdExists: boolean;
  clinerulesExisting: boolean;
  geminiReadsAgentsMd: boolean;
  otherRulesForCline: boolean;
}

async function folderState(root: string): Promise<FolderState> {
  const at = (rel: string) => join(root, ...rel.split('/'));
  const cline = (await kindOf(at('.clinerules'))) === 'file' ? CLINE_RULES_FILE : LOCATIONS.cline;
  const locations = (Object.keys(LOCATIONS) as LocationId[]).map((id) => (id === 'cline' ? cline : LOCATIONS[id]));
  const claudeReal = await realTarget(at('CLAUDE.md'));
  const agentsReal = await realTarget(at('AGENTS.md'));
  const sameFile = claudeReal === agentsReal;
  let claudeMdExists = false;
  for (const rel of ['CLAUDE.md', '.claude/CLAUDE.md', 'CLAUDE.local.md']) if ((await kindOf(at(rel))) !== undefined) claudeMdExists = true;
  let geminiReadsAgentsMd = false;
  try {
    const gemini = parseJsonc((await readIfExists(at('.gemini/settings.json'))) ?? '{}') as { context?: { fileName?: unknown } };
    const names = gemini.context?.fileName;
    geminiReadsAgentsMd = names === 'AGENTS.md' || (Array.isArray(names) && names.includes('AGENTS.md'));
  } catch {
    geminiReadsAgentsMd = false;
  }
  const otherRulesForCline = (await kindOf(at('.cursor/rules'))) === 'dir' || (await kindOf(at('.windsurf/rules'))) === 'dir';
  return { cline, locations, sameFile, claudeMdExists, clinerulesExisting: (await kindOf(at('.clinerules'))) !== undefined, geminiReadsAgentsMd, otherRulesForCline };
}

/** The Campaign block of a file, tolerating a malformed one (it counts as present; the write reports it). */
function hasBlock(text: string | undefined, file: string): boolean {
  if (text === undefined) return false;
  try {
    return findBlock(text, file) !== undefined;
  } catch {
    return true;
  }
}

/** hasSessionStartHook that reports a file it cannot parse as "has the hook" so the parse error surfaces. */
function hasHookTolerant(text: string, name: string): boolean {
  try {
    return hasSessionStartHook(text, name);
  } catch {
    return [HOOK_COMMAND, ...LEGACY_HOOK_COMMANDS].some((c) => text.includes(JSON.stringify(c).slice(1, -1)));
  }
}

/** The agents connected already: a block in their file, or the campaign server in their MCP file. */
async function connectedNames(plan: Plan, state: FolderState): Promise<AgentName[]> {
  const names = new Set<AgentName>();
  for (const loc of state.locations) if (hasBlock(await plan.text(loc.path), loc.path)) names.add(LOCATION_NAME[loc.id]);
  for (const file of MCP_FILES) {
    if (file.for.includes('claude')) continue;
    const text = await plan.text(file.path);
    try {
      if (text !== undefined && file.additions.every((a) => hasJson(text, a, file.path))) file.for.forEach((n) => names.add(n));
    } catch {
      /* an unreadable file connects nothing */
    }
  }
  return [...names];
}

/** The agent names a connect asks for, `all` expanded. */
export function expandAgents(names: readonly (AgentName | 'all')[]): AgentName[] {
  return names.includes('all') ? [...AGENT_NAMES] : [...new Set(names as AgentName[])];
}

/** Which settings file holds Campaign's hook now, if one does. */
async function hookScope(plan: Plan): Promise<SettingsScope | undefined> {
  for (const s of SCOPES) {
    const rel = `.claude/${settingsFileName(s)}`;
    const text = await plan.text(rel);
    if (text !== undefined && hasHookTolerant(text, rel)) return s;
  }
  return undefined;
}

async function setOwnedFile(plan: Plan, loc: Location, body: string, force: boolean): Promise<void> {
  const before = await plan.text(loc.path);
  const base = before ?? loc.frontMatter ?? '';
  const out = upsertBlock(base === '' ? undefined : base, body, { force, file: loc.path });
  await plan.set(loc.path, out.text, before === undefined ? 'Campaign rule file' : out.changed ? 'Campaign block written' : 'Campaign block already current');
}

/** Takes the block out of a location (deleting a file Campaign owns, or created, when nothing else is in it). */
async function clearLocation(plan: Plan, loc: Location, force: boolean, what: string): Promise<void> {
  const before = await plan.text(loc.path);
  if (before === undefined || !hasBlock(before, loc.path)) return;
  const out = removeBlock(before, { force, file: loc.path });
  if (!out.removed) return;
  let text = out.text;
  let exact = out.exact;
  if (loc.owner === 'campaign') {
    const rest = text ?? '';
    if (rest === (loc.frontMatter ?? '') || rest.trim() === '') {
      text = undefined;
    } else exact = false;
  }
  await plan.set(loc.path, text, text === undefined ? (loc.owner === 'campaign' ? 'Campaign rule file removed' : 'held only the Campaign block') : what, exact);
}

/** Works out every file connect would write; throws (having written nothing) when it must not. */
export async function planConnect(options: ConnectOptions): Promise<{ root: string; mode: DeliveryMode; writes: PlannedWrite[]; result: Omit<ConnectResult, 'changes' | 'root' | 'mode'> }> {
  const root = options.root ?? projectRootFor(options.campaignPath);
  if (!insideRoot(root, options.campaignPath)) {
    throw new CampaignError(`The campaign file ${options.campaignPath} is not inside the project folder ${root}; connect it from the project it belongs to.`);
  }
  const campaignRelPath = relativeToRoot(root, options.campaignPath);
  const loaded = await loadCampaign(options.campaignPath);
  const primerText = renderPrimerFile(loaded.doc.model, {
    campaignRelPath,
    ...(options.budget !== undefined ? { budget: options.budget } : {}),
    source: sourceOf(loaded, options.budget),
  });
  const plan = new Plan(root);
  const state = await folderState(root);
  const force = options.force === true;

  const requested = options.agents ? expandAgents(options.agents) : ['claude' as AgentName];
  if (options.agentsMd && !requested.includes('agents-md')) requested.push('agents-md');
  const names = [...new Set([...requested, ...(await connectedNames(plan, state))])];
  const layout = chooseLayout(names, state, state.sameFile);
  if (!layout) {
    throw new CampaignError(`Campaign cannot hand ${names.join(', ')} the session protocol exactly once with the files in this folder; see docs/agents.md for which agent reads which file.`);
  }

  // Claude Code's delivery: asked for, or (when this connect is not about Claude) as it is now.
  const existingScope = await hookScope(plan);
  const hook = options.hook ?? (requested.includes('claude') && !options.keepDelivery ? false : existingScope !== undefined);
  const mode: DeliveryMode = hook ? 'hook' : 'import';
  const scope = options.settings ?? (options.hook === undefined && existingScope ? existingScope : 'project');

  await plan.set(PRIMER_RELATIVE_PATH, primerText, 'the generated primer');

  // Settings first: their errors (invalid JSON) are the likeliest reason to stop.
  if (names.includes('claude')) {
    for (const s of SCOPES) {
      const rel = `.claude/${settingsFileName(s)}`;
      const before = await plan.text(rel);
      if (hook && s === scope) {
        const merged = mergeSessionStartHook(before, rel);
        await plan.set(rel, merged.text, merged.changed ? 'SessionStart hook added' : 'SessionStart hook already there');
      } else if (before !== undefined && hasHookTolerant(before, rel)) {
        // Delivered another way now: a hook left by an earlier connect would hand the primer over twice.
        const out = unmergeSessionStartHook(before, rel);
        await plan.set(rel, out.text, 'SessionStart hook removed (the primer now arrives another way)', out.exact);
      }
    }
  }

  const readBody = blockBody({ mode: 'read', campaignRelPath, primerRelPath: PRIMER_RELATIVE_PATH });
  // CLAUDE.md linked to AGENTS.md (or back) is one file: it gets one block, Claude's when Claude is connected.
  const linked = (id: LocationId) => state.sameFile && (id === 'claude-md' || id === 'agents-md');
  const linkedCarried = layout.locations.includes('claude-md') || layout.locations.includes('agents-md');
  let linkedDone = false;
  for (const loc of state.locations) {
    if (linked(loc.id)) {
      if (linkedDone) continue;
      if (linkedCarried && !layout.locations.includes(loc.id)) continue; // the other name of the file carries it
      linkedDone = true;
    }
    if (!layout.locations.includes(loc.id)) {
      await clearLocation(plan, loc, force, 'Campaign block removed (the agents reading it get it from another file now)');
      continue;
    }
    let body = readBody;
    if (loc.id === 'claude-md') {
      body = layout.claudeViaAgents ? claudeViaAgentsBody(mode, PRIMER_RELATIVE_PATH) : blockBody({ mode, campaignRelPath, primerRelPath: PRIMER_RELATIVE_PATH });
    }
    if (loc.owner === 'campaign') {
      await setOwnedFile(plan, loc, body, force);
      continue;
    }
    const before = await plan.text(loc.path);
    const out = upsertBlock(before, body, { force, file: loc.path });
    const what = out.replacedEdited ? 'Campaign block replaced (hand edits discarded: --force)' : before === undefined ? 'Campaign block' : out.changed ? 'Campaign block written' : 'Campaign block already current';
    await plan.set(loc.path, out.text, what);
  }

  const snippets: McpSnippet[] = [];
  if (options.mcp) {
    for (const file of MCP_FILES) {
      if (!file.for.some((n) => names.includes(n)) || (file.approval && options.ask)) continue;
      let text = await plan.text(file.path);
      const conflicts: string[] = [];
      for (const a of file.additions) {
        const out = addJson(text, a, file.path);
        if (out.conflict !== undefined) conflicts.push(`${file.path} already has a "${a.path.join('.')}" of its own; it was left as it is`);
        text = out.text;
      }
      if (conflicts.length) throw new CampaignError(`${conflicts.join('; ')}. Rename or remove it, then connect again.`);
      await plan.set(file.path, text, file.what);
    }
    for (const s of MCP_SNIPPETS) if (names.includes(s.for)) snippets.push({ agent: s.agent, file: s.file, text: s.text });
  }

  const writes = plan.writes();
  const warnings = await limitWarnings(root, writes);
  const reach = layout.reach.map((r) => ({ reader: r.reader, label: READER_LABELS[r.reader], file: (r.via === 'cline' ? state.cline : LOCATIONS[r.via]).path }));
  return { root, mode, writes, result: { agents: names, reach, warnings, snippets } };
}

/** The agents' own limits: Windsurf reads 6,000 characters of a rule file and 12,000 in all; Codex 32 KiB of AGENTS.md. */
async function limitWarnings(root: string, writes: PlannedWrite[]): Promise<string[]> {
  const warnings: string[] = [];
  const textOf = (rel: string) => writes.find((w) => w.change.relPath === rel)?.text;
  const agents = textOf('AGENTS.md');
  if (agents !== undefined && Buffer.byteLength(agents) > LOCATIONS['agents-md'].maxChars!) {
    warnings.push(`AGENTS.md is ${Buffer.byteLength(agents)} bytes; Codex reads only the first 32 KiB, so the Campaign block at its end may be cut. Move the block up, or shorten the file.`);
  }
  const rules = join(root, '.windsurf', 'rules');
  let names: string[] = [];
  try {
    names = (await fs.readdir(rules)).filter((n) => n.endsWith('.md'));
  } catch {
    names = [];
  }
  const ours = textOf(LOCATIONS.windsurf.path);
  let total = ours?.length ?? 0;
  for (const n of names) if (`.windsurf/rules/${n}` !== LOCATIONS.windsurf.path) total += ((await readIfExists(join(rules, n))) ?? '').length;
  if (ours !== undefined && total > WINDSURF_TOTAL_MAX_CHARS) {
    warnings.push(`Windsurf's rules come to ${total} characters with Campaign's; Windsurf reads ${WINDSURF_TOTAL_MAX_CHARS} in all, so some may be dropped.`);
  }
  return warnings;
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

/** Connects the project: primer file, the block where each agent reads it, the hook in hook mode, MCP registration with `mcp`. */
export async function connect(options: ConnectOptions): Promise<ConnectResult> {
  const { root, mode, writes, result } = await planConnect(options);
  const created = await missingFolders(root, writes);
  await applyWrites(writes);
  await recordCreatedFolders(root, created);
  await tidyCreatedFolders(root);
  return { root, mode, changes: writes.map((w) => w.change), ...result };
}

// Folders connect creates (.cursor/rules …) are noted so disconnect removes only those, and only when empty.
const CREATED_FOLDERS_NOTE = '.claude/campaign-connect-folders';

async function missingFolders(root: string, writes: PlannedWrite[]): Promise<string[]> {
  const out = new Set<string>();
  for (const w of writes) {
    if (w.text === undefined) continue;
    for (let d = dirname(w.change.relPath); d !== '.' && d !== '.claude'; d = dirname(d)) {
      if ((await kindOf(join(root, d))) === undefined) out.add(d);
    }
  }
  return [...out];
}

async function recordCreatedFolders(root: string, folders: string[]): Promise<void> {
  if (folders.length === 0) return;
  const path = join(root, ...CREATED_FOLDERS_NOTE.split('/'));
  const known = ((await readIfExists(path)) ?? '').split('\n').filter(Boolean);
  const all = [...new Set([...known, ...folders])].sort();
  await atomicWrite(path, all.join('\n') + '\n');
}

/** Removes the folders connect created that are empty now (a rule file moved to AGENTS.md), deepest first; the note keeps the rest. */
async function tidyCreatedFolders(root: string): Promise<void> {
  const path = join(root, ...CREATED_FOLDERS_NOTE.split('/'));
  const noted = ((await readIfExists(path)) ?? '').split('\n').filter(Boolean);
  if (noted.length === 0) return;
  const left: string[] = [];
  for (const rel of [...noted].sort((a, b) => b.length - a.length)) {
    if (!isPlainFolder(rel)) continue;
    try {
      await fs.rmdir(join(root, ...rel.split('/')));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') left.push(rel); // not empty: still in use
    }
  }
  if (left.length === 0) await fs.rm(path, { force: true });
  else if (left.length !== noted.length) await atomicWrite(path, left.sort().join('\n') + '\n');
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
  const plan = new Plan(root);
  const state = await folderState(root);
  const force = options.force === true;
  const seen = new Set<string>();
  for (const loc of state.locations) {
    const real = await realTarget(plan.abs(loc.path));
    if (seen.has(real)) continue; // AGENTS.md linked to CLAUDE.md (or back): one file, one block
    seen.add(real);
    await clearLocation(plan, loc, force, 'Campaign block removed');
  }
  // Settings: the hook and the MCP approval, each undone in whichever order restores the bytes exactly.
  const files = new Set<string>([...SCOPES.map((s) => `.claude/${settingsFileName(s)}`), ...MCP_FILES.map((f) => f.path)]);
  for (const rel of files) {
    let text = await plan.text(rel);
    if (text === undefined) continue;
    type Remover = { what: string; run: (t: string) => { text: string | undefined; changed: boolean; exact: boolean } };
    const removers: Remover[] = [];
    if (rel.startsWith('.claude/settings') && hasHookTolerant(text, rel)) removers.push({ what: 'the SessionStart hook', run: (t) => unmergeSessionStartHook(t, rel) });
    for (const f of MCP_FILES.filter((m) => m.path === rel)) {
      for (const a of f.additions) removers.push({ what: a.path[0] === 'mcpServers' ? 'the campaign MCP server' : 'the campaign MCP approval', run: (t) => removeJson(t, a, rel) });
    }
    let exact = true;
    const whats: string[] = [];
    while (text !== undefined && removers.length > 0) {
      const tries = removers.map((r) => r.run(text!));
      let i = tries.findIndex((t) => t.changed && t.exact);
      if (i < 0) i = tries.findIndex((t) => t.changed);
      if (i < 0) break;
      if (!tries[i]!.exact) exact = false;
      text = tries[i]!.text;
      if (!whats.includes(removers[i]!.what)) whats.push(removers[i]!.what);
      removers.splice(i, 1);
    }
    if (whats.length === 0) continue;
    const list = whats.join(' and ');
    const what = text === undefined ? `held only ${list}` : `${list.charAt(0).toUpperCase()}${list.slice(1)} removed`.replace(/^The s/, 'S').replace(/^The c/, 'C');
    await plan.set(rel, text, what, exact);
  }
  const primer = await plan.text(PRIMER_RELATIVE_PATH);
  if (primer !== undefined) await plan.set(PRIMER_RELATIVE_PATH, undefined, 'the generated primer', true);
  const note = await plan.text(CREATED_FOLDERS_NOTE);
  if (note !== undefined) await plan.set(CREATED_FOLDERS_NOTE, undefined, 'the folders connect created', true);
  return plan.writes().filter((w) => w.change.change !== 'unchanged');
}

/** Disconnects the project: removes exactly what connect added. */
export async function disconnect(options: DisconnectOptions): Promise<DisconnectResult> {
  const writes = await planDisconnect(options);
  // The note goes last, after the folders it lists that are empty now.
  await applyWrites(writes.filter((w) => w.change.relPath !== CREATED_FOLDERS_NOTE));
  await tidyCreatedFolders(options.root);
  await fs.rm(join(options.root, ...CREATED_FOLDERS_NOTE.split('/')), { force: true });
  return { root: options.root, changes: writes.map((w) => w.change).filter((c) => c.relPath !== CREATED_FOLDERS_NOTE) };
}

const isPlainFolder = (rel: string) => /^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/.test(rel) && !rel.split('/').includes('..');
