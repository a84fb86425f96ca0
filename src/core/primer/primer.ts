// Renders the session primer: the compact Markdown summary of a campaign that a
// new agent session reads first, kept within a token budget and a character cap.
//
// The primer is injected into Claude Code's context (hook output, CLAUDE.md
// managed blocks), so it states plain facts about the project ("Current focus:
// …") and never addresses the model with instructions, which prompt-injection
// defences are right to distrust. For the same reason campaign text cannot add
// structure: every field is rendered on one line after a fixed prefix, and
// heading-like starts and HTML comment markers are escaped.
//
// What survives a tight budget, in order:
// 1. Must-keep material — identity, constraints, the active session (focus,
//    blockers), handoff notes, high-priority work, the footer — is always
//    rendered. When it alone exceeds the budget, its longest texts are shortened
//    progressively (ending in "…", never below MIN_FIELD_CHARS); if that is still
//    too much, the text is cut at a line boundary as a last resort and ends with
//    TRUNCATION_NOTE, so a reader knows to open the file.
// 2. Optional material fills what is left, most important and newest first,
//    in tiers: medium-priority work, the 3 newest decisions and the 2 newest
//    build-log entries; then low-priority work, up to 10 decisions and 5
//    entries; then the rest. Inside a tier the sections take turns, one item at
//    a time, so none starves another; a later tier starts only when the earlier
//    one fitted whole. Each section shows a prefix of its own order (an older
//    decision is never shown while a newer one is left out): the first item
//    that does not fit closes its section.
// 3. The footer says where the full file is and counts what was left out.
//    Superseded decisions are never shown and count as omitted; done work is
//    not remaining work and is neither shown nor counted.
import type { BuildLogEntry, Campaign, Decision, WorkItem } from '../model/model';
import { CAMPAIGN_RELATIVE_PATH } from '../file/campaignPath';
import { DEFAULT_PRIMER_BUDGET } from './primerBudget';
import { estimateTokens } from './tokenEstimate';

export { DEFAULT_PRIMER_BUDGET };
/** Claude Code replaces hook output over 10,000 characters with a preview; stay clear of it. */
export const DEFAULT_PRIMER_MAX_CHARS = 9500;
export const TRUNCATION_NOTE = '(truncated — read the full campaign file)';

export interface PrimerOptions {
  /** Token budget (o200k estimate); default 2,000. */
  budget?: number;
  /** Character cap, enforced alongside the budget; default 9,500. */
  maxChars?: number;
  /** Where the full file is, for the footer; default `.claude/campaign.yaml`. */
  campaignPath?: string;
  /** Shown in the footer when given; the primer never reads the clock itself. */
  now?: Date;
  /** Where older history was archived, for the footer. */
  archivePath?: string;
}

export interface Primer {
  text: string;
  /** estimateTokens(text); never above the budget. */
  tokens: number;
  /** Items not shown, by file section ('remaining_work', 'decisions_log', 'build_log'); non-zero counts only. */
  omitted: Record<string, number>;
}

/** Must-keep texts are never shortened below this many characters. */
const MIN_FIELD_CHARS = 32;
/** Each shortening round cuts the longest texts to this share of the longest. */
const SHORTEN_FACTOR = 0.75;
/** Caps for optional items, so one long entry cannot crowd out the rest. */
const WORK_NOTES_MAX = 160;
const DECISION_TEXT_MAX = 200;
const RATIONALE_MAX = 300;
const BUILD_ENTRY_MAX = 400;
/** How many decisions / build-log entries each fill tier allows (then: all). */
const DECISION_TIERS = [3, 10];
const BUILD_TIERS = [2, 5];
const WORK_TITLE_MAX = 200;
const SECTIONS = ['work', 'decisions', 'builds'] as const;

// ---- Making campaign text safe to embed --------------------------------------------

/**
 * One line of campaign text that cannot forge primer structure: control
 * characters dropped, every line break and whitespace run collapsed to one
 * space, HTML comment markers escaped anywhere (CLAUDE.md managed blocks are
 * delimited by comments), and a start that Markdown would read as a heading,
 * quote or code fence escaped.
 */
