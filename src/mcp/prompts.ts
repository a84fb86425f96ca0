// Job: the two prompts (Claude Code offers them as slash commands): one to
// begin a session from the primer, one to end it with a complete handoff.
import type { McpServer } from '@modelcontextprotocol/server';
import * as z from 'zod';
import type { McpContext } from './mcpContext';
import { errorText } from './toolResults';
import { primerFor } from './tools/readTools';

function userText(text: string) {
  return { messages: [{ role: 'user' as const, content: { type: 'text' as const, text } }] };
}

export function registerPrompts(server: McpServer, mc: McpContext): void {
  server.registerPrompt(
    'start-session',
    {
      title: 'Start a Campaign session',
      description: 'Reads the campaign primer and starts a session on a focus.',
      argsSchema: z.object({ focus: z.optional(z.string()).describe('What this session is for (else pick the top remaining work item).') }),
    },
    async ({ focus }) => {
      const primer = await mc.campaignPath().then((p) => primerFor(p)).then((p) => p.text, errorText);
      return userText(
        [
          'Here is the project campaign (its memory across sessions):',
          '',
          primer,
          '',
          focus
            ? `Start a session with the campaign tool start_session, focus: "${focus}" (pass work_ref when it is one of the remaining work items).`
            : 'Pick the highest-priority open work item, tell me which, and start a session on it with the campaign tool start_session (focus and work_ref).',
          'While you work: complete_work when an item is done, add_work for work you find but will not finish, log_decision for each choice a later session should not revisit.',
        ].join('\n'),
      );
    },
  );
  server.registerPrompt(
    'end-session',
    {
      title: 'End the Campaign session',
      description: 'Ends the active session with a complete handoff.',
    },
    () =>
      userText(
        [
          'End the current Campaign session now with the campaign tool end_session:',
          '- accomplishments: what this session got done (work completed with complete_work is included on its own);',
          '- next_steps: work left over, each with a priority;',
          '- decisions: each decision made this session, with its rationale;',
          '- handoff: one line for the next session: where things stand and what to do first.',
          'Then show me the handoff you wrote.',
        ].join('\n'),
      ),
  );
}
