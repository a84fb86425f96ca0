// Operations on remaining work: add, update (title, priority, status, notes),
// complete and remove. Plain-string lists (as the seed's Python writes them)
// stay plain strings: a new item is added as "[HIGH] title".
import { isMap, isScalar, isSeq, YAMLMap, type YAMLSeq } from 'yaml';
import type { CampaignDocument } from '../document/campaignDocument';
import { newId } from '../model/ids';
import { PRIORITIES, WORK_STATUSES, type Priority, type WorkItem, type WorkStatus } from '../model/model';
import { taggedTitle } from '../model/normalize';
import { CampaignError } from '../model/problems';
import { blockStyle, deleteKey, ensureSeq, getNode, seqItem, setScalar } from '../document/yamlEdit';
import { localDate, oneLine, type Operation } from './operation';
import { followRename, forgetCompleted, recordCompleted } from './sessionWork';
import { resolveWork } from './workRef';

export interface NewWork {
  title: string;
  priority?: Priority;
  notes?: string;
  status?: WorkStatus;
}

function requireTitle(title: string): string {
  const t = oneLine(title);
  if (!t) throw new CampaignError('A work item needs a title.');
  return t;
}

export function checkPriority(p: string): Priority {
  const v = p.toLowerCase();
  if (!(PRIORITIES as readonly string[]).includes(v)) {
    throw new CampaignError(`Unknown priority "${p}"; use one of: ${PRIORITIES.join(', ')}.`);
  }
  return v as Priority;
}

export function checkStatus(s: string): WorkStatus {
  const v = s.toLowerCase().replace('-', '_');
  if (!(WORK_STATUSES as readonly string[]).includes(v)) {
    throw new CampaignError(`Unknown status "${s}"; use one of: ${WORK_STATUSES.join(', ')}.`);
  }
  return v as WorkStatus;
}

function workSeq(cd: CampaignDocument): YAMLSeq {
  return blockStyle(ensureSeq(cd.doc, cd.root(), 'remaining_work', true));
}

/** Appends items to remaining_work; returns their ids ('' for plain-string items). */
export function appendWork(cd: CampaignDocument, items: readonly NewWork[], now: Date, random?: import('../model/ids').RandomSource): string[] {
  if (items.length === 0) return [];
  const existing = cd.model.remaining_work;
  const seq = workSeq(cd);
  // A list the seed wrote (all plain strings) stays a list of plain strings.
  const plain = existing.length > 0 && existing.every((i) => i.form === 'string');
  const ids = existing.map((i) => i.id).filter((x): x is string => !!x);
  const out: string[] = [];
  for (const item of items) {
    const title = requireTitle(item.title);
    const priority = item.priority ?? 'medium';
    if (plain && !item.notes && (item.status ?? 'todo') === 'todo') {
      seq.items.push(cd.doc.createNode(taggedTitle(title, priority)));
      out.push('');
      continue;
    }
    const id = newId('w', ids, random);
    ids.push(id);
    const fields: Record<string, string> = { id, title, priority, status: item.status ?? 'todo' };
    if (item.notes && oneLine(item.notes)) fields.notes = item.notes.trim();
    fields.added = localDate(now);
    seq.items.push(cd.doc.createNode(fields));
    out.push(id);
  }
  cd.changed();
  return out;
}

export function addWork(item: NewWork): Operation<string> {
  return {
    name: 'work.add',
    sections: ['remaining_work'],
    local: true,
    apply: (cd, ctx) => appendWork(cd, [item], ctx.now, ctx.random)[0]!,
  };
}

export interface WorkChanges {
  title?: string;
  priority?: Priority;
  status?: WorkStatus;
  /** `null` removes the notes. */
  notes?: string | null;
}

/** The yaml node of a work item, turned into a mapping when a change needs one. */
function itemNode(cd: CampaignDocument, item: WorkItem, needsMap: boolean): YAMLMap | null {
  const seq = getNode(cd.doc, cd.root(), 'remaining_work');
  if (!isSeq(seq)) throw new CampaignError('remaining_work is missing.');
  const node = seqItem(cd.doc, seq, item.index);
  if (isMap(node)) return node;
  if (!needsMap) return null;
  // A plain-string item that needs a status or notes becomes a mapping, in place.
  const map = cd.doc.createNode({ title: item.title, priority: item.priority, status: item.status }) as YAMLMap;
  if (isScalar(node) && node.commentBefore) map.commentBefore = node.commentBefore;
  // `- "[HIGH] Fix login"  # ask Ana` keeps its note, on the title line.
  const title = map.get('title', true);
  if (isScalar(node) && node.comment && isScalar(title)) title.comment = node.comment;
  seq.items[item.index] = map;
  return map;
}

