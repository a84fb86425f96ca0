// Resolving what a merge could not: `merge_conflicts:` lists, for each
// conflict, where it is and both sides' values. Picking a side writes that
// value at its path and removes the entry (and the list, once empty). The
// extension lists the conflicts and offers "Keep ours" / "Take theirs".
import { isSeq } from 'yaml';
import type { CampaignDocument } from '../document/campaignDocument';
import { setAtPath } from '../merge/conflictPath';
import { CONFLICTS_KEY } from '../merge/sectionMerge';
import type { MergeConflict } from '../merge/valueMerge';
import { CampaignError } from '../model/problems';
import { deleteKey, getNode } from '../document/yamlEdit';
import type { Operation } from './operation';

export type ConflictSide = 'ours' | 'theirs';

export interface RecordedConflict extends MergeConflict {
  /** 0-based position in `merge_conflicts`, what resolveMergeConflict takes. */
  index: number;
}

/** The conflicts a merge left in the file (empty when none). */
export function readMergeConflicts(cd: CampaignDocument): RecordedConflict[] {
  const node = getNode(cd.doc, cd.root(), CONFLICTS_KEY);
  if (!isSeq(node)) return [];
  const list = node.toJS(cd.doc) as unknown[];
  return list.map((raw, index) => {
    const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
    return { index, path: String(r.path ?? ''), ours: r.ours ?? null, theirs: r.theirs ?? null };
  });
}

/** Keeps one side of conflict `index`: its value goes to its path, and the entry goes. */
export function resolveMergeConflict(index: number, side: ConflictSide): Operation<RecordedConflict> {
  return {
    name: 'merge.resolve',
    apply(cd) {
      const conflict = readMergeConflicts(cd)[index];
      if (!conflict) throw new CampaignError(`There is no merge conflict #${index + 1} in the file.`);
      setAtPath(cd.doc, cd.root(), conflict.path, conflict[side]);
      const seq = getNode(cd.doc, cd.root(), CONFLICTS_KEY);
      if (isSeq(seq)) {
        seq.items.splice(index, 1);
        if (seq.items.length === 0) deleteKey(cd.root(), CONFLICTS_KEY);
      }
      cd.changed();
      return conflict;
    },
  };
}
