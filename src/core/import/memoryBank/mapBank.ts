// Job: map the files of a memory bank (or a Kiro tasks.md, or any Markdown
// checkbox list) into campaign data by the fixed heading table, recording for
// every entry the file and line it came from, and keeping every line that has
// no place, by file and line, under `import_unplaced`.
import { basename } from 'node:path';
import { newId, type RandomSource } from '../../model/ids';
import type { CampaignFile, Priority, WorkStatus } from '../../model/model';
import { localDate } from '../../operations/operation';
import { sameImportTitle } from '../titleMatch';
import { fileRole, type FileRole } from './bankLayout';
import { ADR_DECISION, ADR_REASON, decisionParts, LEADING_DATE, nameFromTitle } from './entryText';
import { markdownBlocks, splitLines, type MdBlock } from './markdownBlocks';
import { classifyHeading, cleanText, explicitPriority, findDate, headingTitle, statusMark, type HeadingRule, type Target } from './headingTable';

export interface BankFile {
  /** As shown in the report and in `import_unplaced` (e.g. `memory-bank/progress.md`). */
  name: string;
  text: string;
}

/** The campaign sections an import fills, as the report names them. */
export const IMPORT_SECTIONS = [
  'identity.name',
  'identity.purpose',
  'identity.tech_stack',
  'constraints',
  'remaining_work',
  'build_log',
  'decisions_log',
  'handoff_notes',
] as const;
export type ImportSection = (typeof IMPORT_SECTIONS)[number];

export interface Placement {
  section: ImportSection;
  file: string;
  line: number;
  /** 'part': a line of an entry (notes, rationale); 'repeat': an entry already imported from another line; else the work status. */
  detail?: string;
}

export interface UnplacedRange {
  file: string;
  first: number;
  last: number;
  /** The lines as written, with their numbers (blank lines left out). */
  lines: { line: number; text: string }[];
}

export interface BankImportResult {
  data: CampaignFile;
  placed: Placement[];
  unplaced: UnplacedRange[];
}

export interface BankImportOptions {
  /** The day undated accomplishments are logged under; default today. */
  now?: Date;
  random?: RandomSource;
}

/** Focus lines kept in the handoff notes (the first is `next_session`); the rest are unplaced. */
const FOCUS_NOTES_MAX = 6;
/** Texts that say nothing ("None currently identified") are kept as unplaced, never made into entries. */
const NOTHING = /^(none|n\/a|nothing|tbd|なし|特になし)\b/i;
const EMOJI_DONE = /^(✅|✔️?|☑️?|🟢|\[完了\])\s*/u;
const EMOJI_PROGRESS = /^(🚧|🔄|🏗️?)\s*/u;
const EMOJI_OPEN = /^(⏳|🔲|⬜|❌|🚫|📋|🟡|🔴)\s*/u;

interface WorkEntry {
  id: string;
  title: string;
  priority: Priority;
  status: WorkStatus;
  notes: string[];
}
interface DecisionEntry {
  date: string;
  decision: string;
  rationale: string[];
}
interface BuildEntry {
  date: string;
  title: string;
  accomplishments: string[];
}
interface HeadingFrame {
  level: number;
  text: string;
  rule?: HeadingRule;
  line: number;
}
interface Context {
  target: Target;
  priority?: Priority;
  status?: WorkStatus;
  done: boolean;
  date?: string;
  /** The deepest heading, for build-log titles. */
  heading: HeadingFrame | undefined;
}
/** What a list item became, so its children know where they belong. */
type ItemKind = { kind: 'work'; entry: WorkEntry } | { kind: 'decision'; entry: DecisionEntry } | { kind: 'focus'; index: number } | { kind: 'label'; text: string } | { kind: 'leaf' } | { kind: 'unplaced' };

const LIVE: readonly FileRole[] = ['active', 'progress', 'tasks', 'decisionLog', 'other'];