export function applyWorkChanges(cd: CampaignDocument, item: WorkItem, changes: WorkChanges, now: Date): void {
  const title = changes.title !== undefined ? requireTitle(changes.title) : item.title;
  const priority = changes.priority ?? item.priority;
  const status = changes.status ?? item.status;
  // The session remembers what was completed during it (End Session prefills
  // from that), and forgets an item that is reopened.
  if (status === 'done' && item.status !== 'done') recordCompleted(cd, { id: item.id, title });
  else if (status !== 'done' && item.status === 'done') forgetCompleted(cd, item);
  const needsMap =
    item.form === 'map' || status !== 'todo' || (changes.notes !== undefined && changes.notes !== null && changes.notes.trim() !== '');
  const map = itemNode(cd, item, needsMap);
  if (!map) {
    const seq = getNode(cd.doc, cd.root(), 'remaining_work') as YAMLSeq;
    const node = seqItem(cd.doc, seq, item.index);
    if (isScalar(node)) node.value = taggedTitle(title, priority);
    cd.changed();
    return;
  }
  if (changes.title !== undefined) setScalar(cd.doc, map, 'title', title);
  if (changes.priority !== undefined) setScalar(cd.doc, map, 'priority', priority);
  if (changes.status !== undefined) {
    setScalar(cd.doc, map, 'status', status);
    if (status === 'done') setScalar(cd.doc, map, 'done', localDate(now));
    else deleteKey(map, 'done');
  }
  if (changes.notes === null || (changes.notes !== undefined && changes.notes.trim() === '')) deleteKey(map, 'notes');
  else if (changes.notes !== undefined) setScalar(cd.doc, map, 'notes', changes.notes.trim());
  cd.changed();
}

export function updateWork(ref: string, changes: WorkChanges): Operation<WorkItem> {
  return {
    name: 'work.update',
    sections: ['remaining_work', 'active_session'],
    apply(cd, ctx) {
      const item = resolveWork(cd.model, ref);
      applyWorkChanges(cd, item, changes, ctx.now);
      // A renamed item keeps the session's focus (and its completion record) in step.
      if (changes.title !== undefined) followRename(cd, item, oneLine(changes.title));
      return item;
    },
  };
}

/**
 * Completes an item. A mapping item is marked `status: done` and stays
 * visible until End Session moves it to the build log. A plain-string item
 * has nowhere to keep a status, so it leaves the list at once and is
 * remembered in `active_session.completed` (or today's build-log entry when no
 * session is active).
 */
export function completeWork(ref: string): Operation<WorkItem> {
  return {
    name: 'work.complete',
    sections: ['remaining_work', 'active_session', 'build_log'],
    apply(cd, ctx) {
      const item = resolveWork(cd.model, ref);
      if (item.form === 'map') {
        applyWorkChanges(cd, item, { status: 'done' }, ctx.now);
        return item;
      }
      const seq = getNode(cd.doc, cd.root(), 'remaining_work') as YAMLSeq;
      seq.items.splice(item.index, 1);
      if (!recordCompleted(cd, item)) recordOutsideSession(cd, item.title, ctx.now);
      cd.changed();
      return item;
    },
  };
}

/** Adds an accomplishment to today's build-log entry, creating the entry when needed. */
function recordOutsideSession(cd: CampaignDocument, title: string, now: Date): void {
  const log = blockStyle(ensureSeq(cd.doc, cd.root(), 'build_log', true));
  const today = localDate(now);
  const last = log.items.length ? seqItem(cd.doc, log, log.items.length - 1) : undefined;
  if (isMap(last) && String((last.get('date') as unknown) ?? '') === today) {
    blockStyle(ensureSeq(cd.doc, last, 'accomplishments')).items.push(cd.doc.createNode(title));
    return;
  }
  log.items.push(cd.doc.createNode({ date: today, accomplishments: [title] }));
}

export function removeWork(ref: string): Operation<WorkItem> {
  return {
    name: 'work.remove',
    sections: ['remaining_work', 'active_session'],
    apply(cd) {
      const item = resolveWork(cd.model, ref);
      const seq = getNode(cd.doc, cd.root(), 'remaining_work') as YAMLSeq;
      seq.items.splice(item.index, 1);
      // A removed item is not an accomplishment, even if it was marked done first.
      if (item.status === 'done') forgetCompleted(cd, item);
      cd.changed();
      return item;
    },
  };
}
