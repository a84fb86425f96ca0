// Job: the one place the MCP server calls the core's end-session operation.
// Kept to this single function so the rule behind it (what counts as done
// this session) can be switched in one place; the tool itself only maps its
// arguments. Ending a session that is not active is refused, so a model
// learns it has to start one rather than writing an empty build-log entry.
import { CampaignError } from '../core/model/problems';
import type { Operation } from '../core/operations/operation';
import { endSessionWithDefaults, type EndSessionRequest, type EndSessionResult } from '../core/operations/sessionOps';

// Accomplishments left out (`done` undefined) default, by the core's one rule,
// to the work completed during this session; a list given is logged as it is.
export function endActiveSession(input: EndSessionRequest): Operation<EndSessionResult> {
  const op = endSessionWithDefaults(input);
  return {
    name: op.name,
    apply(cd, ctx) {
      if (!cd.model.active_session) {
        throw new CampaignError(
          'No session is active, so there is nothing to end. Call start_session first (or, to leave a note for the next session without a session, call set_handoff).',
        );
      }
      return op.apply(cd, ctx);
    },
  };
}
