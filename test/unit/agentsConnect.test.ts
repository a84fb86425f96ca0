// Connecting every agent, alone and all together, in folders that already
// have instruction files and settings of their own (real ones, from
// test/fixtures/agents): each agent reads the session protocol exactly once
// by the reading table in core (what docs/agents.md says), connect twice is
// connect once, disconnect restores every byte, an empty file that was there
// stays, a person's later edits survive, and --mcp registers the server.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, readdirSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { AGENT_NAMES, LOCATIONS, NAME_READERS, READER_LABELS, READERS, READ_RULES, type AgentName, type FolderFacts, type LocationId, type Reader } from '../../src/core/agents/agentTable';
import { blockBody, findBlock } from '../../src/core/agents/claudeMdBlock';
import { connect, disconnect } from '../../src/core/agents/connect';
import { parseJsonc } from '../../src/core/agents/jsonText';
import { MCP_PERMISSION, MCP_SERVER } from '../../src/core/agents/mcpRegistration';
import { runCli } from '../../src/cli/main';
import { repoRoot, tempDir } from '../support/fixtures';

const agentsFixtures = join(repoRoot, 'test/fixtures/agents');
const real = (name: string) => readFileSync(join(agentsFixtures, name));
const campaignYaml = readFileSync(join(repoRoot, 'test/fixtures/claude-code/campaign.yaml'));

function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      const rel = relative(dir, p);
      if (statSync(p).isDirectory()) {
        out.set(`${rel}/`, '');
        walk(p);
      } else out.set(rel, readFileSync(p).toString('base64'));
    }
  };
  walk(dir);
  return out;
}

interface Repo {
  dir: string;
  campaign: string;
  cleanup: () => void;
}

function repo(files: Record<string, Buffer | string>): Repo {
  const { dir, cleanup } = tempDir('campaign-agents-');
  mkdirSync(join(dir, '.claude'));
  const campaign = join(dir, '.claude', 'campaign.yaml');
  writeFileSync(campaign, campaignYaml);
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return { dir, campaign, cleanup };
}

/** A project that already has every agent's file, each with content of its own. */
const everyFile = (): Record<string, Buffer | string> => ({
  'CLAUDE.md': real('DG-za__forge__CLAUDE.md'),
  'AGENTS.md': real('DG-za__forge__AGENTS.md'),
  'GEMINI.md': real('0-sayed__lyrebird__AGENTS.md'),
  '.github/copilot-instructions.md': real('0-sayed__lyrebird__CLAUDE.md'),
  '.cursor/rules/style.mdc': '---\nalwaysApply: true\n---\nUse tabs.\n',
  '.windsurf/rules/style.md': '---\ntrigger: always_on\n---\nUse tabs.\n',
  '.kiro/steering/product.md': '---\ninclusion: always\n---\nA game.\n',
  '.claude/settings.json': real('DG-za__forge__settings.json'),
  '.claude/settings.local.json': real('DG-za__forge__settings.local.json'),
});

const rel = (r: Repo, p: string) => join(r.dir, ...p.split('/'));
const exists = (r: Repo, p: string) => existsSync(rel(r, p));

/**
 * How many files carrying the session protocol each agent reads, worked out
 * from the files on disk and the reading table (not from the layout connect chose).
 */
function protocolReads(r: Repo): Record<Reader, number> {
  const clinePath = exists(r, '.clinerules') && statSync(rel(r, '.clinerules')).isFile() ? '.clinerules' : LOCATIONS.cline.path;
  const pathOf = (id: LocationId) => (id === 'cline' ? clinePath : LOCATIONS[id].path);
  const bodyOf = (id: LocationId) => {
    const p = pathOf(id);
    if (!exists(r, p)) return undefined;
    return findBlock(readFileSync(rel(r, p), 'utf8'), p)?.body;
  };
  const carries = (id: LocationId) => /Session protocol:/.test(bodyOf(id) ?? '');
  const facts: FolderFacts = {
    claudeMdExists: ['CLAUDE.md', '.claude/CLAUDE.md', 'CLAUDE.local.md'].some((p) => exists(r, p)),
    clinerulesExists: exists(r, '.clinerules'),
    geminiReadsAgentsMd: false,
  };
  const counts = {} as Record<Reader, number>;
  for (const reader of READERS) {
    const files = new Set<string>();
    for (const rule of READ_RULES) {
      if (rule.reader !== reader || (rule.when && !rule.when(facts))) continue;
      if (carries(rule.location)) files.add(realpathSync(rel(r, pathOf(rule.location))));
      // Claude Code follows CLAUDE.md's `@AGENTS.md` import.
      if (reader === 'claude' && rule.location === 'claude-md' && /^@AGENTS\.md$/m.test(bodyOf('claude-md') ?? '') && carries('agents-md')) files.add(realpathSync(rel(r, 'AGENTS.md')));
    }
    counts[reader] = files.size;
  }
  return counts;
}

