// Campaign: Log Decision — the decision, then its rationale. Both are
// required: the log exists so later sessions know why, not just what.
import { logDecision } from '../../core/operations/decisionOps';
import { CommandIds } from '../commandIds';
import { requiredText } from '../inputValidation';
import { campaignStore, type CampaignCommand } from './commandContext';

export const logDecisionCommand: CampaignCommand = {
  id: CommandIds.logDecision,
  async run(ctx, arg) {
    const store = await campaignStore(ctx, arg);
    if (!store) return;
    ctx.writer.assertWritable(store);
    const decision = await ctx.ui.showInputBox({
      title: 'Log Decision (1/2)',
      prompt: 'What was decided?',
      placeHolder: 'e.g. PostgreSQL over MongoDB',
      validateInput: requiredText('The decision'),
    });
    if (decision === undefined) return;
    const rationale = await ctx.ui.showInputBox({
      title: 'Log Decision (2/2)',
      prompt: `Why? (${decision.trim()})`,
      placeHolder: 'e.g. Relational data, ACID transactions needed',
      validateInput: requiredText('The rationale'),
    });
    if (rationale === undefined) return;
    return (await ctx.writer.run(store, logDecision({ decision, rationale }))).result;
  },
};
