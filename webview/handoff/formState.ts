// The handoff form's model, free of the DOM so it is unit-tested in plain
// Node: the draft, row edits, validation, restoring a saved draft, and the
// conversion of a draft into the core's EndSessionInput. Every function is
// pure and returns a new draft; nothing here mutates its arguments.
import type { EndSessionInput } from '../../src/core/operations/sessionOps';
import { titleKey } from '../../src/core/operations/workMatch';
import {
  HANDOFF_LIMITS,
  isHandoffDraft,
  isPriority,
  type DecisionRow,
  type HandoffDraft,
  type HandoffPrefill,
  type HandoffPriority,
  type NextStepRow,
} from '../../src/protocol/handoffProtocol';

export type ListSection = 'accomplishments' | 'next' | 'notes' | 'decisions';

/** One editable field of the form. */
export type FieldRef =
  | { section: 'accomplishments' | 'notes'; index: number }
  | { section: 'next'; index: number; field: 'title' | 'priority' }
  | { section: 'decisions'; index: number; field: 'decision' | 'rationale' }
  | { section: 'handoff' };

export interface FieldError {
  ref: FieldRef;
  /** `fieldKey(ref)`, for finding the field in the DOM. */
  key: string;
  message: string;
}

export const DEFAULT_PRIORITY: HandoffPriority = 'medium';

/** What the webview keeps in `vscode.setState`: the draft and the session it belongs to. */
export interface SavedState {
  sessionKey: string;
  draft: HandoffDraft;
}

// ---- Field references --------------------------------------------------------

/** A stable string for a field, e.g. `next.2.title` — used as a DOM data attribute. */
export function fieldKey(ref: FieldRef): string {
  switch (ref.section) {
    case 'handoff':
      return 'handoff';
    case 'accomplishments':
    case 'notes':
      return `${ref.section}.${ref.index}`;
    case 'next':
    case 'decisions':
      return `${ref.section}.${ref.index}.${ref.field}`;
  }
}

/** The inverse of `fieldKey`; undefined for anything that is not a field key. */
export function parseFieldKey(key: string): FieldRef | undefined {
  if (key === 'handoff') return { section: 'handoff' };
  const m = /^(accomplishments|notes|next|decisions)\.(\d{1,4})(?:\.(title|priority|decision|rationale))?$/.exec(key);
  if (!m) return undefined;
  const section = m[1] as ListSection;
  const index = Number(m[2]);
  const field = m[3];
  if (section === 'accomplishments' || section === 'notes') {
    return field === undefined ? { section, index } : undefined;
  }
  if (section === 'next') {
    return field === 'title' || field === 'priority' ? { section, index, field } : undefined;
  }
  return field === 'decision' || field === 'rationale' ? { section, index, field } : undefined;
}

// ---- Creating a draft ----------------------------------------------------------

export function blankNextStep(): NextStepRow {
  return { title: '', priority: DEFAULT_PRIORITY };
}

export function blankDecision(): DecisionRow {
  return { decision: '', rationale: '' };
}

/** Trimmed, non-blank, first occurrence only (case-insensitive), clipped to the limits. */
function cleanLines(lines: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of lines) {
    const line = raw.trim().slice(0, HANDOFF_LIMITS.maxLineLength);
    const key = line.toLowerCase();
    if (line === '' || seen.has(key)) continue;
    seen.add(key);
    out.push(line);
    if (out.length >= HANDOFF_LIMITS.maxRows) break;
  }
  return out;
}

export function emptyDraft(): HandoffDraft {
  return { accomplishments: [''], next: [blankNextStep()], handoff: '', notes: [], decisions: [] };
}

/**
 * The draft a fresh form starts from: accomplishments prefilled (one blank row
 * when there are none) and one blank next step ready to type into. Open work
 * carries over by itself, so it is offered (one click per item) rather than
 * copied into the next steps.
 */
export function createDraft(prefill: HandoffPrefill): HandoffDraft {
  const accomplishments = cleanLines(prefill.accomplishments);
  return { ...emptyDraft(), accomplishments: accomplishments.length > 0 ? accomplishments : [''] };
}

