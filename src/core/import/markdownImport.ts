// Importing a campaign kept as Markdown, in the layout the seed article shows:
//
//   # Campaign: NAME
//   ## Identity            - Purpose: / - Tech Stack: / - Constraints:
//   ## Active Session      - Started: / - Focus: / - Blockers:
//   ## Build Log           ### DATE: title, then - lines; - Decision: lines
//   ## Remaining Work      1. [HIGH] title
//   ## Decisions Log       | Date | Decision | Rationale |
//   ## Constraints         - lines
//   ## Handoff Notes       - Next session: …, then - lines
//
// into schema v1 data for renderCampaignFile. Nothing is dropped silently:
// every non-blank line either lands in a field or is reported as unplaced
// (and kept in the file under `import_unplaced`, for a person to move).
// Template placeholders such as `[Date]` are read as "not filled in".
import { newId, type RandomSource } from '../model/ids';
import type { CampaignFile, Priority, WorkStatus } from '../model/model';

export interface ImportNote {
  /** 1-based line in the Markdown. */
  line: number;
  text: string;
  /** The section it was in ('' before the first section). */
  section: string;
  reason: string;
}

export interface MarkdownImportResult {
  data: CampaignFile;
  /** Lines that could not be placed in any field. */
  unplaced: ImportNote[];
  /** Template placeholders read as empty fields. */
  placeholders: ImportNote[];
  /** Lists whose entries were newest-first in the Markdown and were turned newest-last. */
  reordered: string[];
}

export interface MarkdownImportOptions {
  random?: RandomSource;
}

type SectionKind = 'identity' | 'session' | 'build' | 'work' | 'decisions' | 'constraints' | 'handoff' | 'unknown' | 'preamble';

const SECTION_NAMES: Record<string, SectionKind> = {
  identity: 'identity',
  'project identity': 'identity',
  'active session': 'session',
  'current session': 'session',
  session: 'session',
  'build log': 'build',
  'remaining work': 'work',
  'remaining tasks': 'work',
  'decisions log': 'decisions',
  'decision log': 'decisions',
  decisions: 'decisions',
  constraints: 'constraints',
  'handoff notes': 'handoff',
  handoff: 'handoff',
};

const LIST_ITEM = /^(\s*)(?:[-*+]|\d+[.)])\s+(.*)$/;
const PLACEHOLDER = /^\[[^\]]*\]$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}/;

/** `Key: value`, `**Key:** value` or `**Key**: value` → [normalized key, value]. */
function keyValue(item: string): [string, string] | undefined {
  const plain = item.replace(/^(\*\*|__)([^*_]+?)\s*:\s*\1\s*/, '$2: ').replace(/^(\*\*|__)([^*_]+?)\1\s*:/, '$2:');
  const m = /^([A-Za-z][A-Za-z /_-]{0,30}?)\s*:\s*(.*)$/.exec(plain);
  if (!m) return undefined;
  return [m[1]!.trim().toLowerCase().replace(/[\s_-]+/g, ' '), m[2]!.trim()];
}

function splitList(value: string): string[] {
  return value
    .split(/\s*[,;]\s*/)
    .map((s) => s.trim())
    .filter(Boolean);
}

function isNone(value: string): boolean {
  return /^(none|n\/a|-|—|nothing)\.?$/i.test(value.trim());
}

interface WorkTags {
  priority?: Priority;
  status?: WorkStatus;
  title: string;
}

/** Reads `[HIGH] title`, `[x] title`, `[HIGH][DONE] title`, `~~title~~`. */
function workTags(raw: string): WorkTags {
  let rest = raw.trim();
  const out: WorkTags = { title: '' };
  for (;;) {
    const m = /^\[([^\]]*)\]\s*/.exec(rest);
    if (!m) break;
    const tag = m[1]!.trim().toLowerCase().replace(/[\s-]+/g, '_');
    if (tag === 'high' || tag === 'medium' || tag === 'low' || tag === 'med') out.priority = tag === 'med' ? 'medium' : tag;
    else if (tag === 'x' || tag === 'done') out.status = 'done';
    else if (tag === '' || tag === 'todo') out.status ??= 'todo';
    else if (tag === 'blocked') out.status = 'blocked';
    else if (tag === 'in_progress' || tag === 'wip' || tag === 'doing') out.status = 'in_progress';
    else break;
    rest = rest.slice(m[0].length);
  }
  const struck = /^~~(.+)~~$/.exec(rest);
  if (struck) {
    rest = struck[1]!;
    out.status = 'done';
  }
  out.title = rest.trim();
  return out;
}

function splitTableRow(line: string): string[] {
  let s = line.trim();
  if (s.startsWith('|')) s = s.slice(1);
  if (s.endsWith('|') && !s.endsWith('\\|')) s = s.slice(0, -1);
  const cells: string[] = [];
  let cell = '';
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '\\' && s[i + 1] === '|') {
      cell += '|';
      i++;
    } else if (s[i] === '|') {
      cells.push(cell.trim());
      cell = '';
    } else cell += s[i];
  }
  cells.push(cell.trim());
  return cells;
}

