// Job: which coding agent reads which instruction file, as data (the table in
// docs/agents.md), and the choice of files that hands every connected agent
// the Campaign block exactly once, with the fewest files.
//
// The reading rules are each agent's documented defaults; the two that
// depend on the folder are conditions: Claude Code reads AGENTS.md only where
// there is no CLAUDE.md, and Cline reads .cursor/rules and .windsurf/rules
// only where there is no .clinerules. Gemini CLI reads AGENTS.md too when
// .gemini/settings.json names it in `context.fileName`.

/** What `campaign connect --agent NAME` accepts (besides `all`). */
export type AgentName = 'claude' | 'agents-md' | 'copilot' | 'cursor' | 'windsurf' | 'gemini' | 'cline' | 'kiro';

export const AGENT_NAMES: readonly AgentName[] = ['claude', 'agents-md', 'copilot', 'cursor', 'windsurf', 'gemini', 'cline', 'kiro'];

/** The agents whose reading is checked: every one must get the block at most once, and each one connected exactly once. */
export type Reader = 'claude' | 'codex' | 'copilot' | 'cursor' | 'windsurf' | 'gemini' | 'cline' | 'kiro' | 'continue';

export const READERS: readonly Reader[] = ['claude', 'codex', 'copilot', 'cursor', 'windsurf', 'gemini', 'cline', 'kiro', 'continue'];

export const READER_LABELS: Record<Reader, string> = {
  claude: 'Claude Code',
  codex: 'Codex',
  copilot: 'GitHub Copilot (VS Code)',
  cursor: 'Cursor',
  windsurf: 'Windsurf',
  gemini: 'Gemini CLI',
  cline: 'Cline',
  kiro: 'Kiro',
  continue: 'Continue',
};

/** A place the Campaign block can go. */
export type LocationId = 'claude-md' | 'agents-md' | 'gemini-md' | 'copilot' | 'cursor' | 'windsurf' | 'cline' | 'kiro';

export interface Location {
  id: LocationId;
  /** Relative to the project root, forward slashes. */
  path: string;
  /** person: a file people write (Campaign keeps a block in it); campaign: a file Campaign owns whole. */
  owner: 'person' | 'campaign';
  /** Front matter a Campaign-owned rule file starts with (what makes the agent always apply it). */
  frontMatter?: string;
  /** The most characters the agent reads from this one file. */
  maxChars?: number;
}

export const LOCATIONS: Record<LocationId, Location> = {
  'claude-md': { id: 'claude-md', path: 'CLAUDE.md', owner: 'person' },
  'agents-md': { id: 'agents-md', path: 'AGENTS.md', owner: 'person', maxChars: 32 * 1024 },
  'gemini-md': { id: 'gemini-md', path: 'GEMINI.md', owner: 'person' },
  copilot: { id: 'copilot', path: '.github/copilot-instructions.md', owner: 'person' },
  cursor: { id: 'cursor', path: '.cursor/rules/campaign.mdc', owner: 'campaign', frontMatter: '---\ndescription: Campaign project memory (session protocol)\nalwaysApply: true\n---\n' },
  windsurf: { id: 'windsurf', path: '.windsurf/rules/campaign.md', owner: 'campaign', frontMatter: '---\ntrigger: always_on\n---\n', maxChars: 6_000 },
  cline: { id: 'cline', path: '.clinerules/campaign.md', owner: 'campaign' },
  kiro: { id: 'kiro', path: '.kiro/steering/campaign.md', owner: 'campaign', frontMatter: '---\ninclusion: always\n---\n' },
};

/** Where Cline's block goes when `.clinerules` is a single file a person wrote: a block inside it. */
export const CLINE_RULES_FILE: Location = { id: 'cline', path: '.clinerules', owner: 'person' };

/** Windsurf reads at most this many characters of rules in all. */
export const WINDSURF_TOTAL_MAX_CHARS = 12_000;

