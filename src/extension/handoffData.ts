// Pure (no `vscode`): what the handoff form opens with, and the operation its
// submit runs. The prefill gathers what this session already did (work
// completed, commits since it started); the submit turns the form into one
// `session.end` edit.
import { isMap, isSeq, isScalar } from 'yaml';
import type { CampaignDocument } from '../core/document/campaignDocument';
import type { Campaign } from '../core/model/model';
import { endSession, type EndSessionInput, type EndSessionResult } from '../core/operations/sessionOps';
import { updateWork } from '../core/operations/workOps';
import type { Operation } from '../core/operations/operation';
import type { HandoffPrefill } from '../protocol/handoffProtocol';
import { openWorkInPickOrder } from './workGroups';
import { workRef } from './workItemRef';

/**
 * Plain-string work items completed during the session leave the list at once
 * and are remembered under `active_session.completed`, which the normalized
 * model does not carry; read them from the document.
 */
export function completedInSession(cd: CampaignDocument): string[] {
  const session = cd.doc.get('active_session', true);
  if (!isMap(session)) return [];
  const completed = session.get('completed', true);
  if (!isSeq(completed)) return [];
  return completed.items
    .map((n) => (isScalar(n) ? String(n.value ?? '') : ''))
    .map((s) => s.trim())
    .filter(Boolean);
}

/** The form's prefill. The panel fits it to the protocol's limits (fitPrefill) before posting. */
export function buildPrefill(campaign: Campaign, completed: readonly string[], commitSubjects: readonly string[]): HandoffPrefill {
  const doneItems = campaign.remaining_work.filter((i) => i.status === 'done').map((i) => i.title);
  const accomplishments = [...new Set([...doneItems, ...completed, ...commitSubjects].map((s) => s.trim()).filter(Boolean))];
  return {
    focus: campaign.active_session?.focus ?? '',
    started: campaign.active_session?.started ?? '',
    accomplishments,
    suggestedNext: openWorkInPickOrder(campaign.remaining_work).map((i) => ({ title: i.title, priority: i.priority })),
  };
}

const sameTitle = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * The submit's one operation. The form offers open work as next steps; a next
 * step that is already open work is kept (re-prioritized if the form changed
 * its priority) instead of being added a second time.
 */
export function endSessionFromForm(input: EndSessionInput): Operation<EndSessionResult> {
  const end = (next: EndSessionInput['next']) => endSession({ ...input, next });
  return {
    name: 'session.end',
    apply(cd, ctx) {
      const fresh: EndSessionInput['next'] = [];
      for (const step of input.next) {
        const open = cd.model.remaining_work.find((i) => i.status !== 'done' && sameTitle(i.title, step.title));
        if (!open) fresh.push(step);
        else if (open.priority !== step.priority) updateWork(workRef(open), { priority: step.priority }).apply(cd, ctx);
      }
      return end(fresh).apply(cd, ctx);
    },
  };
}