export function inlineText(value: string): string {
  let s = value
    .replace(/[\s\u0085]+/g, ' ')
    // Controls, bidi overrides (which can reorder what a reader sees) and BOMs go.
    .replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufeff]/g, '')
    .replace(/ {2,}/g, ' ')
    .trim();
  s = s.replace(/<!--/g, '<\\!--').replace(/--!?>/g, (m) => (m === '-->' ? '--\\>' : '--\\!>'));
  if (/^(#|>|```|~~~|[=-]{3,}$)/.test(s)) s = `\\${s}`;
  return s;
}

/** Cuts `text` to at most `max` characters, at a word boundary when one is near, ending in "…". */
function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, Math.max(0, max - 1));
  // Never leave half a surrogate pair.
  if (/[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1);
  const space = cut.lastIndexOf(' ');
  if (space >= max * 0.6) cut = cut.slice(0, space);
  return `${cut.trimEnd()}…`;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

// ---- The prepared campaign -----------------------------------------------------------

/** A must-keep text: rendered from `value`, which shortening may cut from `original`. */
interface Field {
  original: string;
  value: string;
}

function field(raw: string): Field {
  const s = inlineText(raw);
  return { original: s, value: s };
}

interface MustWork {
  id: string;
  title: Field;
  status: string;
  notes: Field | null;
}

interface Prepared {
  name: Field;
  purpose: Field | null;
  tech: Field[];
  constraints: Field[];
  session: { focus: Field; started: Field | null; blockers: Field[] } | null;
  handoff: { next: Field | null; notes: Field[]; updated: string } | null;
  high: MustWork[];
  /** Optional work: medium first, then low, in file order. */
  optionalWork: LazyLines<WorkItem>;
  /** Active decisions, newest first. */
  decisions: LazyLines<Decision>;
  superseded: number;
  /** Build-log entries, newest first. */
  builds: LazyLines<BuildLogEntry>;
  /** Every must-keep text, in document order: what shortening works on. */
  fields: Field[];
}

/** Renders list items on first use: a campaign may hold thousands, a primer shows dozens. */
class LazyLines<T> {
  private readonly lines: string[] = [];

  constructor(
    readonly items: readonly T[],
    private readonly render: (item: T) => string,
  ) {}

  get length(): number {
    return this.items.length;
  }

  first(count: number): string[] {
    for (let i = this.lines.length; i < count; i++) this.lines.push(this.render(this.items[i]!));
    return this.lines.slice(0, count);
  }
}

function statusNote(item: WorkItem): string {
  return item.status === 'in_progress' ? ' (in progress)' : item.status === 'blocked' ? ' (blocked)' : '';
}

function idTag(id: string | undefined): string {
  const s = id === undefined ? '' : inlineText(id);
  return s === '' ? '' : `[${s}] `;
}

function workLine(item: WorkItem): string {
  const notes = item.notes === undefined ? '' : inlineText(item.notes);
  const tail = notes === '' ? '' : ` — ${shorten(notes, WORK_NOTES_MAX)}`;
  return `- ${idTag(item.id)}${shorten(inlineText(item.title), WORK_TITLE_MAX)}${statusNote(item)}${tail}`;
}

function decisionLine(d: Decision): string {
  const date = inlineText(d.date);
  const rationale = inlineText(d.rationale);
  const head = `- ${date === '' ? '' : `${date} `}${idTag(d.id)}${shorten(inlineText(d.decision), DECISION_TEXT_MAX)}`;
  return rationale === '' ? head : `${head} — rationale: ${shorten(rationale, RATIONALE_MAX)}`;
}

function buildLine(e: BuildLogEntry): string {
  const title = e.title === undefined ? '' : inlineText(e.title);
  const done = e.accomplishments.map(inlineText).filter((s) => s !== '');
  const decided = e.decisions.map(inlineText).filter((s) => s !== '');
  let body = done.join('; ');
  if (decided.length > 0) body += `${body === '' ? '' : '. '}Decisions: ${decided.join('; ')}`;
  const head = [inlineText(e.date), title].filter((s) => s !== '').join(' ');
  return shorten(`- ${head}${body === '' ? '' : `: ${body}`}`, BUILD_ENTRY_MAX);
}

function prepare(c: Campaign): Prepared {
  const fields: Field[] = [];
  const keep = (raw: string): Field => {
    const f = field(raw);
    fields.push(f);
    return f;
  };
  const nonEmpty = (list: string[]) => list.filter((s) => inlineText(s) !== '');

  const name = keep(inlineText(c.identity.name) === '' ? '(unnamed project)' : c.identity.name);
  const purpose = inlineText(c.identity.purpose) === '' ? null : keep(c.identity.purpose);
  const tech = nonEmpty(c.identity.tech_stack).map(keep);
  const constraints = nonEmpty(c.constraints).map(keep);
  const s = c.active_session;
  const session =
    s === null
      ? null
      : {
          focus: keep(inlineText(s.focus) === '' ? '(not set)' : s.focus),
          started: inlineText(s.started) === '' ? null : keep(s.started),
          blockers: nonEmpty(s.blockers).map(keep),
        };
  const h = c.handoff_notes;
  const next = h.next_session === undefined || inlineText(h.next_session) === '' ? null : keep(h.next_session);
  const handoffNotes = nonEmpty(h.notes).map(keep);
  const handoff =
    next === null && handoffNotes.length === 0
      ? null
      : { next, notes: handoffNotes, updated: h.updated === undefined ? '' : inlineText(h.updated) };

  const open = c.remaining_work.filter((w) => w.status !== 'done');
  const high = open
    .filter((w) => w.priority === 'high')
    .map((w): MustWork => ({
      id: idTag(w.id),
      title: keep(w.title),
      status: statusNote(w),
      notes: w.notes === undefined || inlineText(w.notes) === '' ? null : keep(w.notes),
    }));
  // Notes are context, not the item: they start at the optional-item cap.
  for (const w of high) if (w.notes !== null) w.notes.value = shorten(w.notes.original, WORK_NOTES_MAX);
  const optionalWork = new LazyLines(
    [...open.filter((w) => w.priority === 'medium'), ...open.filter((w) => w.priority === 'low')],
    workLine,
  );

  // Both logs are chronological, newest last.
  const active = c.decisions_log.filter((d) => d.status !== 'superseded');
  const decisions = new LazyLines([...active].reverse(), decisionLine);
  const builds = new LazyLines([...c.build_log].reverse(), buildLine);

  return {
    name,
    purpose,
    tech,
    constraints,
    session,
    handoff,
    high,
    optionalWork,
    decisions,
    superseded: c.decisions_log.length - active.length,
    builds,
    fields,
  };
}

// ---- Rendering -----------------------------------------------------------------------

/** How many optional items of each section are shown (always a prefix of the section). */
interface Selection {
  work: number;
  decisions: number;
  builds: number;
}

interface Omitted {
  work: number;
  olderDecisions: number;
  superseded: number;
  builds: number;
}

interface Rendered {
  lines: string[];
  /** Line index of each rendered high-priority work item, for the last-resort cut. */
  highLines: number[];
}

function renderBody(p: Prepared, sel: Selection): Rendered {
  const lines: string[] = [];
  const highLines: number[] = [];
  const section = (heading: string) => {
    if (lines.length > 0) lines.push('');
    lines.push(heading);
  };

  lines.push(`# Campaign: ${p.name.value}`);
  if (p.purpose !== null) lines.push(`Purpose: ${p.purpose.value}`);
  if (p.tech.length > 0) lines.push(`Tech stack: ${p.tech.map((f) => f.value).join(', ')}`);

  if (p.constraints.length > 0) {
    section('## Constraints');
    for (const f of p.constraints) lines.push(`- ${f.value}`);
  }

  section('## Active session');
  if (p.session === null) lines.push('No session is active.');
  else {
    lines.push(`Current focus: ${p.session.focus.value}`);
    if (p.session.started !== null) lines.push(`Started: ${p.session.started.value}`);
    if (p.session.blockers.length === 0) lines.push('Blockers: none');
    else {
      lines.push('Blockers:');
      for (const f of p.session.blockers) lines.push(`- ${f.value}`);
    }
  }

  if (p.handoff !== null) {
    section(p.handoff.updated === '' ? '## Handoff notes' : `## Handoff notes (updated ${p.handoff.updated})`);
    if (p.handoff.next !== null) lines.push(`Next session: ${p.handoff.next.value}`);
    for (const f of p.handoff.notes) lines.push(`- ${f.value}`);
  }

  const shownWork = p.optionalWork.first(sel.work);
  const medium = shownWork.filter((_, i) => p.optionalWork.items[i]!.priority === 'medium');
  const low = shownWork.filter((_, i) => p.optionalWork.items[i]!.priority === 'low');
  if (p.high.length > 0 || shownWork.length > 0 || p.optionalWork.length === 0) {
    section('## Remaining work');
    if (p.high.length === 0 && p.optionalWork.length === 0) lines.push('No open work items.');
    if (p.high.length > 0) {
      lines.push('High priority:');
      for (const w of p.high) {
        highLines.push(lines.length);
        const notes = w.notes === null ? '' : ` — ${w.notes.value}`;
        lines.push(`- ${w.id}${w.title.value}${w.status}${notes}`);
      }
    }
    if (medium.length > 0) {
      lines.push('Medium priority:');
      lines.push(...medium);
    }
    if (low.length > 0) {
      lines.push('Low priority:');
      lines.push(...low);
    }
  }

  if (sel.decisions > 0) {
    section('## Recent decisions (newest first)');
    lines.push(...p.decisions.first(sel.decisions));
  }
  if (sel.builds > 0) {
    section('## Recent build log (newest first)');
    lines.push(...p.builds.first(sel.builds));
  }
  return { lines, highLines };
}

type FooterOptions = Required<Pick<PrimerOptions, 'campaignPath'>> & PrimerOptions;

/** The footer's last-resort form: where the file is and bare counts. */
function compactFooter(o: Omitted, options: FooterOptions): string {
  const parts: string[] = [];
  if (o.work > 0) parts.push(plural(o.work, 'work item', 'work items'));
  if (o.olderDecisions + o.superseded > 0) parts.push(plural(o.olderDecisions + o.superseded, 'decision', 'decisions'));
  if (o.builds > 0) parts.push(plural(o.builds, 'build-log entry', 'build-log entries'));
  const omitted = parts.length > 0 ? ` Omitted: ${parts.join(', ')}.` : '';
  return `Full campaign file: ${inlineText(options.campaignPath)}.${omitted}`;
}

function footer(o: Omitted, options: FooterOptions): string {
  const parts: string[] = [];
  if (o.work > 0) parts.push(`${plural(o.work, 'more work item', 'more work items')} omitted — see remaining_work`);
  if (o.olderDecisions > 0 && o.superseded > 0) {
    const total = o.olderDecisions + o.superseded;
    parts.push(`${total} decisions omitted (${o.olderDecisions} older, ${o.superseded} superseded) — see decisions_log`);
  } else if (o.olderDecisions > 0) {
    parts.push(`${plural(o.olderDecisions, 'older decision', 'older decisions')} omitted — see decisions_log`);
  } else if (o.superseded > 0) {
    parts.push(`${plural(o.superseded, 'superseded decision', 'superseded decisions')} omitted — see decisions_log`);
  }
  if (o.builds > 0) parts.push(`${plural(o.builds, 'older build-log entry', 'older build-log entries')} omitted — see build_log`);

  let line = `Full campaign file: ${inlineText(options.campaignPath)}`;
  if (options.archivePath !== undefined && inlineText(options.archivePath) !== '') {
    line += ` (older history archived in ${inlineText(options.archivePath)})`;
  }
  line += '.';
  if (parts.length > 0) line += ` ${parts.join('; ')}.`;
  const now = options.now;
  if (now !== undefined && !Number.isNaN(now.getTime())) line += ` Rendered ${now.toISOString().slice(0, 10)}.`;
  return line;
}

function omittedFor(p: Prepared, sel: Selection, hiddenHigh: number): Omitted {
  return {
    work: p.optionalWork.length - sel.work + hiddenHigh,
    olderDecisions: p.decisions.length - sel.decisions,
    superseded: p.superseded,
    builds: p.builds.length - sel.builds,
  };
}

function omittedRecord(o: Omitted): Record<string, number> {
  const out: Record<string, number> = {};
  if (o.work > 0) out.remaining_work = o.work;
  if (o.olderDecisions + o.superseded > 0) out.decisions_log = o.olderDecisions + o.superseded;
  if (o.builds > 0) out.build_log = o.builds;
  return out;
}

// ---- Fitting the budget ----------------------------------------------------------------

/**
 * Renders the session primer for `campaign`. Always within `budget` tokens (by
 * estimateTokens) and `maxChars` characters; deterministic for the same input.
 */
export function renderPrimer(campaign: Campaign, options: PrimerOptions = {}): Primer {
  const budget = Math.max(0, Math.floor(options.budget ?? DEFAULT_PRIMER_BUDGET));
  const maxChars = Math.max(0, Math.floor(options.maxChars ?? DEFAULT_PRIMER_MAX_CHARS));
  const opts = { ...options, campaignPath: options.campaignPath ?? CAMPAIGN_RELATIVE_PATH };
  // The cheap length check first keeps every token estimate under maxChars characters.
  const fits = (text: string) => text.length <= maxChars && estimateTokens(text) <= budget;
  const done = (text: string, o: Omitted): Primer => ({ text, tokens: estimateTokens(text), omitted: omittedRecord(o) });

  const p = prepare(campaign);
  const compose = (sel: Selection): string => {
    const body = renderBody(p, sel).lines.join('\n');
    return `${body}\n\n${footer(omittedFor(p, sel, 0), opts)}\n`;
  };

  let sel: Selection = { work: 0, decisions: 0, builds: 0 };
  if (fits(compose(sel))) {
    const caps: Selection[] = [
      { work: p.optionalWork.items.filter((w) => w.priority === 'medium').length, decisions: DECISION_TIERS[0]!, builds: BUILD_TIERS[0]! },
      { work: p.optionalWork.length, decisions: DECISION_TIERS[1]!, builds: BUILD_TIERS[1]! },
      { work: p.optionalWork.length, decisions: p.decisions.length, builds: p.builds.length },
    ];
    const totals: Selection = { work: p.optionalWork.length, decisions: p.decisions.length, builds: p.builds.length };
    const closed = { work: false, decisions: false, builds: false };
    for (const cap of caps) {
      // Round-robin inside a tier, so no section starves another.
      for (let progress = true; progress; ) {
        progress = false;
        for (const key of SECTIONS) {
          if (closed[key] || sel[key] >= Math.min(cap[key], totals[key])) continue;
          const trial = { ...sel, [key]: sel[key] + 1 };
          if (fits(compose(trial))) {
            sel = trial;
            progress = true;
          } else closed[key] = true;
        }
      }
      // A later tier (lower priority, older) only gets room once this tier fitted whole.
      if (SECTIONS.some((key) => closed[key])) break;
    }
    const text = compose(sel);
    return done(text, omittedFor(p, sel, 0));
  }

  // Must-keep material alone is too long: shorten the longest texts, a round at a time.
  for (;;) {
    let longest = 0;
    for (const f of p.fields) longest = Math.max(longest, f.value.length);
    if (longest <= MIN_FIELD_CHARS) break;
    const limit = Math.max(MIN_FIELD_CHARS, Math.floor(longest * SHORTEN_FACTOR));
    for (const f of p.fields) if (f.value.length > limit) f.value = shorten(f.original, limit);
    const text = compose(sel);
    if (fits(text)) return done(text, omittedFor(p, sel, 0));
  }

  return lastResort(p, sel, opts, fits, done);
}

const DANGLING = /^(|## .*|High priority:|Medium priority:|Low priority:|Blockers:)$/;

/**
 * The last resort: keep the longest run of leading lines that fits with the
 * truncation note and the footer (its compact form when that keeps more);
 * drop the footer, then cut the note itself, when even that is too much.
 */
function lastResort(
  p: Prepared,
  sel: Selection,
  opts: FooterOptions,
  fits: (text: string) => boolean,
  done: (text: string, o: Omitted) => Primer,
): Primer {
  const { lines, highLines } = renderBody(p, sel);
  const attempt = (kept: number, compact: boolean) => {
    const head = lines.slice(0, kept);
    // A section heading, label or blank line with nothing under it says nothing.
    while (head.length > 1 && DANGLING.test(head[head.length - 1]!)) head.pop();
    const hidden = highLines.filter((i) => i >= head.length).length;
    const o = omittedFor(p, sel, hidden);
    const foot = compact ? compactFooter(o, opts) : footer(o, opts);
    const text = `${head.length > 0 ? `${head.join('\n')}\n` : ''}${TRUNCATION_NOTE}\n\n${foot}\n`;
    return { text, o, kept: head.length };
  };
  // The most leading lines that fit, with the full footer and with the compact one.
  const best = (compact: boolean) => {
    // Binary search (more lines never cost fewer tokens in practice)…
    let lo = 0;
    let hi = lines.length;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (fits(attempt(mid, compact).text)) lo = mid;
      else hi = mid - 1;
    }
    // …then step down in case the estimate is not monotone at the edge.
    for (let kept = lo; kept >= 0; kept--) {
      const a = attempt(kept, compact);
      if (fits(a.text)) return a;
    }
    return null;
  };
  const full = best(false);
  const compact = best(true);
  const chosen = full !== null && (compact === null || full.kept >= compact.kept) ? full : compact;
  if (chosen !== null) return done(chosen.text, chosen.o);
  const all = omittedFor(p, sel, highLines.length);
  const noteOnly = `${TRUNCATION_NOTE}\n`;
  if (fits(noteOnly)) return done(noteOnly, all);
  // A budget smaller than the note: as much of it as fits, possibly nothing.
  let n = TRUNCATION_NOTE.length;
  while (n > 0 && !fits(TRUNCATION_NOTE.slice(0, n))) n--;
  return done(TRUNCATION_NOTE.slice(0, n), all);
}
