// Operations on the decisions log: record a decision with its rationale, and
// supersede an earlier one (the old entry stays, marked, pointing at the new).
import { isMap, isSeq } from 'yaml';
import type { CampaignDocument } from '../document/campaignDocument';
import { newId, type RandomSource } from '../model/ids';
import { CampaignError } from '../model/problems';
import { blockStyle, ensureSeq, getNode, seqItem, setScalar } from '../document/yamlEdit';
import { localDate, oneLine, type Operation } from './operation';
import { resolveDecision } from './workRef';

export interface NewDecision {
  decision: string;
  rationale: string;
}

export function appendDecisions(cd: CampaignDocument, decisions: readonly NewDecision[], now: Date, random?: RandomSource): string[] {
  if (decisions.length === 0) return [];
  const ids = cd.model.decisions_log.map((d) => d.id).filter((x): x is string => !!x);
  const seq = blockStyle(ensureSeq(cd.doc, cd.root(), 'decisions_log', true));
  const out: string[] = [];
  for (const d of decisions) {
    const decision = oneLine(d.decision);
    const rationale = oneLine(d.rationale);
    if (!decision) throw new CampaignError('A decision needs its text.');
    if (!rationale) throw new CampaignError(`The decision "${decision}" needs a rationale: record why, not just what.`);
    const id = newId('d', ids, random);
    ids.push(id);
    seq.items.push(cd.doc.createNode({ id, date: localDate(now), decision, rationale }));
    out.push(id);
  }
  cd.changed();
  return out;
}

export function logDecision(d: NewDecision): Operation<string> {
  return { name: 'decision.log', sections: ['decisions_log'], local: true, apply: (cd, ctx) => appendDecisions(cd, [d], ctx.now, ctx.random)[0]! };
}

/** Records `d` and marks decision `ref` as superseded by it. Returns the new id. */
export function supersedeDecision(ref: string, d: NewDecision): Operation<string> {
  return {
    name: 'decision.supersede',
    sections: ['decisions_log'],
    apply(cd, ctx) {
      const old = resolveDecision(cd.model, ref);
      if (old.status === 'superseded') {
        throw new CampaignError(`Decision ${old.id ?? ref} is already superseded by ${old.superseded_by ?? 'another decision'}.`);
      }
      const [id] = appendDecisions(cd, [d], ctx.now, ctx.random);
      const seq = getNode(cd.doc, cd.root(), 'decisions_log');
      const node = isSeq(seq) ? seqItem(cd.doc, seq, old.index) : undefined;
      if (!isMap(node)) throw new CampaignError('The superseded decision could not be found in the file.');
      setScalar(cd.doc, node, 'status', 'superseded');
      setScalar(cd.doc, node, 'superseded_by', id!);
      cd.changed();
      return id!;
    },
  };
}
