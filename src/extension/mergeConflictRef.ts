// Pure (no `vscode`): how a view addresses a merge conflict in an operation.
// The core resolves conflicts by position in `merge_conflicts:`, and positions
// shift as conflicts are resolved (or the file changes underneath the view).
// So the view's conflict is looked up by what it is — path and both values —
// and resolved at wherever it is now; one that is gone is refused, never
// misapplied.
import { readMergeConflicts, resolveMergeConflict, type ConflictSide, type RecordedConflict } from '../core/operations/mergeConflictOps';
import type { Operation } from '../core/operations/operation';
import { CampaignError } from '../core/model/problems';

type ConflictShape = Pick<RecordedConflict, 'index' | 'path' | 'ours' | 'theirs'>;

function same(a: ConflictShape, b: ConflictShape): boolean {
  return a.path === b.path && JSON.stringify(a.ours) === JSON.stringify(b.ours) && JSON.stringify(a.theirs) === JSON.stringify(b.theirs);
}

/** Keeps `side` of the conflict the view showed, wherever it is in the list now. */
export function resolveSameConflict(conflict: ConflictShape, side: ConflictSide): Operation<RecordedConflict> {
  return {
    name: 'merge.resolve',
    apply(cd, ctx) {
      const now = readMergeConflicts(cd);
      const at = now[conflict.index] && same(now[conflict.index]!, conflict) ? conflict.index : now.findIndex((c) => same(c, conflict));
      if (at < 0) {
        throw new CampaignError(`The merge conflict at ${conflict.path} is no longer in the file as shown; the file changed. Nothing was changed — look again.`);
      }
      return resolveMergeConflict(at, side).apply(cd, ctx);
    },
  };
}