function assertExactlyOnce(r: Repo, names: readonly AgentName[], label: string): void {
  const counts = protocolReads(r);
  const wanted = new Set(names.flatMap((n) => NAME_READERS[n]));
  for (const reader of READERS) {
    if (wanted.has(reader)) assert.equal(counts[reader], 1, `${label}: ${reader} reads the protocol ${counts[reader]} times`);
    else assert.ok(counts[reader] <= 1, `${label}: ${reader} (not connected) reads it ${counts[reader]} times`);
  }
}

const scenarios: { label: string; names: AgentName[] }[] = [...AGENT_NAMES.map((n) => ({ label: n, names: [n] })), { label: 'all', names: [...AGENT_NAMES] }];

describe('connect every agent', () => {
  for (const { label, names } of scenarios) {
    it(`${label}: each agent reads the block once; connect twice = once; disconnect restores every byte`, async () => {
      for (const files of [everyFile(), {}]) {
        const r = repo(files);
        try {
          const before = snapshot(r.dir);
          const first = await connect({ campaignPath: r.campaign, agents: names });
          assertExactlyOnce(r, names, label);
          for (const reach of first.reach) assert.ok(exists(r, reach.file), `${reach.label} reads ${reach.file}`);
          const connected = snapshot(r.dir);
          const again = await connect({ campaignPath: r.campaign, agents: names });
          assert.ok(again.changes.every((c) => c.change === 'unchanged'), `${label}: ${JSON.stringify(again.changes.filter((c) => c.change !== 'unchanged'))}`);
          assert.deepEqual(snapshot(r.dir), connected, `${label}: the second connect changes nothing`);
          const off = await disconnect({ root: r.dir });
          assert.ok(off.changes.every((c) => c.exact === true), `${label}: ${JSON.stringify(off.changes.filter((c) => !c.exact))}`);
          assert.deepEqual(snapshot(r.dir), before, `${label}: disconnect restores every byte`);
        } finally {
          r.cleanup();
        }
      }
    });
  }

  it('all: AGENTS.md, CLAUDE.md and GEMINI.md, and no other file', async () => {
    const r = repo({});
    try {
      const result = await connect({ campaignPath: r.campaign, agents: ['claude', 'agents-md', 'copilot', 'cursor', 'windsurf', 'gemini', 'cline', 'kiro'] });
      assert.deepEqual(result.changes.map((c) => c.relPath).sort(), ['.claude/campaign-primer.md', 'AGENTS.md', 'CLAUDE.md', 'GEMINI.md']);
      assert.deepEqual(new Set(result.reach.map((x) => x.reader)), new Set(READERS));
    } finally {
      r.cleanup();
    }
  });

  it('agents one after another add up, and a file an agent no longer needs is taken out', async () => {
    const r = repo(everyFile());
    try {
      const before = snapshot(r.dir);
      await connect({ campaignPath: r.campaign, agents: ['cursor'] });
      assert.ok(exists(r, '.cursor/rules/campaign.mdc'));
      assert.match(readFileSync(rel(r, '.cursor/rules/campaign.mdc'), 'utf8'), /^---\ndescription: .*\nalwaysApply: true\n---\n/);
      await connect({ campaignPath: r.campaign, agents: ['windsurf'] });
      // Cursor and Windsurf both read AGENTS.md: one block there instead of two rule files (Cline would read both).
      assert.equal(exists(r, '.cursor/rules/campaign.mdc'), false);
      assert.equal(exists(r, '.windsurf/rules/campaign.md'), false);
      assertExactlyOnce(r, ['cursor', 'windsurf'], 'cursor then windsurf');
      await connect({ campaignPath: r.campaign });
      assertExactlyOnce(r, ['cursor', 'windsurf', 'claude'], 'then claude');
      await disconnect({ root: r.dir });
      assert.deepEqual(snapshot(r.dir), before);
    } finally {
      r.cleanup();
    }
  });

  it('rule files carry the front matter that makes each agent always apply them, within Windsurf’s 6,000 characters', async () => {
    const starts: [AgentName, string, string][] = [
      ['windsurf', '.windsurf/rules/campaign.md', '---\ntrigger: always_on\n---\n'],
      ['kiro', '.kiro/steering/campaign.md', '---\ninclusion: always\n---\n'],
      ['cursor', '.cursor/rules/campaign.mdc', '---\ndescription: Campaign project memory (session protocol)\nalwaysApply: true\n---\n'],
      ['cline', '.clinerules/campaign.md', '<!-- campaign:begin'],
    ];
    for (const [agent, file, start] of starts) {
      const r = repo({});
      try {
        await connect({ campaignPath: r.campaign, agents: [agent] });
        const text = readFileSync(rel(r, file), 'utf8');
        assert.ok(text.startsWith(start), `${file}: ${text.slice(0, 80)}`);
        assert.ok(text.length < 6_000, `${file} is ${text.length} characters`);
        await disconnect({ root: r.dir });
        assert.deepEqual(readdirSync(r.dir), ['.claude'], 'the folders connect created go again');
      } finally {
        r.cleanup();
      }
    }
    const r = repo({ '.clinerules': '# Our rules\n\nBe brief.\n' });
    try {
      await connect({ campaignPath: r.campaign, agents: ['cline'] });
      // .clinerules is a file here: the block goes into it, and no .clinerules/ folder appears.
      const cline = readFileSync(rel(r, '.clinerules'), 'utf8');
      assert.ok(cline.startsWith('# Our rules\n\nBe brief.\n'));
      assert.ok(findBlock(cline, '.clinerules'));
      await disconnect({ root: r.dir });
      assert.equal(readFileSync(rel(r, '.clinerules'), 'utf8'), '# Our rules\n\nBe brief.\n');
    } finally {
      r.cleanup();
    }
  });

  it('Cline with a person’s .cursor/rules and no .clinerules: the block goes to AGENTS.md, so Cline keeps reading their rules', async () => {
    const r = repo({ '.cursor/rules/style.mdc': '---\nalwaysApply: true\n---\nUse tabs.\n' });
    try {
      const result = await connect({ campaignPath: r.campaign, agents: ['cline'] });
      assert.equal(exists(r, '.clinerules'), false, 'a .clinerules folder would hide .cursor/rules from Cline');
      assert.deepEqual(result.reach.find((x) => x.reader === 'cline'), { reader: 'cline', label: 'Cline', file: 'AGENTS.md' });
      assertExactlyOnce(r, ['cline'], 'cline beside cursor rules');
    } finally {
      r.cleanup();
    }
  });

  it('empty CLAUDE.md and AGENTS.md that were there stay (empty) after disconnect', async () => {
    const r = repo({ 'CLAUDE.md': '', 'AGENTS.md': '' });
    try {
      await connect({ campaignPath: r.campaign, agents: ['claude', 'agents-md'] });
      await disconnect({ root: r.dir });
      assert.equal(readFileSync(rel(r, 'CLAUDE.md'), 'utf8'), '');
      assert.equal(readFileSync(rel(r, 'AGENTS.md'), 'utf8'), '');
    } finally {
      r.cleanup();
    }
  });

  it('a person’s edits since connect survive disconnect; only Campaign’s lines go', async () => {
    const r = repo({ 'AGENTS.md': real('0-sayed__lyrebird__AGENTS.md') });
    try {
      await connect({ campaignPath: r.campaign, agents: ['claude', 'agents-md', 'kiro'] });
      writeFileSync(rel(r, 'CLAUDE.md'), readFileSync(rel(r, 'CLAUDE.md'), 'utf8') + '\n## Ours\n\nRun make test.\n');
      writeFileSync(rel(r, 'AGENTS.md'), '# Added on top\n\n' + readFileSync(rel(r, 'AGENTS.md'), 'utf8'));
      await disconnect({ root: r.dir });
      const claude = readFileSync(rel(r, 'CLAUDE.md'), 'utf8');
      assert.equal(claude, '## Ours\n\nRun make test.\n');
      assert.equal(readFileSync(rel(r, 'AGENTS.md'), 'utf8'), '# Added on top\n\n' + real('0-sayed__lyrebird__AGENTS.md').toString());
    } finally {
      r.cleanup();
    }
  });

  it('warns when AGENTS.md passes the 32 KiB Codex reads', async () => {
    const r = repo({ 'AGENTS.md': real('IronAdamant__coordinationhub__AGENTS.md') });
    try {
      const result = await connect({ campaignPath: r.campaign, agents: ['agents-md'] });
      assert.match(result.warnings.join('\n'), /AGENTS\.md is \d+ bytes; Codex reads only the first 32 KiB/);
    } finally {
      r.cleanup();
    }
  });

  it('warns when Windsurf’s rules pass the 12,000 characters it reads in all', async () => {
    const r = repo({ '.windsurf/rules/big.md': `---\ntrigger: always_on\n---\n${'Keep it short. '.repeat(750)}\n` });
    try {
      const result = await connect({ campaignPath: r.campaign, agents: ['windsurf'] });
      assert.match(result.warnings.join('\n'), /Windsurf's rules come to \d+ characters with Campaign's; Windsurf reads 12000 in all/);
      const small = repo({});
      try {
        assert.deepEqual((await connect({ campaignPath: small.campaign, agents: ['windsurf'] })).warnings, []);
      } finally {
        small.cleanup();
      }
    } finally {
      r.cleanup();
    }
  });

  it('the block in files people commit holds only the stable protocol: a campaign change does not touch them', async () => {
    const r = repo({});
    try {
      await connect({ campaignPath: r.campaign, agents: [...AGENT_NAMES] });
      const committed = ['CLAUDE.md', 'AGENTS.md', 'GEMINI.md'].map((p) => readFileSync(rel(r, p), 'utf8'));
      writeFileSync(r.campaign, campaignYaml.toString().replace('Wire the password reset emails through the outbox queue', 'Something else entirely'));
      await connect({ campaignPath: r.campaign, agents: [...AGENT_NAMES] });
      assert.deepEqual(['CLAUDE.md', 'AGENTS.md', 'GEMINI.md'].map((p) => readFileSync(rel(r, p), 'utf8')), committed);
      assert.match(readFileSync(rel(r, '.claude/campaign-primer.md'), 'utf8'), /Something else entirely/);
      const body = blockBody({ mode: 'read', campaignRelPath: '.claude/campaign.yaml', primerRelPath: '.claude/campaign-primer.md' });
      for (const tool of ['get_primer', 'log_decision', 'complete_work', 'end_session']) assert.ok(body.includes(`\`${tool}\``), tool);
      assert.match(body, /Otherwise use the `campaign` CLI/);
    } finally {
      r.cleanup();
    }
  });
});

