// Job: the remaining-work tools: add_work, update_work and complete_work.
// A `status: "done"` update is the very operation complete_work runs.
import type { McpServer } from '@modelcontextprotocol/server';
import * as z from 'zod';
import type { Operation } from '../../core/operations/operation';
import { addWork, completeWork, updateWork, type NewWork, type WorkChanges } from '../../core/operations/workOps';
import type { McpContext } from '../mcpContext';
import { onWorkItem } from '../mcpRefs';
import { writeCampaign } from '../mcpWrite';
import { errorResult, guarded, textResult } from '../toolResults';
import { PRIORITY, REF, STATUS } from './schemas';

/** Applies `first` then `second` to the same document, in one guarded write. */
function both<A, B>(first: Operation<A>, second: Operation<B>): Operation<B> {
  return {
    name: `${first.name}+${second.name}`,
    apply(cd, ctx) {
      first.apply(cd, ctx);
      return second.apply(cd, ctx);
    },
  };
}

export function registerWorkTools(server: McpServer, mc: McpContext): void {
  server.registerTool(
    'add_work',
    {
      title: 'Add a remaining-work item',
      description:
        'Adds an item to remaining work (status todo) and returns its id. Call it when you find work that this session will not finish, so a later session picks it up.',
      inputSchema: z.object({
        title: z.string().min(1).describe('What needs doing, in one line.'),
        priority: z.optional(PRIORITY),
        notes: z.optional(z.string()).describe('Details the next person needs.'),
      }),
      annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: false },
    },
    ({ title, priority, notes }) =>
      guarded(mc.log, 'add_work', async () => {
        const item: NewWork = { title, priority: priority ?? 'medium', ...(notes !== undefined ? { notes } : {}) };
        const { result: id } = await writeCampaign(mc, addWork(item));
        return textResult(id ? `Added work item ${id}: ${title}` : `Added work item: ${title}`, { id, title });
      }),
  );

  server.registerTool(
    'update_work',
    {
      title: 'Update a remaining-work item',
      description:
        'Changes a work item found by id or exact title: its title, priority, status or notes (notes replaces the old notes; an empty string removes them). Status "done" completes the item exactly as complete_work does.',
      inputSchema: z.object({
        ref: REF,
        title: z.optional(z.string().min(1)),
        priority: z.optional(PRIORITY),
        status: z.optional(STATUS),
        notes: z.optional(z.string()),
      }),
      annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: false },
    },
    ({ ref, title, priority, status, notes }) =>
      guarded(mc.log, 'update_work', async () => {
        const changes: WorkChanges = {};
        if (title !== undefined) changes.title = title;
        if (priority !== undefined) changes.priority = priority;
        if (status !== undefined && status !== 'done') changes.status = status;
        if (notes !== undefined) changes.notes = notes;
        const edits = Object.keys(changes).length > 0;
        if (!edits && status !== 'done') {
          return errorResult(new Error('Nothing to change: give title, priority, status or notes along with the ref.'));
        }
        const op = onWorkItem(ref, (r) => {
          if (status !== 'done') return updateWork(r, changes);
          // The title may change first, so complete by the same core ref.
          return edits ? both(updateWork(r, changes), completeWork(r)) : completeWork(r);
        });
        const { result } = await writeCampaign(mc, op);
        const id = result.id ?? '';
        return textResult(`Updated ${id ? `${id} ` : ''}"${title ?? result.title}"${status === 'done' ? ' (done)' : ''}.`, { id, title: title ?? result.title });
      }),
  );

  server.registerTool(
    'complete_work',
    {
      title: 'Complete a remaining-work item',
      description:
        'Marks a work item (by id or exact title) done. It stays listed as done until end_session moves it to the build log as an accomplishment. Call it as soon as the item is finished.',
      inputSchema: z.object({ ref: REF }),
      annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: false },
    },
    ({ ref }) =>
      guarded(mc.log, 'complete_work', async () => {
        const { result } = await writeCampaign(mc, onWorkItem(ref, completeWork));
        return textResult(`Done: ${result.title}`, { id: result.id ?? '', title: result.title });
      }),
  );
}
