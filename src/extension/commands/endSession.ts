// Campaign: End Session — opens the handoff form, prefilled with the work
// completed during this session (the core's completedThisSession, never work
// finished in an earlier one) and the commits made since it started. Submitting
// the form applies one `session.end` operation. In an untrusted workspace the
// form opens read-only.
import { CampaignError } from '../../core/model/problems';
import { CommandIds } from '../commandIds';
import { buildPrefill, endSessionFromForm } from '../handoffData';
import { DISCARD_BUTTON, DISCARD_DETAIL, DISCARD_QUESTION } from '../handoffPanel';
import { parseStarted } from '../sessionClock';
import { campaignStore, type CampaignCommand } from './commandContext';

export const endSessionCommand: CampaignCommand = {
  id: CommandIds.endSession,
  async run(ctx, arg) {
    const store = await campaignStore(ctx, arg);
    if (!store) return;
    // Untrusted: the form still opens (read-only) so the person sees what they would record.
    if (ctx.trust.isTrusted) ctx.writer.assertWritable(store);
    const campaign = store.campaign;
    const session = campaign?.active_session;
    if (!campaign || !session) {
      throw new CampaignError('No session is active, so there is nothing to end. Start one with "Campaign: Start Session".');
    }
    const started = parseStarted(session.started);
    const commits = started ? await ctx.git.subjectsSince(store.folder.uri, started.at) : [];
    ctx.openHandoff(ctx.extensionUri, {
      prefill: buildPrefill(campaign, commits),
      readOnly: !ctx.trust.isTrusted,
      onSubmit: async (input) => {
        await ctx.writer.run(store, endSessionFromForm(input));
      },
      confirmDiscard: async () =>
        (await ctx.ui.showWarningMessage(DISCARD_QUESTION, { modal: true, detail: DISCARD_DETAIL }, DISCARD_BUTTON)) === DISCARD_BUTTON,
      log: (message) => ctx.log.info(message),
    });
  },
};