describe('docs/agents.md follows the reading table in core', () => {
  it('every rule of READ_RULES is in the agent’s row, conditional ones marked “only”', () => {
    const doc = readFileSync(join(repoRoot, 'docs/agents.md'), 'utf8');
    const table = doc.slice(doc.indexOf('## The reading table'), doc.indexOf('## Where the block goes'));
    for (const reader of READERS) {
      const name = READER_LABELS[reader].split(' (')[0]!;
      const row = table.split('\n').find((l) => l.startsWith(`| ${name}`));
      assert.ok(row, `a row for ${name}`);
      for (const rule of READ_RULES.filter((r) => r.reader === reader)) {
        const loc = LOCATIONS[rule.location];
        const token = loc.owner === 'campaign' ? dirname(loc.path) : loc.path;
        const at = row.indexOf(`\`${token}`);
        assert.ok(at > 0, `${name} reads ${token}`);
        if (rule.when) assert.match(row, /only (when|without)/i, `${name}: ${token} is conditional`);
      }
    }
  });
});

describe('connect --mcp', () => {
  it('registers the server for every agent with a project MCP file, approves it for Claude Code, and disconnect restores every byte', async () => {
    const r = repo({
      ...everyFile(),
      '.mcp.json': '{\n  // our servers\n  "mcpServers": {\n    "github": { "command": "gh-mcp" }\n  }\n}\n',
      '.gemini/settings.json': '{ "theme": "dark" }',
    });
    try {
      const before = snapshot(r.dir);
      const result = await connect({ campaignPath: r.campaign, agents: [...AGENT_NAMES], mcp: true });
      const mcp = readFileSync(rel(r, '.mcp.json'), 'utf8');
      assert.ok(mcp.startsWith('{\n  // our servers\n  "mcpServers": {\n    "github": { "command": "gh-mcp" },\n'), mcp);
      assert.deepEqual((parseJsonc(mcp) as { mcpServers: Record<string, unknown> }).mcpServers.campaign, MCP_SERVER);
      const local = parseJsonc(readFileSync(rel(r, '.claude/settings.local.json'), 'utf8')) as { enabledMcpjsonServers: string[]; permissions: { allow: string[] } };
      assert.deepEqual(local.enabledMcpjsonServers, ['github', 'gmail', 'ticktick', 'campaign']);
      assert.equal(local.permissions.allow.at(-1), MCP_PERMISSION);
      for (const p of ['.cursor/mcp.json', '.gemini/settings.json', '.kiro/settings/mcp.json']) {
        assert.deepEqual((parseJsonc(readFileSync(rel(r, p), 'utf8')) as { mcpServers: Record<string, unknown> }).mcpServers.campaign, MCP_SERVER, p);
      }
      assert.equal((parseJsonc(readFileSync(rel(r, '.gemini/settings.json'), 'utf8')) as { theme: string }).theme, 'dark');
      assert.deepEqual(result.snippets.map((s) => s.agent), ['Windsurf', 'Cline', 'Codex']);
      assert.match(result.snippets[2]!.text, /^\[mcp_servers\.campaign\]\ncommand = "campaign"\nargs = \["mcp"\]$/);
      assert.deepEqual(parseJsonc(result.snippets[0]!.text), { mcpServers: { campaign: MCP_SERVER } });
      const connected = snapshot(r.dir);
      await connect({ campaignPath: r.campaign, agents: [...AGENT_NAMES], mcp: true });
      assert.deepEqual(snapshot(r.dir), connected, 'idempotent');
      // A later connect without --mcp keeps the registration.
      await connect({ campaignPath: r.campaign });
      assert.ok(readFileSync(rel(r, '.mcp.json'), 'utf8').includes('"campaign"'));
      const off = await disconnect({ root: r.dir });
      assert.ok(off.changes.every((c) => c.exact === true), JSON.stringify(off.changes.filter((c) => !c.exact)));
      assert.deepEqual(snapshot(r.dir), before);
    } finally {
      r.cleanup();
    }
  });

  it('the hook and the MCP approval in one settings.local.json, added in either order, come out byte for byte', async () => {
    const cases = [
      ['hook first', 'DG-za__forge__settings.local.json'],
      ['mcp first', 'DG-za__forge__settings.local.json'],
      ['hook first', '0000005__DouDouChat__settings.local.json'],
      ['mcp first', '0000005__DouDouChat__settings.local.json'],
    ];
    for (const [order, settingsFile] of cases) {
      const r = repo({ '.claude/settings.local.json': real(settingsFile!), 'CLAUDE.md': real('0-AI-UG__zero-agent__CLAUDE.md') });
      try {
        const before = snapshot(r.dir);
        const hook = { campaignPath: r.campaign, hook: true, settings: 'local' as const };
        if (order === 'hook first') {
          await connect(hook);
          await connect({ ...hook, mcp: true });
        } else {
          await connect({ campaignPath: r.campaign, mcp: true });
          await connect({ ...hook, mcp: true });
        }
        const local = parseJsonc(readFileSync(rel(r, '.claude/settings.local.json'), 'utf8')) as { hooks: unknown; enabledMcpjsonServers: string[] };
        assert.ok(local.hooks && local.enabledMcpjsonServers.includes('campaign'), `${order}, ${settingsFile}`);
        const off = await disconnect({ root: r.dir });
        assert.ok(off.changes.every((c) => c.exact === true), `${order}: ${JSON.stringify(off.changes.filter((c) => !c.exact))}`);
        assert.deepEqual(snapshot(r.dir), before, order);
      } finally {
        r.cleanup();
      }
    }
  });

  it('a folder connect created for a rule file goes as soon as the rule file moves to AGENTS.md', async () => {
    const r = repo({});
    try {
      await connect({ campaignPath: r.campaign, agents: ['cursor'] });
      assert.ok(exists(r, '.cursor/rules/campaign.mdc'));
      await connect({ campaignPath: r.campaign, agents: ['kiro'] });
      assert.equal(exists(r, '.cursor'), false);
      assert.equal(exists(r, '.kiro'), false);
      assert.ok(findBlock(readFileSync(rel(r, 'AGENTS.md'), 'utf8'), 'AGENTS.md'));
      await disconnect({ root: r.dir });
      assert.deepEqual(readdirSync(r.dir), ['.claude']);
      assert.deepEqual(readdirSync(rel(r, '.claude')), ['campaign.yaml']);
    } finally {
      r.cleanup();
    }
  });

  it('--ask leaves approval to Claude Code: no settings.local.json; a fresh .mcp.json is deleted again', async () => {
    const r = repo({});
    try {
      const before = snapshot(r.dir);
      const result = await connect({ campaignPath: r.campaign, mcp: true, ask: true });
      assert.deepEqual(result.changes.map((c) => [c.relPath, c.change]), [
        ['.claude/campaign-primer.md', 'created'],
        ['CLAUDE.md', 'created'],
        ['.mcp.json', 'created'],
      ]);
      assert.deepEqual(parseJsonc(readFileSync(rel(r, '.mcp.json'), 'utf8')), { mcpServers: { campaign: MCP_SERVER } });
      await disconnect({ root: r.dir });
      assert.deepEqual(snapshot(r.dir), before);
    } finally {
      r.cleanup();
    }
  });

  it('a campaign server of a person’s own is left alone, and connect says so without writing', async () => {
    const r = repo({ '.mcp.json': '{"mcpServers": {"campaign": {"command": "npx", "args": ["campaign-fork", "mcp"]}}}\n' });
    try {
      const before = snapshot(r.dir);
      await assert.rejects(connect({ campaignPath: r.campaign, mcp: true }), /\.mcp\.json already has a "mcpServers\.campaign" of its own/);
      assert.deepEqual(snapshot(r.dir), before);
    } finally {
      r.cleanup();
    }
  });
});

