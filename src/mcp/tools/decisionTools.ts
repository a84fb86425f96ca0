// Job: log_decision: record a decision with its rationale, optionally
// superseding an earlier one (which stays, marked, pointing at the new one).
import type { McpServer } from '@modelcontextprotocol/server';
import * as z from 'zod';
import { logDecision, supersedeDecision } from '../../core/operations/decisionOps';
import type { McpContext } from '../mcpContext';
import { onDecision } from '../mcpRefs';
import { writeCampaign } from '../mcpWrite';
import { guarded, textResult } from '../toolResults';

export function registerDecisionTools(server: McpServer, mc: McpContext): void {
  server.registerTool(
    'log_decision',
    {
      title: 'Log a decision',
      description:
        'Records a decision and why it was made in the decisions log, and returns its id. Call it whenever you choose between alternatives a later session might otherwise revisit. With supersedes (an earlier decision id or exact text), the earlier decision is marked superseded by this one.',
      inputSchema: z.object({
        decision: z.string().min(1).describe('What was decided, in one line.'),
        rationale: z.string().min(1).describe('Why: the reason a later session should not undo it.'),
        supersedes: z.optional(z.string().min(1)).describe('The id (e.g. d-3m9x) or exact text of the decision this one replaces.'),
      }),
      annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: false },
    },
    ({ decision, rationale, supersedes }) =>
      guarded(mc.log, 'log_decision', async () => {
        const d = { decision, rationale };
        const op = supersedes === undefined ? logDecision(d) : onDecision(supersedes, (r) => supersedeDecision(r, d));
        const { result: id } = await writeCampaign(mc, op);
        return textResult(`Logged decision ${id}${supersedes ? ` (supersedes ${supersedes})` : ''}.`, { id });
      }),
  );
}
