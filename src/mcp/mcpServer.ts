// Job: `campaign mcp`: the stdio MCP server. One McpServer per connection
// (serveStdio picks the protocol era from the client's opening: a 2025-era
// `initialize` or a 2026-07-28 `server/discover`), with the campaign tools,
// resources and prompts registered on it. stdout carries only the protocol.
import { McpServer } from '@modelcontextprotocol/server';
import { serveStdio } from '@modelcontextprotocol/server/stdio';
import { mcpContext, type McpServerOptions, type RootsSource } from './mcpContext';
import { registerPrompts } from './prompts';
import { registerResources } from './resources';
import { registerDecisionTools } from './tools/decisionTools';
import { registerReadTools } from './tools/readTools';
import { registerSessionTools } from './tools/sessionTools';
import { registerWorkTools } from './tools/workTools';

export const SERVER_NAME = 'campaign';

const INSTRUCTIONS =
  "Campaign keeps this project's memory across agent sessions in .claude/campaign.yaml. Read it with get_primer at the start; " +
  'start_session with a focus; complete_work, add_work and log_decision as you go; end_session with a handoff before you stop. ' +
  'Never edit the YAML by hand: the tools keep comments, lock the file and validate every change.';

export function createCampaignServer(options: McpServerOptions, version: string, era: 'legacy' | 'modern'): McpServer {
  const server = new McpServer(
    { name: SERVER_NAME, version },
    { capabilities: { tools: {}, resources: {}, prompts: {} }, instructions: INSTRUCTIONS },
  );
  // Roots come from a server-to-client request, which only the 2025-era
  // connection has; a modern connection falls back to --file and the cwd.
  const roots: RootsSource = async () => {
    if (era !== 'legacy' || !server.server.getClientCapabilities()?.roots) return undefined;
    const listed = await server.server.listRoots();
    return listed.roots.map((r) => r.uri);
  };
  const mc = mcpContext(options, roots);
  registerReadTools(server, mc);
  registerSessionTools(server, mc);
  registerWorkTools(server, mc);
  registerDecisionTools(server, mc);
  registerResources(server, mc);
  registerPrompts(server, mc);
  return server;
}

/** Serves over this process's stdin/stdout until the client closes stdin. */
export function serveCampaignMcp(options: McpServerOptions, version: string): Promise<void> {
  return new Promise((resolve) => {
    const handle = serveStdio((ctx) => createCampaignServer(options, version, ctx.era), {
      onerror: (err) => options.log(`protocol error: ${err.message}`),
    });
    const stop = () => {
      void handle.close().finally(resolve);
    };
    process.stdin.once('end', stop);
    process.stdin.once('close', stop);
  });
}
