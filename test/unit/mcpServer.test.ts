// The MCP server as an agent meets it: the SDK's own client over stdio
// against the built CLI (`node dist/cli.js mcp`). Every tool is called and
// its effect checked in the file (comments and unknown keys kept); bad calls
// come back as isError results with a message a model can act on.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CampaignDocument } from '../../src/core/document/campaignDocument';
import { fixture, tempDir } from '../support/fixtures';
import { callTool, cliPath, connectMcp, rawExchange, type McpSession } from '../support/mcpClient';

function project(name = 'commented.yaml') {
  const t = tempDir('campaign-mcp-');
  mkdirSync(join(t.dir, '.claude'));
  const path = join(t.dir, '.claude', 'campaign.yaml');
  writeFileSync(path, fixture(name));
  const read = () => readFileSync(path, 'utf8');
  return { ...t, path, read, model: () => CampaignDocument.parse(read()).model };
}

const TOOLS = [
  'add_work',
  'complete_work',
  'end_session',
  'get_primer',
  'log_decision',
  'set_handoff',
  'show_campaign',
  'start_session',
  'update_work',
];

describe('campaign mcp over stdio (SDK client)', () => {
  let p: ReturnType<typeof project>;
  let s: McpSession;
  before(async () => {
    assert.ok(existsSync(cliPath), `build the CLI first (node scripts/build.mjs): ${cliPath}`);
    p = project();
    s = await connectMcp(join(p.dir)); // found from the working folder, as the CLI does
  });
  after(async () => {
    await s.close();
    p.cleanup();
  });

  it('introduces itself as "campaign" and lists exactly the campaign tools, with their input schemas and hints', async () => {
    assert.equal(s.client.getServerVersion()?.name, 'campaign');
    const { tools } = await s.client.listTools();
    assert.deepEqual(tools.map((t) => t.name).sort(), TOOLS);
    const byName = new Map(tools.map((t) => [t.name, t]));
    const props = (n: string) => Object.keys((byName.get(n)!.inputSchema.properties ?? {}) as object).sort();
    const required = (n: string) => [...((byName.get(n)!.inputSchema as { required?: string[] }).required ?? [])].sort();
    assert.deepEqual(props('get_primer'), ['budget']);
    assert.deepEqual(props('show_campaign'), []);
    assert.deepEqual(props('start_session'), ['blockers', 'focus', 'replace', 'work_ref']);
    assert.deepEqual(required('start_session'), ['focus']);
    assert.deepEqual(props('end_session'), ['accomplishments', 'decisions', 'handoff', 'next_steps', 'notes']);
    assert.deepEqual(required('end_session'), []);
    assert.deepEqual(props('add_work'), ['notes', 'priority', 'title']);
    assert.deepEqual(props('update_work'), ['notes', 'priority', 'ref', 'status', 'title']);
    assert.deepEqual(required('update_work'), ['ref']);
    assert.deepEqual(props('complete_work'), ['ref']);
    assert.deepEqual(props('log_decision'), ['decision', 'rationale', 'supersedes']);
    assert.deepEqual(required('log_decision'), ['decision', 'rationale']);
    assert.deepEqual(props('set_handoff'), ['handoff', 'notes']);
    const nextSteps = (byName.get('end_session')!.inputSchema.properties as Record<string, { items?: { properties?: object } }>).next_steps;
    assert.deepEqual(Object.keys(nextSteps!.items!.properties!).sort(), ['priority', 'title']);
    for (const t of tools) {
      assert.ok((t.description ?? '').length > 60, `${t.name} has a description written for a model`);
      assert.equal(typeof t.annotations?.readOnlyHint, 'boolean', `${t.name} readOnlyHint`);
      assert.equal(typeof t.annotations?.destructiveHint, 'boolean', `${t.name} destructiveHint`);
      assert.equal(typeof t.annotations?.idempotentHint, 'boolean', `${t.name} idempotentHint`);
    }
    assert.equal(byName.get('get_primer')!.annotations!.readOnlyHint, true);
    assert.equal(byName.get('add_work')!.annotations!.readOnlyHint, false);
  });

  it('get_primer: the primer text in content and {text, tokens, omitted} in structuredContent', async () => {
    const r = await callTool(s.client, 'get_primer', { budget: 400 });
    assert.equal(r.isError, false, r.text);
    assert.match(r.text, /Auth Service/);
    assert.equal(r.structured!.text, r.text);
    assert.equal(typeof r.structured!.tokens, 'number');
    assert.ok((r.structured!.tokens as number) <= 400);
    assert.equal(typeof r.structured!.omitted, 'object');
  });

  it('show_campaign: the normalized campaign with ids', async () => {
    const r = await callTool(s.client, 'show_campaign');
    assert.equal(r.isError, false, r.text);
    const c = r.structured! as { remaining_work: Array<{ id: string; title: string; index?: number }> };
    assert.deepEqual(c.remaining_work.map((w) => w.id), ['w1', 'w2', 'w3']);
    assert.equal(c.remaining_work[0]!.index, undefined);
    assert.match(r.text, /w1 \[high\] Implement password reset flow/);
  });

  it('a whole session through the tools changes the file as the CLI would, keeping comments and unknown keys', async () => {
    let r = await callTool(s.client, 'start_session', { focus: 'Password reset', blockers: ['SMTP creds'], work_ref: 'w1' });
    assert.equal(r.isError, false, r.text);
    assert.equal(p.model().active_session?.focus, 'Password reset');
    assert.equal(p.model().remaining_work[0]!.status, 'in_progress');

    r = await callTool(s.client, 'add_work', { title: 'Audit logging', priority: 'high', notes: 'SOC2' });
    assert.equal(r.isError, false, r.text);
    const id = r.structured!.id as string;
    assert.match(id, /^w-[a-z2-9]{4}$/);
    assert.match(r.text, new RegExp(id));
    const added = p.model().remaining_work.find((w) => w.id === id)!;
    assert.deepEqual([added.title, added.priority, added.notes], ['Audit logging', 'high', 'SOC2']);

    r = await callTool(s.client, 'update_work', { ref: 'Audit logging', priority: 'low', notes: 'SOC2 type II' });
    assert.equal(r.isError, false, r.text);
    const updated = p.model().remaining_work.find((w) => w.id === id)!;
    assert.deepEqual([updated.priority, updated.notes], ['low', 'SOC2 type II'], 'notes replaced');

    r = await callTool(s.client, 'complete_work', { ref: 'w1' });
    assert.equal(r.isError, false, r.text);
    assert.equal(p.model().remaining_work[0]!.status, 'done');

    r = await callTool(s.client, 'update_work', { ref: 'w2', status: 'done' });
    assert.equal(r.isError, false, r.text);
    const w2 = p.model().remaining_work.find((w) => w.id === 'w2')!;
    assert.equal(w2.status, 'done');
    assert.ok(w2.done, 'status done is complete_work: the done date is set');

    r = await callTool(s.client, 'log_decision', { decision: 'Argon2id for password hashes', rationale: 'Memory-hard' });
    assert.equal(r.isError, false, r.text);
    const did = r.structured!.id as string;
    assert.match(did, /^d-[a-z2-9]{4}$/);
    r = await callTool(s.client, 'log_decision', { decision: 'Opaque session tokens', rationale: 'Revocable', supersedes: 'd2' });
    assert.equal(r.isError, false, r.text);
    const d2 = p.model().decisions_log.find((d) => d.id === 'd2')!;
    assert.deepEqual([d2.status, d2.superseded_by], ['superseded', r.structured!.id]);

    r = await callTool(s.client, 'set_handoff', { handoff: 'Midway note', notes: ['one'] });
    assert.equal(r.isError, false, r.text);
    assert.equal(p.model().handoff_notes.next_session, 'Midway note');

    r = await callTool(s.client, 'end_session', {
      accomplishments: ['Reset emails'],
      next_steps: [{ title: 'Reset UI', priority: 'high' }, { title: 'Reset docs' }],
      handoff: 'Start with the reset UI',
      notes: ['Templates in templates/'],
      decisions: [{ decision: 'SES for email', rationale: 'Already on AWS' }],
    });
    assert.equal(r.isError, false, r.text);
    const m = p.model();
    assert.equal(m.active_session, null);
    const entry = m.build_log.at(-1)!;
    assert.equal(entry.title, 'Password reset');
    assert.deepEqual(entry.accomplishments, ['Reset emails'], 'accomplishments given are logged exactly, nothing more');
    assert.deepEqual(m.remaining_work.map((w) => w.title), ['Write API documentation', 'Audit logging', 'Reset UI', 'Reset docs']);
    assert.equal(m.remaining_work[2]!.priority, 'high');
    assert.equal(m.remaining_work[3]!.priority, 'medium');
    assert.ok(m.decisions_log.some((d) => d.decision === 'SES for email' && d.rationale === 'Already on AWS'));
    assert.equal(m.handoff_notes.next_session, 'Start with the reset UI');
    assert.deepEqual(m.handoff_notes.notes, ['Templates in templates/']);

    const text = p.read();
    for (const kept of ['# Campaign: Auth Service', '# the repo is auth-svc', '# Things every session must respect', '# Security first', '# Unknown keys belong to the team', 'pager: "#auth-oncall"']) {
      assert.ok(text.includes(kept), `kept: ${kept}`);
    }
  });

  it('end_session with no accomplishments logs exactly the work completed in this session, never earlier work', async () => {
    const q = project();
    const c = await connectMcp(q.dir);
    try {
      let r = await callTool(c.client, 'start_session', { focus: 'Docs' });
      assert.equal(r.isError, false, r.text);
      r = await callTool(c.client, 'complete_work', { ref: 'Write API documentation' });
      assert.equal(r.isError, false, r.text);
      r = await callTool(c.client, 'end_session', {});
      assert.equal(r.isError, false, r.text);
      assert.deepEqual(q.model().build_log.at(-1)!.accomplishments, ['Write API documentation']);
      // The next session completes nothing: the earlier item is not logged again.
      await callTool(c.client, 'start_session', { focus: 'Nothing much' });
      r = await callTool(c.client, 'end_session', { handoff: 'Quiet day' });
      assert.equal(r.isError, false, r.text);
      assert.deepEqual(q.model().build_log.at(-1)!.accomplishments, []);
      assert.ok(!q.model().remaining_work.some((w) => w.title === 'Write API documentation'), 'done work left remaining work');
    } finally {
      await c.close();
      q.cleanup();
    }
  });

  it('a bad ref is an isError result naming the closest matches; positions are refused', async () => {
    const before = p.read();
    let r = await callTool(s.client, 'complete_work', { ref: 'Write API docs' });
    assert.equal(r.isError, true);
    assert.match(r.text, /No work item has the id or exact title "Write API docs"/);
    assert.match(r.text, /Closest: w3 "Write API documentation"/);
    r = await callTool(s.client, 'update_work', { ref: '1', priority: 'high' });
    assert.equal(r.isError, true, 'a position is not a ref');
    assert.match(r.text, /positions are not accepted/);
    r = await callTool(s.client, 'update_work', { ref: 'w3' });
    assert.equal(r.isError, true, 'an update with nothing to change');
    assert.match(r.text, /Nothing to change/);
    r = await callTool(s.client, 'add_work', { title: 42 });
    assert.equal(r.isError, true, 'arguments of the wrong type');
    r = await callTool(s.client, 'log_decision', { decision: 'X', rationale: 'Y', supersedes: 'd-none' });
    assert.equal(r.isError, true);
    assert.match(r.text, /No decision has the id or exact text "d-none"/);
    assert.equal(p.read(), before, 'nothing written');
  });

  it('end_session without an active session is an isError result that says so', async () => {
    const before = p.read();
    const r = await callTool(s.client, 'end_session', { handoff: 'x' });
    assert.equal(r.isError, true);
    assert.match(r.text, /No session is active/);
    assert.match(r.text, /start_session/);
    assert.equal(p.read(), before);
  });

  it('the server keeps serving after bad calls', async () => {
    const r = await callTool(s.client, 'show_campaign');
    assert.equal(r.isError, false);
  });

  it('lists and reads the resources campaign://primer and campaign://campaign.yaml', async () => {
    const { resources } = await s.client.listResources();
    assert.deepEqual(resources.map((r) => r.uri).sort(), ['campaign://campaign.yaml', 'campaign://primer']);
    const file = await s.client.readResource({ uri: 'campaign://campaign.yaml' });
    assert.equal((file.contents[0] as { text: string }).text, p.read());
    const primer = await s.client.readResource({ uri: 'campaign://primer' });
    assert.match((primer.contents[0] as { text: string }).text, /Start with the reset UI/);
  });

  it('lists and gets the prompts start-session and end-session', async () => {
    const { prompts } = await s.client.listPrompts();
    assert.deepEqual(prompts.map((x) => x.name).sort(), ['end-session', 'start-session']);
    const start = await s.client.getPrompt({ name: 'start-session', arguments: { focus: 'Reset UI' } });
    const startText = (start.messages[0]!.content as { text: string }).text;
    assert.match(startText, /Auth Service/);
    assert.match(startText, /start_session, focus: "Reset UI"/);
    const end = await s.client.getPrompt({ name: 'end-session' });
    assert.match((end.messages[0]!.content as { text: string }).text, /end_session/);
  });

  it('logs to stderr only', () => {
    assert.match(s.stderr(), /campaign mcp: serving/);
  });
});