/**
 * Which draft the form shows on `init`: the webview's own saved state when it
 * belongs to this session (it is never older than the host's copy), else the
 * host's copy, else a fresh draft from the prefill.
 */
export function restoreDraft(saved: unknown, hostDraft: HandoffDraft | null, prefill: HandoffPrefill): HandoffDraft {
  if (isSavedState(saved) && saved.sessionKey === prefill.started) return saved.draft;
  if (hostDraft !== null) return hostDraft;
  return createDraft(prefill);
}

export function isSavedState(x: unknown): x is SavedState {
  if (typeof x !== 'object' || x === null) return false;
  const s = x as Partial<SavedState>;
  return typeof s.sessionKey === 'string' && isHandoffDraft(s.draft);
}

// ---- Editing -------------------------------------------------------------------

export function rowCount(draft: HandoffDraft, section: ListSection): number {
  return draft[section].length;
}

export function canAddRow(draft: HandoffDraft, section: ListSection): boolean {
  return rowCount(draft, section) < HANDOFF_LIMITS.maxRows;
}

/** Inserts a blank row at `at` (default: the end). Unchanged when the list is full. */
export function addRow(draft: HandoffDraft, section: ListSection, at?: number): HandoffDraft {
  if (!canAddRow(draft, section)) return draft;
  const position = at === undefined ? rowCount(draft, section) : clamp(at, 0, rowCount(draft, section));
  switch (section) {
    case 'accomplishments':
    case 'notes':
      return { ...draft, [section]: insertAt(draft[section], position, '') };
    case 'next':
      return { ...draft, next: insertAt(draft.next, position, blankNextStep()) };
    case 'decisions':
      return { ...draft, decisions: insertAt(draft.decisions, position, blankDecision()) };
  }
}

/** Removes one row. Unchanged when the index is out of range. */
export function removeRow(draft: HandoffDraft, section: ListSection, index: number): HandoffDraft {
  if (!Number.isInteger(index) || index < 0 || index >= rowCount(draft, section)) return draft;
  switch (section) {
    case 'accomplishments':
    case 'notes':
      return { ...draft, [section]: draft[section].filter((_, i) => i !== index) };
    case 'next':
      return { ...draft, next: draft.next.filter((_, i) => i !== index) };
    case 'decisions':
      return { ...draft, decisions: draft.decisions.filter((_, i) => i !== index) };
  }
}

/** Sets one field. Unknown rows and invalid priorities leave the draft unchanged. */
export function setField(draft: HandoffDraft, ref: FieldRef, value: string): HandoffDraft {
  switch (ref.section) {
    case 'handoff':
      return { ...draft, handoff: value };
    case 'accomplishments':
    case 'notes': {
      const list = draft[ref.section];
      if (!inRange(list, ref.index)) return draft;
      return { ...draft, [ref.section]: list.map((v, i) => (i === ref.index ? value : v)) };
    }
    case 'next': {
      if (!inRange(draft.next, ref.index)) return draft;
      if (ref.field === 'priority' && !isPriority(value)) return draft;
      return {
        ...draft,
        next: draft.next.map((row, i) => (i === ref.index ? { ...row, [ref.field]: value } : row)),
      };
    }
    case 'decisions': {
      if (!inRange(draft.decisions, ref.index)) return draft;
      return {
        ...draft,
        decisions: draft.decisions.map((row, i) => (i === ref.index ? { ...row, [ref.field]: value } : row)),
      };
    }
  }
}

/**
 * The draft with the values the fields show right now. The form reads them
 * from the elements at submit: a keystroke's `input` event may not have
 * reached the draft yet when Ctrl+Enter arrives straight after it.
 */
export function withFieldValues(draft: HandoffDraft, fields: readonly { key: string; value: string }[]): HandoffDraft {
  let out = draft;
  for (const { key, value } of fields) {
    const ref = parseFieldKey(key);
    if (ref && getField(out, ref) !== value) out = setField(out, ref, value);
  }
  return out;
}

/**
 * Whether the draft records nothing beyond what the form opened with (blank
 * rows aside): Cancel then closes at once instead of asking first.
 */
export function isUnchangedDraft(draft: HandoffDraft, prefill: HandoffPrefill): boolean {
  return JSON.stringify(toEndSessionInput(draft)) === JSON.stringify(toEndSessionInput(createDraft(prefill)));
}