export function importMemoryBank(files: readonly BankFile[], options: BankImportOptions = {}): BankImportResult {
  const today = localDate(options.now ?? new Date());
  const random = options.random;
  const placed: Placement[] = [];
  const unplaced: UnplacedRange[] = [];
  let name = '';
  let purpose = '';
  const tech: string[] = [];
  const constraints: string[] = [];
  const work: WorkEntry[] = [];
  const decisions: DecisionEntry[] = [];
  const builds: BuildEntry[] = [];
  const focus: { text: string; file: string; first: number; last: number; lines: { line: number; text: string }[]; children: number }[] = [];
  const workIds: string[] = [];
  const decisionIds: string[] = [];

  for (const file of files) {
    const role = fileRole(basename(file.name));
    const raw = splitLines(file.text);
    const blocks = markdownBlocks(file.text);
    // A mapped heading whose first line under it has no place is kept with it, so the kept lines keep their context.
    let pendingHeading: MdBlock | undefined;
    const place = (section: ImportSection, b: MdBlock, detail?: string) => {
      pendingHeading = undefined;
      placed.push({ section, file: file.name, line: b.first, ...(detail ? { detail } : {}) });
    };
    const keep = (b: MdBlock) => {
      if (pendingHeading && pendingHeading !== b) {
        const h = pendingHeading;
        pendingHeading = undefined;
        keep(h);
      }
      const lines = numbered(raw, b.first, b.last);
      const prev = unplaced[unplaced.length - 1];
      if (prev && prev.file === file.name && prev.last + 1 >= b.first - countBlankBefore(raw, b.first)) {
        prev.last = b.last;
        prev.lines.push(...lines);
      } else unplaced.push({ file: file.name, first: b.first, last: b.last, lines });
    };
    const headings: HeadingFrame[] = [];
    let items: { indent: number; made: ItemKind }[] = [];
    const buildFor = new Map<string, BuildEntry>();

    const context = (): Context | undefined => {
      let rule: HeadingRule | undefined;
      let priority: Priority | undefined;
      let mark: 'done' | 'in_progress' | 'todo' | undefined;
      let date: string | undefined;
      let ownMark: typeof mark;
      for (let h = headings.length - 1; h >= 0; h--) {
        const frame = headings[h]!;
        if (frame.level === 1) continue; // a file's title says what the file is, not where its lines go
        const m = statusMark(frame.text);
        if (h === headings.length - 1) ownMark = m;
        priority ??= explicitPriority(frame.text);
        // A status mark counts from the heading that sets the section down, not from above it.
        if (!rule) mark ??= m === 'todo' ? undefined : m;
        date ??= findDate(frame.text);
        if (!rule && frame.rule) rule = frame.rule;
      }
      const heading = headings[headings.length - 1];
      if (rule?.target === 'keep') return undefined;
      if (!rule) {
        // "## ARCHIVE Mode - ✅ COMPLETE": a finished heading in a progress file is build log.
        if (ownMark === 'done' && LIVE.includes(role)) return { target: 'done', done: true, heading, ...(date ? { date } : {}) };
        return undefined;
      }
      const ctx: Context = { target: rule.target, done: mark === 'done' || rule.target === 'done' || rule.target === 'recent', heading };
      const p = priority ?? rule.priority;
      if (p) ctx.priority = p;
      const status = mark === 'in_progress' ? 'in_progress' : rule.status;
      if (status) ctx.status = status;
      if (date) ctx.date = date;
      return ctx;
    };

    const accomplish = (ctx: Context | undefined, text: string, b: MdBlock, date?: string) => {
      const d = date ?? ctx?.date ?? today;
      const heading = ctx?.heading;
      const key = `${d}\u0000${heading?.line ?? 0}`;
      let entry = buildFor.get(key);
      if (!entry) {
        const where = heading && heading.level > 1 ? headingTitle(heading.text) : '';
        entry = { date: d, title: where ? `${where} (${basename(file.name)})` : basename(file.name), accomplishments: [] };
        buildFor.set(key, entry);
        builds.push(entry);
      }
      // "[2025-03-02 10:15:00] - Added X": the date is the entry's, the words the accomplishment.
      entry.accomplishments.push(date ? text.replace(LEADING_DATE, '') || text : text);
      place('build_log', b, 'done');
    };

    // ADR-like entries: "Decision: X" starts one (its date from the heading), "Rationale: / Reason: / Why: Y" gives its reason.
    let adr: DecisionEntry | undefined;
    let adrHeading = -1;
    const adrLine = (ctx: Context | undefined, text: string, b: MdBlock): boolean => {
      if (ctx?.target !== 'decisions') return false;
      const heading = ctx.heading?.line ?? 0;
      const decided = ADR_DECISION.exec(text);
      if (decided) {
        adr = { date: ctx.date ?? findDate(text) ?? '', decision: decided[3]!.trim(), rationale: [] };
        adrHeading = heading;
        decisions.push(adr);
        place('decisions_log', b);
        return true;
      }
      const reason = ADR_REASON.exec(text);
      if (reason && adr && adrHeading === heading) {
        adr.rationale.push(reason[2]!.trim());
        place('decisions_log', b, 'part');
        return true;
      }
      return false;
    };

    const addWork = (title: string, priority: Priority, status: WorkStatus, notes: string[], b: MdBlock): WorkEntry => {
      const existing = work.find((w) => sameImportTitle(w.title, title));
      if (existing) {
        place('remaining_work', b, 'repeat');
        return existing;
      }
      const id = newId('w', workIds, random);
      workIds.push(id);
      const entry: WorkEntry = { id, title, priority, status, notes };
      work.push(entry);
      place('remaining_work', b, status);
      return entry;
    };

    for (const b of blocks) {
      if (b.kind === 'heading') {
        while (headings.length && headings[headings.length - 1]!.level >= b.level) headings.pop();
        items = [];
        const rule = classifyHeading(b.text, role);
        const frame: HeadingFrame = { level: b.level, text: b.text, line: b.first, ...(rule ? { rule } : {}) };
        headings.push(frame);
        if (b.level === 1) {
          if (!name && (role === 'brief' || role === 'product')) {
            const n = nameFromTitle(b.text);
            if (n) {
              name = n;
              place('identity.name', b);
            }
          }
          continue; // a file's title: structure, not content
        }
        if (rule?.target === 'name' && !name) {
          const n = nameFromTitle(b.text);
          if (n) {
            name = n;
            place('identity.name', b);
            continue;
          }
        }
        const ctx = context();
        pendingHeading = undefined;
        if (!ctx) keep(b);
        else if (ctx.target === 'done' && !blocksUnder(blocks, b)) accomplish(ctx, headingTitle(b.text), b);
        else pendingHeading = b;
        continue;
      }

      const ctx = context();
      if (b.kind !== 'item') {
        items = [];
        const text = cleanText(b.text);
        if (b.kind === 'text' && ctx) {
          if (ctx.target === 'name' && !name && text) {
            name = nameFromTitle(text);
            place('identity.name', b);
            continue;
          }
          if (ctx.target === 'purpose' && !purpose && text) {
            purpose = text;
            place('identity.purpose', b);
            continue;
          }
          if (ctx.target === 'focus' && !ctx.done && text && !NOTHING.test(text)) {
            focus.push({ text, file: file.name, first: b.first, last: b.last, lines: numbered(raw, b.first, b.last), children: 0 });
            continue;
          }
        }
        if (b.kind === 'text' && adrLine(ctx, text, b)) continue;
        // Roo Code appends "[2025-04-02 12:30:00] - Did X" lines, not bullets, under its headings.
        if (b.kind === 'text' && ctx && LEADING_DATE.test(text) && text.replace(LEADING_DATE, '')) {
          const words = text.replace(LEADING_DATE, '');
          if (ctx.done && ctx.target !== 'decisions') {
            accomplish(ctx, words, b, findDate(text));
            continue;
          }
          if (ctx.target === 'work' || ctx.target === 'next') {
            addWork(words, ctx.priority ?? (ctx.target === 'next' ? 'high' : 'medium'), ctx.status ?? 'todo', [], b);
            continue;
          }
          if (ctx.target === 'decisions') {
            const parts = decisionParts(text);
            decisions.push({ date: parts.date, decision: parts.decision, rationale: parts.rationale ? [parts.rationale] : [] });
            place('decisions_log', b);
            continue;
          }
        }
        if (b.kind === 'text' && role === 'decisionLog' && findDate(b.text) && text) {
          const parts = decisionParts(text);
          decisions.push({ date: parts.date, decision: parts.decision, rationale: parts.rationale ? [parts.rationale] : [] });
          place('decisions_log', b);
          continue;
        }
        keep(b);
        continue;
      }

      // A list item: its parent is the nearest item above it with less indent.
      while (items.length && items[items.length - 1]!.indent >= b.indent) items.pop();
      const parent = items[items.length - 1]?.made;
      const made = mapItem(b, parent, ctx);
      items.push({ indent: b.indent, made });
    }

    function mapItem(b: MdBlock, parent: ItemKind | undefined, ctx: Context | undefined): ItemKind {
      const text = cleanText(b.text);
      const label = parent?.kind === 'label' ? parent.text : undefined;
      // Emoji status marks at the start of an item ("✅ Done thing", "🚧 Half way").
      let mark: 'done' | 'in_progress' | 'todo' | undefined = b.checkbox === 'done' ? 'done' : b.checkbox === 'open' ? 'todo' : undefined;
      if (!mark) {
        const t = b.text.replace(/^(\d+[.)]\s*)/, '');
        if (EMOJI_DONE.test(t)) mark = 'done';
        else if (EMOJI_PROGRESS.test(t)) mark = 'in_progress';
        else if (EMOJI_OPEN.test(t)) mark = 'todo';
      }
      if (!text || NOTHING.test(text)) {
        keep(b);
        return { kind: 'unplaced' };
      }
      if (!parent && adrLine(ctx, text, b)) return { kind: 'leaf' };
      // Children of a work item are its notes; of a decision, its rationale; of focus, part of it.
      // (and so are theirs, however deep).
      if (parent?.kind === 'work' && !b.checkbox) {
        parent.entry.notes.push(text);
        place('remaining_work', b, 'part');
        return parent;
      }
      if (parent?.kind === 'decision') {
        parent.entry.rationale.push(text);
        place('decisions_log', b, 'part');
        return parent;
      }
      if (parent?.kind === 'focus') {
        const f = focus[parent.index]!;
        // "1. **Prototype Development**" over its items reads "Prototype Development: a; b".
        const sep = /[:：]$/.test(f.text) ? ' ' : f.children === 0 ? ': ' : '; ';
        f.text = `${f.text}${sep}${text}`;
        f.children++;
        f.last = b.last;
        f.lines = f.lines.concat(numbered(raw, b.first, b.last));
        return parent;
      }
      if ((parent?.kind === 'unplaced' || parent?.kind === 'leaf') && !b.checkbox) {
        keep(b);
        return { kind: 'unplaced' };
      }
      const target = ctx?.target;
      const inWork = target === 'work' || target === 'next';
      // Open or done by checkbox / emoji, wherever the list is.
      if (mark === 'done' || (!mark && ctx?.done && (inWork || target === 'done' || target === 'recent' || target === 'focus'))) {
        if (b.hasChildren && !b.checkbox && isLabel(b.text)) return labelOf(text, label);
        accomplish(ctx, label ? `${label}: ${text}` : text, b, ctx?.date ? undefined : findDate(b.text));
        return { kind: 'leaf' };
      }
      if (mark === 'todo' || mark === 'in_progress' || inWork) {
        if (!b.checkbox && !mark && b.hasChildren && isLabel(b.text)) return labelOf(text, label);
        const priority: Priority = ctx?.priority ?? (target === 'next' ? 'high' : 'medium');
        const status: WorkStatus = mark === 'in_progress' ? 'in_progress' : (ctx?.status ?? 'todo');
        const notes = label ? [label] : [];
        return { kind: 'work', entry: addWork(text.replace(/^_?requirements?:.*$/i, '') || text, priority, status, notes, b) };
      }
      switch (target) {
        case 'decisions': {
          // "- **準備フェーズ:**" over a list: the items under it are the decisions.
          if (b.hasChildren && /[:：]$/.test(text)) return labelOf(text, label);
          const parts = decisionParts(text);
          const existing = decisions.find((d) => sameImportTitle(d.decision, parts.decision));
          if (existing) {
            place('decisions_log', b, 'repeat');
            return { kind: 'decision', entry: existing };
          }
          const entry: DecisionEntry = { date: parts.date, decision: label ? `${label}: ${parts.decision}` : parts.decision, rationale: parts.rationale ? [parts.rationale] : [] };
          decisions.push(entry);
          place('decisions_log', b);
          return { kind: 'decision', entry };
        }
        case 'tech':
          if (b.hasChildren && isLabel(b.text)) return labelOf(text, label);
        {
          // "HTTP: `requests` - used for …": the stack is the name; the description stays in the file, kept with its line.
          const cut = / [-–—] /.exec(text);
          const name = cut ? text.slice(0, cut.index).trim() : text;
          const entry = label ? `${label}: ${name}` : name;
          if (!tech.some((t) => sameImportTitle(t, entry))) tech.push(entry);
          place('identity.tech_stack', b);
          if (cut) keep(b);
          return { kind: 'leaf' };
        }
        case 'constraints':
          if (b.hasChildren && isLabel(b.text)) return labelOf(text, label);
          constraints.push(label ? `${label}: ${text}` : text);
          place('constraints', b);
          return { kind: 'leaf' };
        case 'focus':
          focus.push({ text: label ? `${label}: ${text}` : text, file: file.name, first: b.first, last: b.last, lines: numbered(raw, b.first, b.last), children: 0 });
          return { kind: 'focus', index: focus.length - 1 };
        case 'purpose':
          if (!purpose) {
            purpose = text;
            place('identity.purpose', b);
            return { kind: 'leaf' };
          }
          break;
        default:
          break;
      }
      if (b.kind === 'item' && role === 'decisionLog' && findDate(b.text)) {
        const parts = decisionParts(text);
        const entry: DecisionEntry = { date: parts.date, decision: parts.decision, rationale: parts.rationale ? [parts.rationale] : [] };
        decisions.push(entry);
        place('decisions_log', b);
        return { kind: 'decision', entry };
      }
      keep(b);
      return { kind: 'unplaced' };
    }
  }

  // The focus becomes the handoff: what the next session picks up, never a running session.
  const handoffNotes: string[] = [];
  let nextSession: string | null = null;
  focus.forEach((f, i) => {
    if (i < FOCUS_NOTES_MAX) {
      if (i === 0) nextSession = f.text;
      else handoffNotes.push(f.text);
      placed.push({ section: 'handoff_notes', file: f.file, line: f.first });
    } else {
      unplaced.push({ file: f.file, first: f.first, last: f.last, lines: f.lines });
    }
  });

  // Newest last, as the schema keeps the build log; undated entries are logged today.
  const buildLog = builds
    .map((b, i) => ({ b, i }))
    .sort((x, y) => (x.b.date < y.b.date ? -1 : x.b.date > y.b.date ? 1 : x.i - y.i))
    .map(({ b }) => ({ date: b.date, title: b.title, accomplishments: b.accomplishments, decisions: [] as string[] }));
  const decisionsLog = decisions.map((d) => {
    const id = newId('d', decisionIds, random);
    decisionIds.push(id);
    return { id, date: d.date || today, decision: d.decision, rationale: d.rationale.join('; '), status: 'active' as const };
  });
  const data: CampaignFile = {
    version: 1,
    identity: { name, purpose, tech_stack: tech },
    constraints,
    active_session: null,
    remaining_work: work.map((w) => ({ id: w.id, title: w.title, priority: w.priority, status: w.status, ...(w.notes.length ? { notes: w.notes.join('; ') } : {}) })),
    build_log: buildLog,
    decisions_log: decisionsLog,
    handoff_notes: { next_session: nextSession, notes: handoffNotes },
  };
  unplaced.sort((a, b) => (a.file === b.file ? a.first - b.first : files.findIndex((f) => f.name === a.file) - files.findIndex((f) => f.name === b.file)));
  if (unplaced.length > 0) {
    (data as Record<string, unknown>).import_unplaced = unplaced.flatMap((u) => u.lines.map((l) => `${u.file}:${l.line}: ${l.text.trim()}`));
  }
  return { data, placed, unplaced };
}

/** A group label, its trailing colon dropped, under its own parent label if any. */
function labelOf(text: string, parent: string | undefined): ItemKind {
  const own = text.replace(/\s*[:：]$/, '');
  return { kind: 'label', text: parent ? `${parent}: ${own}` : own };
}

/** A short item with children, or one ending in ":", groups them rather than being an entry itself. */
function isLabel(text: string): boolean {
  const t = cleanText(text);
  return /[:：]$/.test(t) || t.length <= 60;
}

function blocksUnder(blocks: readonly MdBlock[], heading: MdBlock): boolean {
  const i = blocks.indexOf(heading);
  const next = blocks[i + 1];
  return next !== undefined && !(next.kind === 'heading' && next.level <= heading.level);
}

function countBlankBefore(raw: readonly string[], line: number): number {
  let n = 0;
  for (let i = line - 2; i >= 0 && raw[i]!.trim() === ''; i--) n++;
  return n;
}

function numbered(raw: readonly string[], first: number, last: number): { line: number; text: string }[] {
  const out: { line: number; text: string }[] = [];
  for (let n = first; n <= last; n++) if (raw[n - 1]!.trim() !== '') out.push({ line: n, text: raw[n - 1]!.trimEnd() });
  return out;
}
