// Job: the real Claude Code keeps the campaign through the MCP server. A
// connected temp project gets a `.mcp.json` naming `campaign mcp` (the built
// CLI, run by node) and the project-server approval in
// .claude/settings.local.json; `claude -p` runs against the loopback stub,
// which plays a model that calls mcp__campaign__log_decision and
// complete_work, then end_session with a handoff, then answers in text. The
// campaign file must show each effect once, and the next session's first
// request must carry the handoff written through MCP exactly once.
//
// Build first: `node scripts/build.mjs --tests`; run:
// `CAMPAIGN_E2E_FILES=claudeCodeMcp node scripts/run-e2e-tests.mjs`.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CampaignDocument } from '../../src/core/document/campaignDocument';
import { conversationRequests, count, findClaude, modelText, runClaude } from '../support/claudeCodeRun';
import { startMessagesApiStub, type MessagesApiStub, type RecordedRequest, type StubBlock } from '../support/messagesApiStub';

const repoRoot = process.env.CAMPAIGN_REPO_ROOT ?? join(__dirname, '..', '..', '..');
const cliJs = process.env.CAMPAIGN_CLI_JS ?? join(repoRoot, 'dist', 'cli.js');
const campaignFixture = readFileSync(join(repoRoot, 'test/fixtures/claude-code/campaign.yaml'), 'utf8');

const PROMPT = 'Record the outbox decision, finish the expiry check, and end the session with a handoff.';
const DECISION = 'Send every reset email through the outbox queue';
const RATIONALE = 'One delivery path to monitor and retry';
const DONE_TITLE = 'Finish the password reset token expiry check';
const NEXT_STEP = 'Add a reset-email delivery dashboard';
const HANDOFF = 'MCP_HANDOFF_8R: rate limiting is next; reset emails now ship through the outbox';
const FINAL = 'MCP_SESSION_DONE_4T';

interface Message {
  role: string;
  content: unknown;
}

/** The tool_result blocks the client sent back, by tool_use id. */
function toolResults(r: RecordedRequest): Map<string, { is_error?: boolean; text: string }> {
  const out = new Map<string, { is_error?: boolean; text: string }>();
  for (const m of ((r.json as { messages?: Message[] }).messages ?? [])) {
    if (!Array.isArray(m.content)) continue;
    for (const b of m.content as Array<{ type?: string; tool_use_id?: string; is_error?: boolean; content?: unknown }>) {
      if (b.type === 'tool_result' && b.tool_use_id) out.set(b.tool_use_id, { is_error: b.is_error, text: JSON.stringify(b.content) });
    }
  }
  return out;
}

/** The scripted model: tools first, then end_session, then a final text. */
function scriptedModel(r: RecordedRequest): StubBlock[] | undefined {
  const j = r.json as { tools?: Array<{ name?: string }>; messages?: Message[] } | undefined;
  const messages = j?.messages ?? [];
  const first = messages[0];
  if (!first || !JSON.stringify(first.content).includes(PROMPT)) return undefined;
  if (!(j?.tools ?? []).some((t) => t.name === 'mcp__campaign__end_session')) {
    return [{ type: 'text', text: `NO_CAMPAIGN_TOOLS: ${(j?.tools ?? []).map((t) => t.name).join(',')}` }];
  }
  // Claude Code merges the assistant's turns into one message: the tool
  // results already sent back say how far the script has got.
  const done = toolResults(r);
  if (done.size === 0) {
    return [
      { type: 'text', text: 'Recording the decision and completing the item.' },
      { type: 'tool_use', id: 'toolu_stub_decide', name: 'mcp__campaign__log_decision', input: { decision: DECISION, rationale: RATIONALE } },
      { type: 'tool_use', id: 'toolu_stub_done', name: 'mcp__campaign__complete_work', input: { ref: 'w-reset' } },
    ];
  }
  if (!done.has('toolu_stub_end')) {
    return [
      {
        type: 'tool_use',
        id: 'toolu_stub_end',
        name: 'mcp__campaign__end_session',
        input: { handoff: HANDOFF, next_steps: [{ title: NEXT_STEP, priority: 'high' }] },
      },
    ];
  }
  return [{ type: 'text', text: FINAL }];
}

let claudeBin: string | undefined;
let skipReason: string | undefined;
let stub: MessagesApiStub;