const DECISION_COLUMNS: Record<string, 'date' | 'decision' | 'rationale' | 'status' | 'id'> = {
  date: 'date',
  when: 'date',
  decision: 'decision',
  what: 'decision',
  rationale: 'rationale',
  reason: 'rationale',
  why: 'rationale',
  status: 'status',
  id: 'id',
};

/** True when the dates run newest first (all ISO dates, at least one step back). */
function newestFirst(dates: string[]): boolean {
  if (dates.length < 2 || !dates.every((d) => ISO_DATE.test(d))) return false;
  let descending = false;
  for (let i = 1; i < dates.length; i++) {
    if (dates[i]! > dates[i - 1]!) return false;
    if (dates[i]! < dates[i - 1]!) descending = true;
  }
  return descending;
}

interface BuildEntry {
  date: string;
  title?: string;
  accomplishments: string[];
  decisions: string[];
}

interface WorkEntry {
  id: string;
  title: string;
  priority: Priority;
  status: WorkStatus;
  notes?: string;
}

interface DecisionEntry {
  id?: string;
  date: string;
  decision: string;
  rationale: string;
  status?: string;
}

export function importMarkdown(markdown: string, options: MarkdownImportOptions = {}): MarkdownImportResult {
  const random = options.random;
  const lines = markdown.replace(/^\ufeff/, '').split(/\r?\n/);
  const unplaced: ImportNote[] = [];
  const placeholders: ImportNote[] = [];

  let name = '';
  let purpose = '';
  let techStack: string[] = [];
  const constraints: string[] = [];
  let started = '';
  let focus = '';
  let blockers: string[] = [];
  const build: BuildEntry[] = [];
  const work: WorkEntry[] = [];
  const decisions: DecisionEntry[] = [];
  let nextSession = '';
  const notes: string[] = [];
  const workIds: string[] = [];
  const decisionIds: string[] = [];

  let kind: SectionKind = 'preamble';
  let section = '';
  let table: (keyof typeof DECISION_COLUMNS | string)[] | undefined;

  const miss = (i: number, reason: string) => unplaced.push({ line: i + 1, text: lines[i]!, section, reason });
  /** The value, or '' (noted) when it is a template placeholder like `[Date]`. */
  const filled = (i: number, value: string): string => {
    if (PLACEHOLDER.test(value.trim())) {
      placeholders.push({ line: i + 1, text: lines[i]!, section, reason: 'template placeholder, left empty' });
      return '';
    }
    return value.trim();
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const trimmed = line.trim();
    if (/^(```|~~~)/.test(trimmed)) {
      // A fence around the whole layout (as the article prints it) is formatting, not content.
      continue;
    }
    if (trimmed === '' || /^(-{3,}|\*{3,}|_{3,})$/.test(trimmed)) continue;

    const heading = /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(trimmed);
    if (heading) {
      const level = heading[1]!.length;
      const title = heading[2]!;
      if (level === 1) {
        const m = /^campaign\s*:\s*(.*)$/i.exec(title);
        const value = filled(i, m ? m[1]! : title);
        if (!name) name = value;
        else miss(i, 'a second top-level title');
        continue;
      }
      if (level === 2) {
        table = undefined;
        section = title.replace(/:$/, '');
        kind = SECTION_NAMES[section.toLowerCase().replace(/\s+/g, ' ')] ?? 'unknown';
        if (kind === 'unknown') miss(i, 'a section Campaign has no place for');
        continue;
      }
      if (kind === 'build' && level === 3) {
        const m = /^(.*?)\s*(?::|—|–|\s-\s)\s*(.*)$/.exec(title);
        const entry: BuildEntry = m
          ? { date: m[1]!.trim(), accomplishments: [], decisions: [] }
          : ISO_DATE.test(title)
            ? { date: title, accomplishments: [], decisions: [] }
            : { date: '', accomplishments: [], decisions: [] };
        const entryTitle = m ? m[2]!.trim() : ISO_DATE.test(title) ? '' : title;
        if (entryTitle) entry.title = entryTitle;
        build.push(entry);
        continue;
      }
      miss(i, kind === 'unknown' ? 'in a section Campaign has no place for' : 'a sub-heading Campaign has no place for');
      continue;
    }

    if (kind === 'unknown') {
      miss(i, 'in a section Campaign has no place for');
      continue;
    }
    if (kind === 'preamble') {
      miss(i, 'before the first section');
      continue;
    }

    if (kind === 'decisions' && trimmed.startsWith('|')) {
      const cells = splitTableRow(trimmed);
      if (!table) {
        table = cells.map((c) => DECISION_COLUMNS[c.toLowerCase()] ?? c);
        if (!table.includes('decision')) {
          miss(i, 'a table without a Decision column');
          table = undefined;
        }
        continue;
      }
      if (cells.every((c) => /^:?-{1,}:?$/.test(c))) continue;
      const d: DecisionEntry = { date: '', decision: '', rationale: '' };
      const extra: string[] = [];
      cells.forEach((cell, c) => {
        const col = table![c];
        if (col === 'date' || col === 'decision' || col === 'rationale') d[col] = cell;
        else if (col === 'status' && cell) d.status = cell.toLowerCase();
        else if (col === 'id' && cell) d.id = cell;
        else if (cell) extra.push(`${col ?? `column ${c + 1}`}: ${cell}`);
      });
      if (!d.decision) {
        miss(i, 'a table row without a decision');
        continue;
      }
      decisions.push(d);
      if (extra.length) unplaced.push({ line: i + 1, text: extra.join('; '), section, reason: 'table cells in a column Campaign has no place for' });
      continue;
    }

    const item = LIST_ITEM.exec(line);
    if (!item) {
      miss(i, 'not a list item');
      continue;
    }
    const indented = item[1]!.length > 0;
    const text = item[2]!.trim();

    switch (kind) {
      case 'identity':
      case 'session': {
        const kv = keyValue(text);
        if (!kv) {
          miss(i, 'not a "Key: value" line');
          break;
        }
        const [key, raw] = kv;
        const value = filled(i, raw);
        if (kind === 'identity') {
          if (key === 'purpose' || key === 'description') purpose = value;
          else if (key === 'tech stack' || key === 'stack' || key === 'technologies') techStack = splitList(value);
          else if (key === 'constraints' || key === 'constraint') {
            if (value) constraints.push(value);
          } else if (key === 'name' || key === 'project') name = name || value;
          else miss(i, `no identity field "${kv[0]}"`);
        } else {
          if (key === 'started' || key === 'start' || key === 'date') started = value;
          else if (key === 'focus' || key === 'goal') focus = value;
          else if (key === 'blockers' || key === 'blocker') blockers = value && !isNone(value) ? splitList(value) : [];
          else miss(i, `no session field "${kv[0]}"`);
        }
        break;
      }
      case 'build': {
        const entry = build[build.length - 1];
        if (!entry) {
          miss(i, 'a build-log line before the first "### DATE: title" entry');
          break;
        }
        const kv = keyValue(text);
        if (kv && (kv[0] === 'decision' || kv[0] === 'decided')) entry.decisions.push(kv[1]);
        else entry.accomplishments.push(text);
        break;
      }
      case 'work': {
        if (indented && work.length > 0) {
          const last = work[work.length - 1]!;
          last.notes = last.notes ? `${last.notes}; ${text}` : text;
          break;
        }
        const tags = workTags(text);
        if (!tags.title) {
          miss(i, 'a work item without a title');
          break;
        }
        const id = newId('w', workIds, random);
        workIds.push(id);
        work.push({ id, title: tags.title, priority: tags.priority ?? 'medium', status: tags.status ?? 'todo' });
        break;
      }
      case 'decisions': {
        // A list instead of a table: `DATE: decision — rationale`.
        const m = /^(?:(\d{4}-\d{2}-\d{2})\s*:?\s*)?(.*?)(?:\s+(?:—|–|--|because)\s+(.*))?$/.exec(text)!;
        decisions.push({ date: m[1] ?? '', decision: m[2]!.trim(), rationale: (m[3] ?? '').trim() });
        break;
      }
      case 'constraints':
        constraints.push(text);
        break;
      case 'handoff': {
        const kv = keyValue(text);
        if (kv && (kv[0] === 'next session' || kv[0] === 'next') && !nextSession) nextSession = filled(i, kv[1]);
        else notes.push(text);
        break;
      }
    }
  }

  const reordered: string[] = [];
  if (newestFirst(build.map((b) => b.date))) {
    build.reverse();
    reordered.push('build_log');
  }
  if (newestFirst(decisions.map((d) => d.date))) {
    decisions.reverse();
    reordered.push('decisions_log');
  }

  const decisionsLog = decisions.map((d) => {
    const id = d.id ?? newId('d', decisionIds, random);
    decisionIds.push(id);
    const out: Record<string, string> = { id, date: d.date, decision: d.decision, rationale: d.rationale };
    out.status = d.status === 'superseded' ? 'superseded' : 'active';
    return out as { id: string; date: string; decision: string; rationale: string; status: string };
  });

  const data: CampaignFile = {
    version: 1,
    identity: { name, purpose, tech_stack: techStack },
    constraints,
    active_session: focus || started ? { started, focus, blockers } : null,
    remaining_work: work.map((w) => ({ ...w })),
    build_log: build.map((b) => ({ date: b.date, ...(b.title ? { title: b.title } : {}), accomplishments: b.accomplishments, decisions: b.decisions })),
    decisions_log: decisionsLog,
    handoff_notes: { next_session: nextSession || null, notes },
  };
  if (unplaced.length > 0) {
    (data as Record<string, unknown>).import_unplaced = unplaced.map((u) => `line ${u.line}${u.section ? ` (${u.section})` : ''}: ${u.text.trim()}`);
  }
  return { data, unplaced, placeholders, reordered };
}
