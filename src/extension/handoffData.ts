// Pure (no `vscode`): what the handoff form opens with, and the operation its
// submit runs. Both come from the core's one end-session rule: the prefill is
// what was completed during this session (plus commits since it started), and
// the submit is `endSession` with exactly what the person kept in the form.
import type { Campaign } from '../core/model/model';
import { endSession, type EndSessionInput, type EndSessionResult } from '../core/operations/sessionOps';
import { completedThisSession } from '../core/operations/sessionWork';
import { titleKey } from '../core/operations/workMatch';
import type { Operation } from '../core/operations/operation';
import type { HandoffPrefill } from '../protocol/handoffProtocol';
import { openWorkInPickOrder } from './workGroups';

/**
 * The form's prefill: work completed during this session (never work finished
 * in an earlier one) and commit subjects since it started, each once. The
 * panel fits it to the protocol's limits (fitPrefill) before posting.
 */
export function buildPrefill(campaign: Campaign, commitSubjects: readonly string[]): HandoffPrefill {
  const seen = new Set<string>();
  const accomplishments: string[] = [];
  for (const line of [...completedThisSession(campaign), ...commitSubjects].map((s) => s.trim())) {
    const key = titleKey(line);
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    accomplishments.push(line);
  }
  return {
    focus: campaign.active_session?.focus ?? '',
    started: campaign.active_session?.started ?? '',
    accomplishments,
    suggestedNext: openWorkInPickOrder(campaign.remaining_work).map((i) => ({ title: i.title, priority: i.priority })),
  };
}

/**
 * The submit's one operation. The form's result is the core's input as it
 * stands: the accomplishments are the rows the person kept (removed rows are
 * not logged), and next steps naming open work re-prioritize it (the core's rule).
 */
export function endSessionFromForm(submitted: EndSessionInput): Operation<EndSessionResult> {
  return endSession(submitted);
}
