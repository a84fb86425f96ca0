// Job: `campaign mcp [--file PATH]`: run the stdio MCP server for agents.
// Its own --file (after the command name) is what editor registrations pass.
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { CliContext } from '../cliContext';
import { requireWithCodeCache } from '../codeCache';

/** What dist/mcp.js (src/mcp/mcpServer.ts) exports: the CLI only launches the server. */
export interface McpServerBundle {
  serveCampaignMcp(options: { cwd: string; file?: string; now: () => Date; log: (text: string) => void }, version: string): Promise<void>;
}

/**
 * The server lives in its own bundle beside this one (dist/mcp.js, see
 * scripts/build.mjs): the SDK is most of its weight, and no other command
 * should pay for loading it. An agent starts it with every session, so it
 * comes from V8's code cache too. A unit test checks this shape against the server.
 */
function loadMcpServer(): McpServerBundle {
  return requireWithCodeCache(join(__dirname, 'mcp.js')) as McpServerBundle;
}

export const mcpUsage = 'mcp [--file PATH]';

export async function mcpCommand(ctx: CliContext, argv: string[]): Promise<number> {
  let values: { file?: string | undefined };
  try {
    values = parseArgs({ args: argv, options: { file: { type: 'string' } }, strict: true, allowPositionals: false }).values;
  } catch (err) {
    ctx.err(`campaign mcp: ${err instanceof Error ? err.message : String(err)}\nUsage: campaign ${mcpUsage}`);
    return 2;
  }
  const file = values.file ?? ctx.file;
  ctx.err(`campaign mcp: serving ${file ? `--file ${file}` : `the campaign found from ${ctx.cwd}`} on stdio`);
  await loadMcpServer().serveCampaignMcp({ cwd: ctx.cwd, ...(file !== undefined ? { file } : {}), now: ctx.now, log: (t) => ctx.err(`campaign mcp: ${t}`) }, CAMPAIGN_VERSION);
  return 0;
}

declare const CAMPAIGN_VERSION: string;
