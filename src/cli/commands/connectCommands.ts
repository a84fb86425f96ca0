// `campaign connect` and `campaign disconnect`: hand every session of each
// connected agent the campaign (the block in the files agents read, the
// generated primer, for Claude Code optionally a SessionStart hook; with
// --mcp the campaign MCP server), and take it all out again.
import { resolve } from 'node:path';
import { AGENT_NAMES, type AgentName } from '../../core/agents/agentTable';
import { connect, disconnect, expandAgents, type ConnectResult, type FileChange } from '../../core/agents/connect';
import { findCampaignFile } from '../../core/file/findCampaign';
import { settingsFileName, type SettingsScope } from '../../core/agents/claudeSettings';
import { projectRootFor } from '../../core/primer/primerFile';
import { parseArgs, UsageError } from '../argParser';
import { campaignPath, type CliContext } from '../cliContext';

export const connectUsage = `connect [--agent ${[...AGENT_NAMES, 'all'].join('|')}]... [--agents-md] [--hook] [--settings project|local] [--mcp [--ask]] [--force]`;
export const disconnectUsage = 'disconnect [--force]';

function describe(c: FileChange): string {
  const verb = c.change === 'unchanged' ? 'unchanged' : c.change;
  const exact = c.exact === false ? ' (the text around it had changed; removed with the smallest edit)' : '';
  return `  ${verb.padEnd(9)} ${c.relPath} — ${c.what}${exact}`;
}

/** `--agent` values, checked; `--agents-md` is `--agent agents-md`. */
function agentsFrom(values: string[] | undefined, agentsMd: boolean): AgentName[] | undefined {
  const names = [...(values ?? [])];
  if (agentsMd) names.push(...(names.length ? ['agents-md'] : ['claude', 'agents-md']));
  if (names.length === 0) return undefined;
  for (const n of names) {
    if (n !== 'all' && !(AGENT_NAMES as readonly string[]).includes(n)) throw new UsageError(`--agent must be one of ${[...AGENT_NAMES, 'all'].join(', ')}; got "${n}"`);
  }
  return expandAgents(names as (AgentName | 'all')[]);
}

function report(ctx: CliContext, result: ConnectResult, scope: SettingsScope): void {
  for (const c of result.changes) ctx.out(describe(c));
  const changed = result.changes.some((c) => c.change !== 'unchanged');
  if (result.agents.includes('claude')) {
    ctx.out(
      result.mode === 'hook'
        ? `${changed ? 'Connected' : 'Already connected'}: a SessionStart hook in .claude/${settingsFileName(scope)} hands each Claude Code session the primer (new, resumed, cleared, compacted).`
        : `${changed ? 'Connected' : 'Already connected'}: CLAUDE.md imports the primer into each Claude Code session.`,
    );
  } else ctx.out(changed ? 'Connected.' : 'Already connected.');
  if (result.reach.length) ctx.out(`Each agent reads the Campaign block once: ${result.reach.map((r) => `${r.label} (${r.file})`).join(', ')}.`);
  for (const w of result.warnings) ctx.out(`Warning: ${w}`);
  for (const s of result.snippets) ctx.out(`\n${s.agent} keeps its MCP servers per user; add this to ${s.file}:\n${s.text}`);
}

export async function connectCommand(ctx: CliContext, argv: string[]): Promise<number> {
  const { flags, positionals } = parseArgs(argv, {
    agent: 'strings',
    hook: 'boolean',
    'agents-md': 'boolean',
    settings: 'string',
    mcp: 'boolean',
    ask: 'boolean',
    force: 'boolean',
  });
  if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  if (flags.settings !== undefined && flags.settings !== 'project' && flags.settings !== 'local') {
    throw new UsageError('--settings must be project (.claude/settings.json) or local (.claude/settings.local.json)');
  }
  if (flags.settings !== undefined && !flags.hook) throw new UsageError('--settings says where the hook goes; add --hook');
  if (flags.ask && !flags.mcp) throw new UsageError('--ask goes with --mcp (it leaves approving the server to Claude Code)');
  const agents = agentsFrom(flags.agent, !!flags['agents-md']);
  const scope = (flags.settings ?? 'project') as SettingsScope;
  const result = await connect({
    campaignPath: campaignPath(ctx),
    ...(agents ? { agents } : {}),
    // Without --hook, a connect that names Claude Code uses the import; one that does not keeps Claude's delivery as it is.
    ...(flags.hook ? { hook: true, settings: scope } : {}),
    mcp: !!flags.mcp,
    ask: !!flags.ask,
    force: !!flags.force,
  });
  report(ctx, result, scope);
  return 0;
}

export async function disconnectCommand(ctx: CliContext, argv: string[]): Promise<number> {
  const { flags, positionals } = parseArgs(argv, { force: 'boolean' });
  if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  // Disconnect works even when the campaign file is gone: the project is then the working folder.
  const found = ctx.file ? resolve(ctx.cwd, ctx.file) : findCampaignFile(ctx.cwd);
  const result = await disconnect({ root: found ? projectRootFor(found) : ctx.cwd, force: !!flags.force });
  if (result.changes.length === 0) {
    ctx.out('Not connected: nothing to remove.');
    return 0;
  }
  for (const c of result.changes) ctx.out(describe(c));
  ctx.out('Disconnected: agent sessions no longer get the campaign.');
  return 0;
}