describe('CLI: connect --agent, --mcp', () => {
  async function cli(cwd: string, ...argv: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(argv, { cwd, now: () => new Date(2026, 10, 24, 12), out: (t) => out.push(t), err: (t) => err.push(t) });
    return { code, out: out.join('\n'), err: err.join('\n') };
  }

  it('--agent all --mcp: says which agent reads which file, and prints the per-user snippets', async () => {
    const r = repo({});
    try {
      const res = await cli(r.dir, 'connect', '--agent', 'all', '--mcp');
      assert.equal(res.code, 0, res.err);
      assert.match(res.out, /Each agent reads the Campaign block once: Claude Code \(CLAUDE\.md\), Codex \(AGENTS\.md\)/);
      assert.match(res.out, /Gemini CLI \(GEMINI\.md\)/);
      assert.match(res.out, /Windsurf keeps its MCP servers per user; add this to ~\/\.codeium\/windsurf\/mcp_config\.json:/);
      assert.match(res.out, /\[mcp_servers\.campaign\]/);
      assert.equal((await cli(r.dir, 'disconnect')).code, 0);
      assert.deepEqual(readdirSync(r.dir).sort(), ['.claude']);
    } finally {
      r.cleanup();
    }
  });

  it('--agents-md is --agent agents-md with Claude Code; bad names and --ask alone are usage errors', async () => {
    const r = repo({});
    try {
      assert.equal((await cli(r.dir, 'connect', '--agents-md')).code, 0);
      assert.ok(existsSync(join(r.dir, 'AGENTS.md')) && existsSync(join(r.dir, 'CLAUDE.md')));
      assert.equal((await cli(r.dir, 'connect', '--agent', 'vim')).code, 2);
      assert.equal((await cli(r.dir, 'connect', '--ask')).code, 2);
    } finally {
      r.cleanup();
    }
  });
});