describe('campaign mcp: files and handshakes', () => {
  it('an invalid file: each problem as FILE:LINE:COL in an isError result, and the file left alone', async () => {
    const p = project('invalid-schema.yaml');
    const s = await connectMcp(p.dir, ['--file', p.path]);
    try {
      const before = p.read();
      const r = await callTool(s.client, 'add_work', { title: 'Anything' });
      assert.equal(r.isError, true);
      const lines = r.text.split('\n').filter((l) => l.startsWith(`${p.path}:`));
      assert.ok(lines.length >= 2, r.text);
      for (const l of lines) assert.match(l, /:\d+:\d+: /);
      assert.match(r.text, /priority/);
      assert.equal(p.read(), before);
      const primer = await callTool(s.client, 'get_primer');
      assert.equal(primer.isError, true);
    } finally {
      await s.close();
      p.cleanup();
    }
  });

  it('when the project is connected, the primer file is regenerated after each write', async () => {
    const p = project();
    const primerFile = join(p.dir, '.claude', 'campaign-primer.md');
    writeFileSync(primerFile, 'stale\n'); // the primer file exists: connected
    const s = await connectMcp(p.dir);
    try {
      const r = await callTool(s.client, 'add_work', { title: 'Primer follows MCP writes', priority: 'high' });
      assert.equal(r.isError, false, r.text);
      const text = readFileSync(primerFile, 'utf8');
      assert.match(text, /^Generated by Campaign/);
      assert.match(text, /Primer follows MCP writes/);
    } finally {
      await s.close();
      p.cleanup();
    }
  });

  it('no campaign anywhere: an isError result saying how to create one', async () => {
    const t = tempDir('campaign-mcp-none-');
    const s = await connectMcp(t.dir);
    try {
      const r = await callTool(s.client, 'show_campaign');
      assert.equal(r.isError, true);
      assert.match(r.text, /No \.claude\/campaign\.yaml/);
      assert.match(r.text, /campaign init/);
    } finally {
      await s.close();
      t.cleanup();
    }
  });

  it('uses the client\'s MCP roots when the working folder has no campaign', async () => {
    const p = project();
    const elsewhere = tempDir('campaign-mcp-cwd-');
    const { Client } = await import('@modelcontextprotocol/sdk/client/index.js');
    const { StdioClientTransport } = await import('@modelcontextprotocol/sdk/client/stdio.js');
    const { ListRootsRequestSchema } = await import('@modelcontextprotocol/sdk/types.js');
    const { pathToFileURL } = await import('node:url');
    const client = new Client({ name: 'roots-test', version: '1' }, { capabilities: { roots: {} } });
    client.setRequestHandler(ListRootsRequestSchema, () => ({ roots: [{ uri: pathToFileURL(p.dir).href, name: 'project' }] }));
    await client.connect(new StdioClientTransport({ command: process.execPath, args: [cliPath, 'mcp'], cwd: elsewhere.dir, stderr: 'pipe' }));
    try {
      const r = await callTool(client, 'add_work', { title: 'Found through roots' });
      assert.equal(r.isError, false, r.text);
      assert.ok(p.model().remaining_work.some((w) => w.title === 'Found through roots'));
    } finally {
      await client.close();
      p.cleanup();
      elsewhere.cleanup();
    }
  });

  it('serves an older client: initialize with protocolVersion 2025-03-26, then tools/list', async () => {
    const p = project();
    try {
      const answers = await rawExchange(p.dir, [
        { jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-03-26', capabilities: {}, clientInfo: { name: 'old', version: '1' } } },
        { jsonrpc: '2.0', method: 'notifications/initialized' },
        { jsonrpc: '2.0', id: 2, method: 'tools/list', params: {} },
      ]);
      const init = answers.get(1)!.result as { protocolVersion: string; serverInfo: { name: string } };
      assert.equal(init.protocolVersion, '2025-03-26');
      assert.equal(init.serverInfo.name, 'campaign');
      const tools = (answers.get(2)!.result as { tools: Array<{ name: string }> }).tools;
      assert.deepEqual(tools.map((t) => t.name).sort(), TOOLS);
    } finally {
      p.cleanup();
    }
  });

  it('answers the 2026-07-28 server/discover probe and serves that era too', async () => {
    const p = project();
    const meta = {
      'io.modelcontextprotocol/protocolVersion': '2026-07-28',
      'io.modelcontextprotocol/clientInfo': { name: 'new', version: '1' },
      'io.modelcontextprotocol/clientCapabilities': {},
    };
    try {
      const answers = await rawExchange(p.dir, [
        { jsonrpc: '2.0', id: 1, method: 'server/discover', params: { _meta: meta } },
        { jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name: 'add_work', arguments: { title: 'Modern era item' }, _meta: meta } },
      ]);
      const discover = answers.get(1)!.result as { supportedVersions: string[] };
      assert.ok(discover.supportedVersions.includes('2026-07-28'), JSON.stringify(answers.get(1)));
      const call = answers.get(2)!.result as { isError?: boolean; structuredContent: { id: string } };
      assert.notEqual(call.isError, true, JSON.stringify(call));
      assert.ok(p.model().remaining_work.some((w) => w.id === call.structuredContent.id && w.title === 'Modern era item'));
    } finally {
      p.cleanup();
    }
  });
});
