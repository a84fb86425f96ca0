// Job: the read-only tools: get_primer (the session primer, budgeted) and
// show_campaign (the whole campaign as normalized JSON).
import { relative } from 'node:path';
import type { McpServer } from '@modelcontextprotocol/server';
import * as z from 'zod';
import { archiveInfo } from '../../core/archive/archiveView';
import { loadCampaign } from '../../core/file/campaignFile';
import type { Campaign } from '../../core/model/model';
import { toPublicJson } from '../../core/model/publicJson';
import { renderPrimer, type Primer } from '../../core/primer/primer';
import { projectRootFor } from '../../core/primer/primerFile';
import type { McpContext } from '../mcpContext';
import { guarded, textResult } from '../toolResults';

/** The primer for the campaign at `path`, as `campaign primer` renders it. */
export async function primerFor(path: string, budget?: number): Promise<Primer> {
  const { doc } = await loadCampaign(path);
  const archive = await archiveInfo(path);
  return renderPrimer(doc.model, {
    ...(budget !== undefined ? { budget } : {}),
    ...(archive ? { archivePath: archive.path } : {}),
    campaignPath: relative(projectRootFor(path), path).split('\\').join('/') || path,
  });
}

function summary(c: Campaign): string {
  const open = c.remaining_work.filter((w) => w.status !== 'done');
  const lines = [`${c.identity.name || '(unnamed campaign)'}${c.identity.purpose ? ` — ${c.identity.purpose}` : ''}`];
  lines.push(c.active_session ? `Session active: ${c.active_session.focus} (since ${c.active_session.started})` : 'No session active.');
  lines.push(`Remaining work: ${open.length} open, ${c.remaining_work.length - open.length} done (moved to the build log when the session ends)`);
  for (const w of c.remaining_work) lines.push(`- ${w.id ? `${w.id} ` : ''}[${w.priority}] ${w.title}${w.status === 'todo' ? '' : ` (${w.status})`}`);
  lines.push(`Decisions: ${c.decisions_log.length}; build-log entries: ${c.build_log.length}`);
  return lines.join('\n');
}

export function registerReadTools(server: McpServer, mc: McpContext): void {
  server.registerTool(
    'get_primer',
    {
      title: 'Get the campaign primer',
      description:
        "Returns the project's session primer: purpose, constraints, the active session, remaining work by priority, recent decisions with their rationale, and the last handoff note. Call it at the start of a session (before start_session) when the primer is not already in your context. Changes nothing.",
      inputSchema: z.object({
        budget: z
          .optional(z.int().min(50).max(200_000))
          .describe('Token budget for the primer (default 2000). Older, lower-priority content is shortened or left out to fit.'),
      }),
      annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
    },
    ({ budget }) =>
      guarded(mc.log, 'get_primer', async () => {
        const primer = await primerFor(await mc.campaignPath(), budget);
        return textResult(primer.text, { text: primer.text, tokens: primer.tokens, omitted: primer.omitted });
      }),
  );

  server.registerTool(
    'show_campaign',
    {
      title: 'Show the campaign',
      description:
        'Returns the whole campaign as normalized JSON: identity, constraints, active session, every remaining work item with its id, decisions with ids, build log and handoff notes. Call it when you need an id for update_work, complete_work or log_decision(supersedes), or more than the primer shows. Changes nothing.',
      inputSchema: z.object({}),
      annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
    },
    () =>
      guarded(mc.log, 'show_campaign', async () => {
        const { doc } = await loadCampaign(await mc.campaignPath());
        const c = doc.model;
        return textResult(summary(c), toPublicJson(c) as unknown as Record<string, unknown>);
      }),
  );
}
