// `campaign mcp` loads the server from its own bundle (dist/mcp.js) through a
// shape the CLI declares; this keeps that shape the server's. The assignment
// below is checked by `tsc --noEmit` (a mismatch fails the typecheck step of
// npm test), and the run checks the built bundle exports it.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { McpServerBundle } from '../../src/cli/commands/mcpCommand';
import { serveCampaignMcp } from '../../src/mcp/mcpServer';
import { repoRoot } from '../support/fixtures';

const declared: McpServerBundle = { serveCampaignMcp };

describe('the MCP server bundle', () => {
  it('is built beside the CLI and exports what campaign mcp calls', () => {
    const bundle = join(repoRoot, 'dist', 'mcp.js');
    assert.ok(existsSync(bundle), `build first (node scripts/build.mjs): ${bundle}`);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const loaded = require(bundle) as Partial<McpServerBundle>;
    assert.equal(typeof loaded.serveCampaignMcp, 'function');
    assert.equal(typeof declared.serveCampaignMcp, 'function');
  });
});