/** The location an agent name writes. */
export const OWN_LOCATION: Record<AgentName, LocationId> = {
  claude: 'claude-md',
  'agents-md': 'agents-md',
  copilot: 'copilot',
  cursor: 'cursor',
  windsurf: 'windsurf',
  gemini: 'gemini-md',
  cline: 'cline',
  kiro: 'kiro',
};

/** The agents a name connects. */
export const NAME_READERS: Record<AgentName, Reader[]> = {
  claude: ['claude'],
  'agents-md': ['codex', 'continue'],
  copilot: ['copilot'],
  cursor: ['cursor'],
  windsurf: ['windsurf'],
  gemini: ['gemini'],
  cline: ['cline'],
  kiro: ['kiro'],
};

/** Facts about the folder that change what an agent reads. */
export interface FolderFacts {
  /** CLAUDE.md, .claude/CLAUDE.md or CLAUDE.local.md exists (after the planned writes). */
  claudeMdExists: boolean;
  /** .clinerules (a folder or a file) exists (after the planned writes). */
  clinerulesExists: boolean;
  /** .gemini/settings.json lists AGENTS.md in context.fileName. */
  geminiReadsAgentsMd: boolean;
}

export interface ReadRule {
  reader: Reader;
  location: LocationId;
  /** The rule holds only when this is true of the folder. */
  when?: (f: FolderFacts) => boolean;
  /** How people change it, for docs/agents.md. */
  note?: string;
}

/** Who reads what, with each agent's default settings. */
export const READ_RULES: readonly ReadRule[] = [
  { reader: 'claude', location: 'claude-md' },
  { reader: 'claude', location: 'agents-md', when: (f) => !f.claudeMdExists, note: 'only without a CLAUDE.md (Project instructions setting: claude-md-and-agents-md reads both)' },
  { reader: 'codex', location: 'agents-md' },
  { reader: 'copilot', location: 'copilot' },
  { reader: 'copilot', location: 'agents-md', note: 'setting chat.useAgentsMdFile' },
  { reader: 'copilot', location: 'claude-md', note: 'setting chat.useClaudeMdFile' },
  { reader: 'cursor', location: 'cursor' },
  { reader: 'cursor', location: 'agents-md' },
  { reader: 'windsurf', location: 'windsurf' },
  { reader: 'windsurf', location: 'agents-md' },
  { reader: 'gemini', location: 'gemini-md' },
  { reader: 'gemini', location: 'agents-md', when: (f) => f.geminiReadsAgentsMd, note: 'only when .gemini/settings.json lists it in context.fileName' },
  { reader: 'cline', location: 'cline' },
  { reader: 'cline', location: 'agents-md' },
  { reader: 'cline', location: 'cursor', when: (f) => !f.clinerulesExists, note: 'only without .clinerules' },
  { reader: 'cline', location: 'windsurf', when: (f) => !f.clinerulesExists, note: 'only without .clinerules' },
  { reader: 'kiro', location: 'kiro' },
  { reader: 'kiro', location: 'agents-md' },
  { reader: 'continue', location: 'agents-md' },
];

/** The files carrying the block, and whether CLAUDE.md holds the protocol itself or imports AGENTS.md. */
export interface Layout {
  locations: LocationId[];
  /** True when CLAUDE.md's block imports AGENTS.md instead of holding the protocol. */
  claudeViaAgents: boolean;
}

/** How many times each agent reads the session protocol under a layout. `sameFile` says CLAUDE.md and AGENTS.md are one file (a link). */
export function readCounts(layout: Layout, facts: FolderFacts, sameFile = false): Record<Reader, number> {
  const carrying = new Set(layout.locations);
  // CLAUDE.md that only imports AGENTS.md carries no protocol of its own for agents that do not follow the import.
  const carries = (l: LocationId) => carrying.has(l) && !(l === 'claude-md' && layout.claudeViaAgents);
  const counts = {} as Record<Reader, number>;
  for (const r of READERS) counts[r] = 0;
  for (const reader of READERS) {
    const files = new Set<string>();
    for (const rule of READ_RULES) {
      if (rule.reader !== reader || (rule.when && !rule.when(facts))) continue;
      const viaImport = reader === 'claude' && rule.location === 'claude-md' && carrying.has('claude-md') && layout.claudeViaAgents;
      if (!carries(rule.location) && !viaImport) continue;
      // One file under two names (CLAUDE.md linked to AGENTS.md) is read once.
      files.add(viaImport || (sameFile && rule.location === 'claude-md') ? 'agents-md' : rule.location);
    }
    counts[reader] = files.size;
  }
  return counts;
}

