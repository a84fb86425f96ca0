// Job: the session tools: start_session, end_session and set_handoff, each
// the same named core operation the CLI runs for `campaign start` / `end`.
import type { McpServer } from '@modelcontextprotocol/server';
import * as z from 'zod';
import { setHandoff } from '../../core/operations/identityOps';
import { startSession, type StartSessionInput } from '../../core/operations/sessionOps';
import { endActiveSession } from '../endSessionCall';
import type { McpContext } from '../mcpContext';
import { onWorkItem } from '../mcpRefs';
import { writeCampaign } from '../mcpWrite';
import { guarded, textResult } from '../toolResults';
import { PRIORITY } from './schemas';

export function registerSessionTools(server: McpServer, mc: McpContext): void {
  server.registerTool(
    'start_session',
    {
      title: 'Start a work session',
      description:
        'Records that a work session has begun: its focus, any blockers, and optionally the work item it is about (that item goes in progress). Call it once at the start of your work, after reading the primer. Fails if a session is already active unless replace is true (which discards the active session without logging it).',
      inputSchema: z.object({
        focus: z.string().min(1).describe('What this session is for, in one line.'),
        blockers: z.optional(z.array(z.string())).describe('Anything blocking the work right now.'),
        work_ref: z.optional(z.string()).describe('The work item this session is about: its id (e.g. w-7k2q) or exact title.'),
        replace: z.optional(z.boolean()).describe('Replace a session that is still active (default false).'),
      }),
      annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: false },
    },
    ({ focus, blockers, work_ref, replace }) =>
      guarded(mc.log, 'start_session', async () => {
        const input: StartSessionInput = { focus, blockers: blockers ?? [], replace: replace ?? false };
        const op = work_ref === undefined ? startSession(input) : onWorkItem(work_ref, (workRef) => startSession({ ...input, workRef }));
        const { result } = await writeCampaign(mc, op);
        return textResult(`Session started: ${result.focus}`, { focus: result.focus });
      }),
  );

  server.registerTool(
    'end_session',
    {
      title: 'End the session with a handoff',
      description:
        'Closes the active session in one edit: writes a build-log entry (accomplishments default to the work completed this session), removes completed items from remaining work, adds next steps as work items (a step whose title matches open work changes the priority of that item instead of adding a duplicate), records decisions, and sets the handoff note the next session starts from. Call it when you finish, before you stop. Fails if no session is active.',
      inputSchema: z.object({
        accomplishments: z.optional(z.array(z.string())).describe('What got done, one line each; leave it out to log exactly the work completed (complete_work) during this session.'),
        next_steps: z
          .optional(z.array(z.object({ title: z.string().min(1), priority: z.optional(PRIORITY) })))
          .describe('New remaining-work items for later sessions.'),
        handoff: z.optional(z.string()).describe('One line for the next session: where things stand and what to do first.'),
        notes: z.optional(z.array(z.string())).describe('Further handoff notes (replace the previous ones).'),
        decisions: z
          .optional(z.array(z.object({ decision: z.string().min(1), rationale: z.string().min(1) })))
          .describe('Decisions made this session, each with why.'),
      }),
      annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: false },
    },
    (args) =>
      guarded(mc.log, 'end_session', async () => {
        const { result } = await writeCampaign(
          mc,
          endActiveSession({
            done: args.accomplishments,
            next: (args.next_steps ?? []).map((n) => ({ title: n.title, priority: n.priority ?? 'medium' })),
            notes: args.notes ?? [],
            decisions: args.decisions ?? [],
            ...(args.handoff !== undefined ? { handoff: args.handoff } : {}),
          }),
        );
        return textResult(
          `Session ended: ${result.accomplishments.length} accomplishment(s) logged, ${result.addedWork.length} next step(s) added, ${result.reprioritized.length} open item(s) re-prioritised, ${result.decisionIds.length} decision(s) recorded.`,
          { accomplishments: result.accomplishments, added_work: result.addedWork, reprioritized: result.reprioritized, decision_ids: result.decisionIds },
        );
      }),
  );

  server.registerTool(
    'set_handoff',
    {
      title: 'Set the handoff note',
      description:
        'Replaces the handoff note (and, when given, the handoff notes list) that the next session starts from, without ending the session. Use end_session instead when you are finishing.',
      inputSchema: z.object({
        handoff: z.string().describe('One line for the next session: where things stand and what to do first.'),
        notes: z.optional(z.array(z.string())).describe('Further notes; replaces the previous list.'),
      }),
      annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: false },
    },
    ({ handoff, notes }) =>
      guarded(mc.log, 'set_handoff', async () => {
        await writeCampaign(mc, setHandoff({ next_session: handoff, ...(notes !== undefined ? { notes } : {}) }));
        return textResult('Handoff note saved.', { handoff });
      }),
  );
}