function campaign(cwd: string, ...args: string[]): string {
  const r = spawnSync(process.execPath, [cliJs, ...args], { cwd, encoding: 'utf8' });
  assert.equal(r.status, 0, `campaign ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout;
}

describe('Claude Code keeps the campaign through the MCP server', { timeout: 10 * 60_000 }, () => {
  before(async () => {
    if (!existsSync(cliJs)) throw new Error(`no ${cliJs}: run \`node scripts/build.mjs\` first`);
    const found = findClaude(repoRoot);
    if (found.reason) skipReason = found.reason;
    else claudeBin = found.bin;
    stub = await startMessagesApiStub({ respond: scriptedModel });
  });
  after(async () => {
    await stub?.close();
  });

  it('log_decision, complete_work and end_session through .mcp.json change the file once; the next session starts from that handoff, once', async (t) => {
    if (skipReason) return t.skip(skipReason);
    const dir = mkdtempSync(join(tmpdir(), 'campaign-claude-mcp-'));
    try {
      mkdirSync(join(dir, '.claude'));
      const path = join(dir, '.claude', 'campaign.yaml');
      writeFileSync(path, `# Team comment: keep me\n${campaignFixture}`);
      campaign(dir, 'connect'); // CLAUDE.md imports the primer file
      writeFileSync(join(dir, '.mcp.json'), `${JSON.stringify({ mcpServers: { campaign: { command: process.execPath, args: [cliJs, 'mcp'] } } }, null, 2)}\n`);
      // What approves a project's .mcp.json server without asking (connect --mcp writes the same).
      writeFileSync(join(dir, '.claude', 'settings.local.json'), `${JSON.stringify({ enabledMcpjsonServers: ['campaign'] }, null, 2)}\n`);

      const run = await runClaude(claudeBin!, stub, dir, PROMPT, {
        args: ['--allowedTools', 'mcp__campaign'],
        env: { ENABLE_TOOL_SEARCH: 'false' },
      });
      const convo = conversationRequests(run, PROMPT);
      t.diagnostic(`claude -p: exit ${run.code}, ${run.requests.length} request(s), ${convo.length} in the conversation`);
      assert.equal(run.code, 0, `claude exited ${run.code}\nstdout: ${run.stdout}\nstderr: ${run.stderr}`);
      assert.deepEqual(run.requests.filter((r) => r.method === 'CONNECT').map((r) => r.path), [], 'nothing tried to leave the machine');
      assert.ok(!run.stdout.includes('NO_CAMPAIGN_TOOLS'), `the campaign tools were offered to the model: ${run.stdout}`);
      assert.match(run.stdout, new RegExp(FINAL));

      // Every tool call came back as a success.
      const results = toolResults(convo.at(-1)!);
      for (const id of ['toolu_stub_decide', 'toolu_stub_done', 'toolu_stub_end']) {
        const res = results.get(id);
        assert.ok(res, `a tool_result for ${id}`);
        assert.notEqual(res.is_error, true, `${id}: ${res.text}`);
      }
      assert.match(results.get('toolu_stub_decide')!.text, /d-[a-z2-9]{4}/, 'log_decision returned the id');

      // The file: each effect once, comments kept.
      const text = readFileSync(path, 'utf8');
      assert.ok(text.startsWith('# Team comment: keep me\n'));
      const m = CampaignDocument.parse(text).model;
      assert.equal(m.decisions_log.filter((d) => d.decision === DECISION && d.rationale === RATIONALE).length, 1);
      assert.equal(m.active_session, null, 'the session was ended');
      assert.ok(!m.remaining_work.some((w) => w.title === DONE_TITLE), 'the completed item left remaining work');
      assert.equal(m.build_log.length, 1);
      assert.ok(m.build_log[0]!.accomplishments.includes(DONE_TITLE), 'and is logged as an accomplishment');
      assert.equal(m.remaining_work.filter((w) => w.title === NEXT_STEP && w.priority === 'high').length, 1);
      assert.equal(m.handoff_notes.next_session, HANDOFF);

      // The next session: its first request carries the new handoff, once.
      const next = await runClaude(claudeBin!, stub, dir, 'hello', { env: { ENABLE_TOOL_SEARCH: 'false' } });
      assert.equal(next.code, 0, next.stderr);
      const first = conversationRequests(next, 'hello')[0];
      assert.ok(first, `a request carried the prompt: ${next.requests.map((r) => `${r.method} ${r.path}`).join(', ')}`);
      const input = modelText(first);
      assert.equal(count(input, HANDOFF), 1, `the handoff written through MCP appears ${count(input, HANDOFF)} time(s)`);
      assert.equal(count(input, 'Start with the expiry check in reset_tokens.py'), 0, 'the old handoff is gone');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