/** The value a field holds, or undefined when the row does not exist. */
export function getField(draft: HandoffDraft, ref: FieldRef): string | undefined {
  switch (ref.section) {
    case 'handoff':
      return draft.handoff;
    case 'accomplishments':
    case 'notes':
      return draft[ref.section][ref.index];
    case 'next':
      return draft.next[ref.index]?.[ref.field];
    case 'decisions':
      return draft.decisions[ref.index]?.[ref.field];
  }
}

/** Open work not yet among the next steps (compared by trimmed title, case-insensitive). */
export function remainingSuggestions(draft: HandoffDraft, suggestions: readonly NextStepRow[]): NextStepRow[] {
  const taken = new Set(draft.next.map((r) => normalizeTitle(r.title)).filter((t) => t !== ''));
  const seen = new Set<string>();
  return suggestions.filter((s) => {
    const t = normalizeTitle(s.title);
    if (t === '' || taken.has(t) || seen.has(t)) return false;
    seen.add(t);
    return true;
  });
}

/**
 * Adds a suggested next step: it fills the last row when that row is blank,
 * otherwise it becomes a new row. Unchanged when it is already listed or the list is full.
 */
export function addSuggestion(draft: HandoffDraft, suggestion: NextStepRow): HandoffDraft {
  const title = suggestion.title.trim().slice(0, HANDOFF_LIMITS.maxLineLength);
  if (title === '' || draft.next.some((r) => normalizeTitle(r.title) === normalizeTitle(title))) return draft;
  const row: NextStepRow = { title, priority: isPriority(suggestion.priority) ? suggestion.priority : DEFAULT_PRIORITY };
  const last = draft.next.length - 1;
  if (last >= 0 && draft.next[last]!.title.trim() === '') {
    return { ...draft, next: draft.next.map((r, i) => (i === last ? row : r)) };
  }
  if (!canAddRow(draft, 'next')) return draft;
  return { ...draft, next: [...draft.next, row] };
}

// ---- Validation and conversion --------------------------------------------------

/**
 * Problems that stop a submit, each tied to its field. Blank rows are not
 * problems (they are ignored); a decision needs both its text and its
 * rationale; a next step may not be listed twice.
 */
export function validateDraft(draft: HandoffDraft): FieldError[] {
  const errors: FieldError[] = [];
  const add = (ref: FieldRef, message: string) => errors.push({ ref, key: fieldKey(ref), message });
  const tooLong = (value: string, max: number = HANDOFF_LIMITS.maxLineLength) => value.trim().length > max;
  const tooLongMessage = (max: number) => `Keep this under ${max.toLocaleString('en-US')} characters.`;

  draft.accomplishments.forEach((v, index) => {
    if (tooLong(v)) add({ section: 'accomplishments', index }, tooLongMessage(HANDOFF_LIMITS.maxLineLength));
  });
  const earlier = new Set<string>();
  draft.next.forEach((row, index) => {
    const ref: FieldRef = { section: 'next', index, field: 'title' };
    const title = normalizeTitle(row.title);
    if (tooLong(row.title)) add(ref, tooLongMessage(HANDOFF_LIMITS.maxLineLength));
    else if (title !== '' && earlier.has(title)) add(ref, 'This next step is listed twice.');
    earlier.add(title);
  });
  if (tooLong(draft.handoff, HANDOFF_LIMITS.maxHandoffLength)) {
    add({ section: 'handoff' }, tooLongMessage(HANDOFF_LIMITS.maxHandoffLength));
  }
  draft.notes.forEach((v, index) => {
    if (tooLong(v)) add({ section: 'notes', index }, tooLongMessage(HANDOFF_LIMITS.maxLineLength));
  });
  draft.decisions.forEach((row, index) => {
    const hasDecision = row.decision.trim() !== '';
    const hasRationale = row.rationale.trim() !== '';
    if (hasRationale && !hasDecision) {
      add({ section: 'decisions', index, field: 'decision' }, 'Say what was decided, or remove this row.');
    } else if (tooLong(row.decision)) {
      add({ section: 'decisions', index, field: 'decision' }, tooLongMessage(HANDOFF_LIMITS.maxLineLength));
    }
    if (hasDecision && !hasRationale) {
      add({ section: 'decisions', index, field: 'rationale' }, 'Give the rationale: why was this decided?');
    } else if (tooLong(row.rationale)) {
      add({ section: 'decisions', index, field: 'rationale' }, tooLongMessage(HANDOFF_LIMITS.maxLineLength));
    }
  });
  return errors;
}

