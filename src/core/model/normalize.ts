// Turns a validated campaign file into the normalized model: every section
// present, every list a list, priorities and statuses lower-case, plain-string
// work items read as `[TAG] title`.
import type {
  ActiveSession,
  Campaign,
  CampaignFile,
  Decision,
  DecisionStatus,
  HandoffNotes,
  Priority,
  WorkItem,
  WorkStatus,
} from './model';

type Scalar = string | number | boolean;

function str(v: Scalar | null | undefined): string | undefined {
  return v === null || v === undefined ? undefined : String(v);
}

function list(v: Scalar | Scalar[] | null | undefined): string[] {
  if (v === null || v === undefined) return [];
  return (Array.isArray(v) ? v : [v]).map(String);
}

const TAG = /^\s*\[(high|medium|med|low)\]\s*/i;

/** Reads `"[HIGH] Implement password reset"` as a high-priority item. */
export function parseTaggedTitle(s: string): { title: string; priority: Priority } {
  const m = TAG.exec(s);
  if (!m) return { title: s.trim(), priority: 'medium' };
  const tag = m[1]!.toLowerCase();
  return { title: s.slice(m[0].length).trim(), priority: tag === 'med' ? 'medium' : (tag as Priority) };
}

/** The plain-string form of a work item, as the seed writes it. */
export function taggedTitle(title: string, priority: Priority): string {
  return `[${priority.toUpperCase()}] ${title}`;
}

function normalizeWork(raw: NonNullable<CampaignFile['remaining_work']>): WorkItem[] {
  return raw.map((item, index): WorkItem => {
    if (typeof item === 'string') {
      const { title, priority } = parseTaggedTitle(item);
      return { title, priority, status: 'todo', index, form: 'string' };
    }
    const out: WorkItem = {
      title: String(item.title),
      priority: (item.priority?.toLowerCase() ?? 'medium') as Priority,
      status: (item.status?.toLowerCase() ?? 'todo') as WorkStatus,
      index,
      form: 'map',
    };
    const id = str(item.id);
    if (id !== undefined) out.id = id;
    const notes = str(item.notes);
    if (notes !== undefined) out.notes = notes;
    const added = str(item.added);
    if (added !== undefined) out.added = added;
    const done = str(item.done);
    if (done !== undefined) out.done = done;
    return out;
  });
}

function normalizeDecisions(raw: NonNullable<CampaignFile['decisions_log']>): Decision[] {
  return raw.map((d, index): Decision => {
    const out: Decision = {
      date: str(d.date) ?? '',
      decision: String(d.decision),
      rationale: str(d.rationale) ?? '',
      status: (d.status?.toLowerCase() ?? 'active') as DecisionStatus,
      index,
    };
    const id = str(d.id);
    if (id !== undefined) out.id = id;
    const by = str(d.superseded_by);
    if (by !== undefined) out.superseded_by = by;
    return out;
  });
}

function normalizeHandoff(raw: CampaignFile['handoff_notes']): HandoffNotes {
  if (raw === null || raw === undefined) return { notes: [] };
  if (typeof raw !== 'object' || Array.isArray(raw)) return { notes: list(raw) };
  const out: HandoffNotes = { notes: list(raw.notes) };
  const next = str(raw.next_session);
  if (next !== undefined) out.next_session = next;
  const updated = str(raw.updated);
  if (updated !== undefined) out.updated = updated;
  return out;
}

function normalizeSession(s: NonNullable<CampaignFile['active_session']>): ActiveSession {
  const session: ActiveSession = { started: str(s.started) ?? '', focus: str(s.focus) ?? '', blockers: list(s.blockers) };
  const completed = list(s.completed).map((c) => c.trim()).filter(Boolean);
  if (completed.length) session.completed = completed;
  return session;
}

export function normalizeCampaign(file: CampaignFile): Campaign {
  const s = file.active_session;
  return {
    version: 1,
    identity: {
      name: str(file.identity?.name) ?? '',
      purpose: str(file.identity?.purpose) ?? '',
      tech_stack: list(file.identity?.tech_stack),
    },
    constraints: list(file.constraints),
    active_session: s ? normalizeSession(s) : null,
    remaining_work: normalizeWork(file.remaining_work ?? []),
    build_log: (file.build_log ?? []).map((e) => {
      const entry: Campaign['build_log'][number] = {
        date: String(e.date),
        accomplishments: list(e.accomplishments),
        decisions: list(e.decisions),
      };
      const title = str(e.title);
      if (title !== undefined) entry.title = title;
      return entry;
    }),
    decisions_log: normalizeDecisions(file.decisions_log ?? []),
    handoff_notes: normalizeHandoff(file.handoff_notes),
  };
}