function subsets<T>(items: T[]): T[][] {
  return items.reduce<T[][]>((all, item) => all.concat(all.map((s) => [...s, item])), [[]]);
}

export interface LayoutChoice extends Layout {
  /** The agents the chosen files reach, with each one's file. */
  reach: { reader: Reader; via: LocationId }[];
}

/**
 * The fewest files that hand every agent `names` connects the block exactly
 * once and no agent twice. AGENTS.md is used without being named only when
 * it saves a file or is the only way; an agent's own file is written only
 * when that agent is named. Undefined when no choice satisfies the rule.
 */
export interface LayoutFacts extends Omit<FolderFacts, 'clinerulesExists'> {
  /** .clinerules is there before connect. */
  clinerulesExisting: boolean;
  /** .cursor/rules or .windsurf/rules is there: Cline reads them only while there is no .clinerules. */
  otherRulesForCline?: boolean;
}

export function chooseLayout(names: readonly AgentName[], facts: LayoutFacts, sameFile = false): LayoutChoice | undefined {
  const named = new Set(names);
  const wanted = new Set(names.flatMap((n) => NAME_READERS[n]));
  const forced: LocationId[] = [];
  if (named.has('claude')) forced.push('claude-md');
  if (named.has('agents-md')) forced.push('agents-md');
  const optional = [...new Set<LocationId>(['agents-md', ...names.map((n) => OWN_LOCATION[n])])].filter((l) => !forced.includes(l));
  let best: { layout: Layout; cost: number } | undefined;
  for (const extra of subsets(optional)) {
    const locations = [...forced, ...extra];
    const layout: Layout = { locations, claudeViaAgents: locations.includes('claude-md') && locations.includes('agents-md') && !sameFile };
    const full: FolderFacts = {
      claudeMdExists: facts.claudeMdExists || locations.includes('claude-md'),
      clinerulesExists: facts.clinerulesExisting || locations.includes('cline'),
      geminiReadsAgentsMd: facts.geminiReadsAgentsMd,
    };
    const counts = readCounts(layout, full, sameFile);
    if (READERS.some((r) => counts[r] > 1 || (wanted.has(r) && counts[r] !== 1))) continue;
    let cost = locations.length + (locations.includes('agents-md') && !named.has('agents-md') ? 0.5 : 0);
    // Creating .clinerules/ would stop Cline reading a person's .cursor/rules and .windsurf/rules: AGENTS.md instead, where it does the job.
    if (locations.includes('cline') && !facts.clinerulesExisting && facts.otherRulesForCline) cost += 1;
    if (!best || cost < best.cost) best = { layout, cost };
  }
  if (!best) return undefined;
  const { layout } = best;
  const reach: { reader: Reader; via: LocationId }[] = [];
  const full: FolderFacts = {
    claudeMdExists: facts.claudeMdExists || layout.locations.includes('claude-md'),
    clinerulesExists: facts.clinerulesExisting || layout.locations.includes('cline'),
    geminiReadsAgentsMd: facts.geminiReadsAgentsMd,
  };
  for (const reader of READERS) {
    const rule = READ_RULES.find(
      (r) => r.reader === reader && (!r.when || r.when(full)) && layout.locations.includes(r.location) && !(r.location === 'claude-md' && layout.claudeViaAgents && reader !== 'claude'),
    );
    if (rule) reach.push({ reader, via: rule.location });
  }
  return { ...layout, reach };
}