/**
 * The draft as the core's input: text trimmed, blank rows dropped, repeated
 * accomplishments and notes dropped, the handoff note left out when blank.
 * Decisions missing a half are dropped too — run `validateDraft` first so the
 * person is told instead.
 */
export function toEndSessionInput(draft: HandoffDraft): EndSessionInput {
  const next = draft.next
    .map((r) => ({ title: r.title.trim(), priority: isPriority(r.priority) ? r.priority : DEFAULT_PRIORITY }))
    .filter((r) => r.title !== '');
  const decisions = draft.decisions
    .map((r) => ({ decision: r.decision.trim(), rationale: r.rationale.trim() }))
    .filter((r) => r.decision !== '' && r.rationale !== '');
  const handoff = draft.handoff.trim();
  const input: EndSessionInput = {
    done: cleanLines(draft.accomplishments),
    next,
    notes: cleanLines(draft.notes),
    decisions,
  };
  if (handoff !== '') input.handoff = handoff;
  return input;
}

/** How the form names a field in messages: its visible label. */
export function fieldLabel(ref: FieldRef): string {
  switch (ref.section) {
    case 'handoff':
      return 'Handoff note';
    case 'accomplishments':
      return `Accomplishment ${ref.index + 1}`;
    case 'notes':
      return `Note ${ref.index + 1}`;
    case 'next':
      return `Next step ${ref.index + 1}`;
    case 'decisions':
      return ref.field === 'decision' ? `Decision ${ref.index + 1}` : `Rationale for decision ${ref.index + 1}`;
  }
}

/**
 * The short summary the footer repeats next to the End Session button, so a
 * problem out of sight is still announced: the first problem, and how many more.
 */
export function problemSummary(errors: readonly FieldError[]): string {
  const first = errors[0];
  if (!first) return '';
  const more = errors.length - 1;
  return `${fieldLabel(first.ref)}: ${first.message}${more > 0 ? ` (and ${more} more ${more === 1 ? 'problem' : 'problems'})` : ''}`;
}

export type SubmitCheck = { ok: true; input: EndSessionInput } | { ok: false; errors: FieldError[] };

/** Validation and conversion in one step: what the End Session button does. */
export function prepareSubmit(draft: HandoffDraft): SubmitCheck {
  const errors = validateDraft(draft);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, input: toEndSessionInput(draft) };
}

/**
 * Where the cursor goes when the form opens: the first blank accomplishment or
 * next step, else the handoff note — somewhere typing adds, never replaces.
 */
export function initialFocusKey(draft: HandoffDraft): string {
  const blankAccomplishment = draft.accomplishments.findIndex((v) => v.trim() === '');
  if (blankAccomplishment >= 0) return fieldKey({ section: 'accomplishments', index: blankAccomplishment });
  const blankNext = draft.next.findIndex((r) => r.title.trim() === '');
  if (blankNext >= 0) return fieldKey({ section: 'next', index: blankNext, field: 'title' });
  return fieldKey({ section: 'handoff' });
}

// ---- Presentation helpers ------------------------------------------------------

export function priorityLabel(p: HandoffPriority): string {
  return p === 'high' ? 'High' : p === 'medium' ? 'Medium' : 'Low';
}

// ---- Internals ---------------------------------------------------------------------

/** The core's matching rule: the host merges a next step with open work by the same test. */
function normalizeTitle(title: string): string {
  return titleKey(title);
}

function inRange(list: readonly unknown[], index: number): boolean {
  return Number.isInteger(index) && index >= 0 && index < list.length;
}

function clamp(n: number, lo: number, hi: number): number {
  return Math.min(Math.max(n, lo), hi);
}

function insertAt<T>(list: readonly T[], index: number, item: T): T[] {
  return [...list.slice(0, index), item, ...list.slice(index)];
}
