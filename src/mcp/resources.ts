// Job: the two resources: campaign://primer (the session primer, default
// budget) and campaign://campaign.yaml (the file exactly as it is on disk).
import { readFile } from 'node:fs/promises';
import type { McpServer } from '@modelcontextprotocol/server';
import { loadCampaign } from '../core/file/campaignFile';
import type { McpContext } from './mcpContext';
import { errorText } from './toolResults';
import { primerFor } from './tools/readTools';

export const PRIMER_URI = 'campaign://primer';
export const FILE_URI = 'campaign://campaign.yaml';

export function registerResources(server: McpServer, mc: McpContext): void {
  server.registerResource(
    'primer',
    PRIMER_URI,
    {
      title: 'Campaign primer',
      description: 'The session primer: what a new session needs to know about this project, within 2,000 tokens.',
      mimeType: 'text/markdown',
    },
    async (uri) => {
      let text: string;
      try {
        text = (await primerFor(await mc.campaignPath())).text;
      } catch (err) {
        text = errorText(err);
      }
      return { contents: [{ uri: uri.href, mimeType: 'text/markdown', text }] };
    },
  );
  server.registerResource(
    'campaign.yaml',
    FILE_URI,
    {
      title: 'Campaign file',
      description: 'The campaign file (.claude/campaign.yaml) as it is on disk, comments included. Change it through the tools, not by editing.',
      mimeType: 'application/yaml',
    },
    async (uri) => {
      // The raw text, even when it does not parse: that is when a person wants to see it.
      const path = await mc.campaignPath();
      const text = await loadCampaign(path).then(
        (l) => l.text,
        (err: unknown) => readFile(path, 'utf8').catch(() => errorText(err, path)),
      );
      return { contents: [{ uri: uri.href, mimeType: 'application/yaml', text }] };
    },
  );
}
