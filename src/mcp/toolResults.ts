// Job: the shape of every tool answer: a text for the model and, where the
// tool has one, the same facts as structured content. A failed call becomes
// a result with isError and a message the model can act on — never a thrown
// protocol error, never a crashed server.
import type { CallToolResult } from '@modelcontextprotocol/server';
import { CampaignError, formatProblem } from '../core/model/problems';

export function textResult(text: string, structured?: Record<string, unknown>): CallToolResult {
  return { content: [{ type: 'text', text }], ...(structured ? { structuredContent: structured } : {}) };
}

/** The message for an error: a CampaignError with each problem as FILE:LINE:COL: message. */
export function errorText(err: unknown, file?: string): string {
  if (err instanceof CampaignError) {
    const where = err.file ?? file ?? 'campaign.yaml';
    const lines = err.problems.map((p) => formatProblem(where, p));
    if (lines.length > 0) {
      return [err.message, ...lines, 'Fix these lines in the campaign file (or ask the person to), then call the tool again.'].join('\n');
    }
    return err.message;
  }
  const e = err as NodeJS.ErrnoException | undefined;
  if (e && typeof e.code === 'string' && typeof e.message === 'string') return `The campaign file could not be used: ${e.message}`;
  return err instanceof Error ? err.message : `Campaign failed unexpectedly: ${String(err)}`;
}

export function errorResult(err: unknown, file?: string): CallToolResult {
  return { content: [{ type: 'text', text: errorText(err, file) }], isError: true };
}

/** Runs a tool body, turning any failure into an isError result (and a line on stderr). */
export async function guarded(log: (text: string) => void, tool: string, body: () => Promise<CallToolResult>): Promise<CallToolResult> {
  try {
    return await body();
  } catch (err) {
    const known = err instanceof CampaignError;
    log(`${tool}: ${known ? (err as Error).message.split('\n')[0] : err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    return errorResult(err);
  }
}
