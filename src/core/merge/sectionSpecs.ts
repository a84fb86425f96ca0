// How the merge identifies and compares the elements of the three keyed
// sections: work items (id, then title; plain-string items read as
// `[TAG] title`), decisions (id, then decision text) and build-log entries
// (identical entries first, then date and title).
import { PRIORITIES, type Priority } from '../model/model';
import { parseTaggedTitle, taggedTitle } from '../model/normalize';
import type { KeyedSpec } from './keyedMerge';
import { laterWins, statusWins } from './valueMerge';
import { dateText, isPlainObject, same } from './values';

const SIMPLE_ID = /^[A-Za-z0-9_-]+$/;

function idOf(raw: unknown): string | undefined {
  return isPlainObject(raw) && raw.id !== null && raw.id !== undefined ? String(raw.id) : undefined;
}

function lower(v: unknown, fallback: string): string {
  return v === null || v === undefined ? fallback : String(v).toLowerCase();
}

/** `[w-7k2q]` for an id, `["Some title"]` (JSON) for anything else. */
export function selectorText(id: string | undefined, text: unknown): string {
  if (id !== undefined) return SIMPLE_ID.test(id) ? id : JSON.stringify(id);
  return JSON.stringify(text);
}

/**
 * Writes merged fields the way OURS wrote the element: values that only
 * differ in case (`HIGH`) stay as written, defaults OURS left implicit stay
 * implicit, and fields `keyFirst` names lead a mapping that is new.
 */
function writeLikeOurs(
  fields: Record<string, unknown>,
  oursRaw: unknown,
  defaults: Record<string, string>,
  keyFirst: readonly string[],
): Record<string, unknown> {
  const om = isPlainObject(oursRaw) ? oursRaw : undefined;
  const out: Record<string, unknown> = {};
  const keys = om ? Object.keys(fields) : [...keyFirst.filter((k) => k in fields), ...Object.keys(fields).filter((k) => !keyFirst.includes(k))];
  for (const k of keys) {
    const v = fields[k];
    if (om && k in om && (k in defaults ? same(lower(om[k], defaults[k]!), v) : same(om[k], v))) out[k] = om[k];
    else if (om && !(k in om) && k in defaults && v === defaults[k]) continue;
    else out[k] = v;
  }
  return out;
}

// ---- remaining_work ----------------------------------------------------------

function workFields(raw: unknown): Record<string, unknown> {
  if (!isPlainObject(raw)) {
    const { title, priority } = parseTaggedTitle(String(raw));
    return { title, priority, status: 'todo' };
  }
  return { ...raw, priority: lower(raw.priority, 'medium'), status: lower(raw.status, 'todo') };
}

function workTitle(raw: unknown): string {
  return isPlainObject(raw) ? String(raw.title ?? '') : parseTaggedTitle(String(raw)).title;
}

const WORK_DEFAULTS = { priority: 'medium', status: 'todo' };

export const workSpec: KeyedSpec = {
  section: 'remaining_work',
  id: idOf,
  key: (raw) => workTitle(raw).trim().toLowerCase(),
  fields: workFields,
  toRaw(fields, oursRaw) {
    const plain = Object.keys(fields).every((k) => k === 'title' || k === 'priority' || k === 'status');
    const priority = String(fields.priority) as Priority;
    // A plain-string item stays a plain string while it can say everything.
    if (!isPlainObject(oursRaw) && plain && fields.status === 'todo' && PRIORITIES.includes(priority)) {
      return taggedTitle(String(fields.title), priority);
    }
    return writeLikeOurs(fields, oursRaw, WORK_DEFAULTS, ['id', 'title', 'priority', 'status']);
  },
  selector: (raw) => selectorText(idOf(raw), workTitle(raw)),
  rules: { status: statusWins('done'), done: laterWins, added: laterWins },
  bookkeeping: ['priority', 'status', 'done', 'added'],
  idPrefix: 'w',
  placement: 'neighbour',
};

// ---- decisions_log -------------------------------------------------------------

const DECISION_DEFAULTS = { status: 'active' };

export const decisionSpec: KeyedSpec = {
  section: 'decisions_log',
  id: idOf,
  key: (raw) => (isPlainObject(raw) ? String(raw.decision ?? '') : String(raw)).trim().toLowerCase(),
  fields: (raw) => (isPlainObject(raw) ? { ...raw, status: lower(raw.status, 'active') } : { decision: raw }),
  toRaw: (fields, oursRaw) => writeLikeOurs(fields, oursRaw, DECISION_DEFAULTS, ['id', 'date', 'decision', 'rationale']),
  selector: (raw) => selectorText(idOf(raw), isPlainObject(raw) ? raw.decision : raw),
  rules: { status: statusWins('superseded') },
  idPrefix: 'd',
  placement: 'date',
};

// ---- build_log -------------------------------------------------------------------

function entryKey(raw: unknown): [string, string | null] {
  if (!isPlainObject(raw)) return ['', null];
  return [dateText(raw.date), raw.title === null || raw.title === undefined ? null : String(raw.title)];
}

export const buildLogSpec: KeyedSpec = {
  section: 'build_log',
  id: () => undefined,
  key: (raw) => JSON.stringify(entryKey(raw)),
  exactFirst: true,
  fields: (raw) => (isPlainObject(raw) ? raw : { value: raw }),
  toRaw: (fields) => fields,
  selector: (raw) => JSON.stringify(entryKey(raw)),
  placement: 'date',
};
