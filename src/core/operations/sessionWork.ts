// Job: what the active session keeps about work items — which were completed
// during it (`active_session.completed`: an item's id when it has one, else
// its title; `done:` holds only a date, so it cannot tell) and the item it is
// focused on (`work_item`), whose rename the focus follows.
import { isMap, isScalar, isSeq, type YAMLMap, type YAMLSeq } from 'yaml';
import type { CampaignDocument } from '../document/campaignDocument';
import type { Campaign, WorkItem } from '../model/model';
import { blockStyle, deleteKey, ensureSeq, getNode, scalarText, setScalar } from '../document/yamlEdit';
import { sameTitle, titleKey } from './workMatch';

type ItemKey = Pick<WorkItem, 'id' | 'title'>;

/**
 * Titles of the work completed since the active session started, in the
 * order it was completed, each once. An id stands for the item that has it
 * (its title as it reads now; skipped when that item is no longer done); any
 * other entry is the title of a plain-string item, which left the list when it
 * was completed. Empty without an active session.
 */
export function completedThisSession(campaign: Campaign): string[] {
  const entries = campaign.active_session?.completed ?? [];
  const out: string[] = [];
  for (const entry of entries) {
    const item = campaign.remaining_work.find((i) => i.id !== undefined && i.id === entry);
    const title = item ? (item.status === 'done' ? item.title : '') : entry;
    if (title && !out.some((t) => sameTitle(t, title))) out.push(title);
  }
  return out;
}

/** How the session records an item: its id when it has one, else its title. */
function entryFor(item: ItemKey): string {
  return item.id ?? item.title;
}

function sessionNode(cd: CampaignDocument): YAMLMap | undefined {
  const node = getNode(cd.doc, cd.root(), 'active_session');
  return isMap(node) ? node : undefined;
}

function completedSeq(cd: CampaignDocument, session: YAMLMap): YAMLSeq | undefined {
  const seq = getNode(cd.doc, session, 'completed');
  return isSeq(seq) ? seq : undefined;
}

function indexOfEntry(seq: YAMLSeq, entry: string): number {
  return seq.items.findIndex((n) => scalarText(n) === entry);
}

/** Records that `item` was completed, when a session is active. Returns false when none is. */
export function recordCompleted(cd: CampaignDocument, item: ItemKey): boolean {
  const session = sessionNode(cd);
  if (!session) return false;
  const entry = entryFor(item);
  const seq = blockStyle(ensureSeq(cd.doc, session, 'completed'));
  if (indexOfEntry(seq, entry) < 0) seq.items.push(cd.doc.createNode(entry));
  cd.changed();
  return true;
}

/** Forgets a completion (the item was reopened or removed); the key goes when the list empties. */
export function forgetCompleted(cd: CampaignDocument, item: ItemKey): void {
  const session = sessionNode(cd);
  const seq = session && completedSeq(cd, session);
  if (!session || !seq) return;
  const at = indexOfEntry(seq, entryFor(item));
  if (at < 0) return;
  seq.items.splice(at, 1);
  if (seq.items.length === 0) deleteKey(session, 'completed');
  cd.changed();
}

/**
 * An item was renamed from `item.title` to `title`. The session follows:
 * its focus, when it is the item's old title (and the session is on that item
 * or on no recorded item), and the record of its completion, when that is
 * kept by title (an item without an id).
 */
export function followRename(cd: CampaignDocument, item: ItemKey, title: string): void {
  const session = sessionNode(cd);
  if (!session || title === item.title) return;
  const focus = scalarText(getNode(cd.doc, session, 'focus'));
  const on = scalarText(getNode(cd.doc, session, 'work_item'));
  const onThisItem = on === undefined || (item.id !== undefined && on === item.id);
  // An empty title names nothing, so it never matches a focus (empty or not).
  if (focus !== undefined && onThisItem && titleKey(item.title) !== '' && sameTitle(focus, item.title)) setScalar(cd.doc, session, 'focus', title);
  if (item.id === undefined) {
    const seq = completedSeq(cd, session);
    const at = seq ? indexOfEntry(seq, item.title) : -1;
    const node = seq?.items[at];
    if (isScalar(node)) node.value = title;
  }
  cd.changed();
}
