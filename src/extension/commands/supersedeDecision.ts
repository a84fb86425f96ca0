// Tree item action (context menu on an active decision): Supersede… — the new
// decision and its rationale; the old one stays in the log, marked superseded
// by the new one's id (core supersedeDecision).
import type { Decision } from '../../core/model/model';
import { CampaignError } from '../../core/model/problems';
import { supersedeDecision } from '../../core/operations/decisionOps';
import type { Operation } from '../../core/operations/operation';
import type { CampaignStore } from '../campaignStore';
import { CommandIds } from '../commandIds';
import { requiredText } from '../inputValidation';
import type { CampaignCommand } from './commandContext';

export const supersedeDecisionCommand: CampaignCommand = {
  id: CommandIds.supersedeDecision,
  async run(ctx, target) {
    const node = decisionNode(target);
    if (!node || node.decision.status === 'superseded') return;
    ctx.writer.assertWritable(node.store);
    const old = node.decision;
    const decision = await ctx.ui.showInputBox({
      title: 'Supersede Decision (1/2)',
      prompt: `What replaces "${old.decision}"?`,
      validateInput: requiredText('The decision'),
    });
    if (decision === undefined) return;
    const rationale = await ctx.ui.showInputBox({
      title: 'Supersede Decision (2/2)',
      prompt: `Why? (${decision.trim()})`,
      validateInput: requiredText('The rationale'),
    });
    if (rationale === undefined) return;
    const ref = old.id ?? String(old.index + 1);
    return (await ctx.writer.run(node.store, onSameDecision(old, supersedeDecision(ref, { decision, rationale })))).result;
  },
};

function decisionNode(x: unknown): { decision: Decision; store: CampaignStore } | undefined {
  if (typeof x !== 'object' || x === null) return undefined;
  const n = x as { kind?: unknown; decision?: Decision; store?: CampaignStore };
  return n.kind === 'decision' && n.decision && n.store ? { decision: n.decision, store: n.store } : undefined;
}

/** Runs `op` only while the decision is still where the view saw it (the file may have changed). */
function onSameDecision<R>(d: Decision, op: Operation<R>): Operation<R> {
  return {
    name: op.name,
    apply(cd, ctx) {
      const current = d.id ? cd.model.decisions_log.find((x) => x.id === d.id) : cd.model.decisions_log[d.index];
      if (!current || current.decision !== d.decision) {
        throw new CampaignError(`"${d.decision}" is no longer in the decisions log as shown; the file changed. Nothing was changed — try again.`);
      }
      return op.apply(cd, ctx);
    },
  };
}
