// Pure (no `vscode`): how a view addresses a work item in an operation. Items
// with an id are found by id. Items without one (plain strings, hand-written
// maps) are found by position — and because the file may have changed since
// the view was drawn, the operation first checks that the same title is still
// at that position, so a stale click never edits the wrong item.
import type { WorkItem } from '../core/model/model';
import type { Operation } from '../core/operations/operation';
import { CampaignError } from '../core/model/problems';

/** The REF the core's work operations resolve: the id, else the 1-based position. */
export function workRef(item: Pick<WorkItem, 'id' | 'index'>): string {
  return item.id ?? String(item.index + 1);
}

/** Wraps `op` so it only runs while `item` is still where the view saw it. */
export function onSameItem<R>(item: Pick<WorkItem, 'id' | 'index' | 'title'>, op: Operation<R>): Operation<R> {
  return {
    name: op.name,
    apply(cd, ctx) {
      const items = cd.model.remaining_work;
      const current = item.id ? items.find((i) => i.id === item.id) : items[item.index];
      if (!current || (!item.id && current.title !== item.title)) {
        throw new CampaignError(`"${item.title}" is no longer in remaining work as shown; the file changed. Nothing was changed — try again.`);
      }
      return op.apply(cd, ctx);
    },
  };
}

/** Several operations as one edit: one write, one undo step. */
export function combined<R>(name: string, ops: readonly Operation<R>[]): Operation<R[]> {
  return { name, apply: (cd, ctx) => ops.map((op) => op.apply(cd, ctx)) };
}
