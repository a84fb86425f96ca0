// MCP tool calls and CLI writers on one file at the same moment: they all go
// through the same lock and hash guard, so every effect lands exactly once,
// the file stays valid and its comments stay.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { CampaignDocument } from '../../src/core/document/campaignDocument';
import { fixture, tempDir } from '../support/fixtures';
import { callTool, cliPath, connectMcp } from '../support/mcpClient';

const exec = promisify(execFile);
const CLIENTS = 4;
const MCP_CALLS = 8;
const CLI_WRITERS = 8;

describe('MCP and CLI writers at once', () => {
  it(`${MCP_CALLS} MCP tool calls from ${CLIENTS} clients and ${CLI_WRITERS} CLI writers: every effect exactly once`, async () => {
    const t = tempDir('campaign-mcp-concurrency-');
    mkdirSync(join(t.dir, '.claude'));
    const path = join(t.dir, '.claude', 'campaign.yaml');
    writeFileSync(path, fixture('commented.yaml'));
    const sessions = await Promise.all(Array.from({ length: CLIENTS }, (_, i) => connectMcp(t.dir, [], `client-${i}`)));
    try {
      const work: string[] = [];
      const decisions: string[] = [];
      const mcp = Array.from({ length: MCP_CALLS }, (_, i) => {
        const client = sessions[i % CLIENTS]!.client;
        if (i % 2 === 0) {
          const title = `MCP work ${i}`;
          work.push(title);
          return callTool(client, 'add_work', { title, priority: 'low' });
        }
        const decision = `MCP decision ${i}`;
        decisions.push(decision);
        return callTool(client, 'log_decision', { decision, rationale: `because ${i}` });
      });
      const cli = Array.from({ length: CLI_WRITERS }, (_, i) => {
        if (i % 2 === 0) {
          const title = `CLI work ${i}`;
          work.push(title);
          return exec(process.execPath, [cliPath, 'work', 'add', '--title', title], { cwd: t.dir });
        }
        const decision = `CLI decision ${i}`;
        decisions.push(decision);
        return exec(process.execPath, [cliPath, 'decide', '--decision', decision, '--rationale', `because ${i}`], { cwd: t.dir });
      });
      const [answers] = await Promise.all([Promise.all(mcp), Promise.all(cli)]);
      for (const a of answers) assert.equal(a.isError, false, a.text);

      const text = readFileSync(path, 'utf8');
      const m = CampaignDocument.parse(text).model;
      const titles = m.remaining_work.map((w) => w.title);
      const logged = m.decisions_log.map((d) => d.decision);
      for (const w of work) assert.equal(titles.filter((x) => x === w).length, 1, w);
      for (const d of decisions) assert.equal(logged.filter((x) => x === d).length, 1, d);
      assert.equal(m.remaining_work.length, 3 + work.length, 'nothing else added or lost');
      assert.equal(m.decisions_log.length, 2 + decisions.length);
      assert.equal(new Set(m.remaining_work.map((w) => w.id)).size, m.remaining_work.length, 'ids unique');
      // The ids the tools returned are the ones in the file.
      for (const a of answers) assert.ok(m.remaining_work.some((w) => w.id === a.structured!.id) || m.decisions_log.some((d) => d.id === a.structured!.id));
      assert.ok(text.includes('# Security first'), 'comments kept');
      assert.deepEqual(readdirSync(join(t.dir, '.claude')), ['campaign.yaml'], 'no lock or temp file left');
    } finally {
      await Promise.all(sessions.map((s) => s.close()));
      t.cleanup();
    }
  });
});
