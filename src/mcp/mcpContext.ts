// Job: what every MCP tool, resource and prompt gets: how to find the
// campaign file for this call (`--file`, the nearest .claude/campaign.yaml
// upward from the working folder, else the client's MCP roots), the clock,
// and a logger that writes to stderr only (stdout carries the protocol).
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findCampaignFile } from '../core/file/findCampaign';
import { CampaignError } from '../core/model/problems';

export interface McpServerOptions {
  cwd: string;
  /** `--file PATH`, when given. */
  file?: string;
  now: () => Date;
  log: (text: string) => void;
}

/** Asks the connected client for its roots; undefined when it has none to give. */
export type RootsSource = () => Promise<readonly string[] | undefined>;

export interface McpContext extends McpServerOptions {
  /** The campaign file for this call, found afresh each time (a file may appear, or move). */
  campaignPath(): Promise<string>;
}

export function mcpContext(options: McpServerOptions, roots: RootsSource): McpContext {
  return {
    ...options,
    async campaignPath() {
      if (options.file) return resolve(options.cwd, options.file);
      const here = findCampaignFile(options.cwd);
      if (here) return here;
      const uris = (await roots().catch(() => undefined)) ?? [];
      for (const uri of uris) {
        if (!uri.startsWith('file:')) continue;
        const found = findCampaignFile(fileURLToPath(uri));
        if (found) return found;
      }
      throw new CampaignError(
        `No .claude/campaign.yaml in ${options.cwd} or any folder above it${uris.length ? ', nor in the client\'s roots' : ''}. ` +
          'Create one with `campaign init` in the project, or start the server with `campaign mcp --file PATH`.',
      );
    },
  };
}
