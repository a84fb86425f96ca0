// `campaign connect` and `campaign disconnect`: hand every Claude Code session
// the campaign (CLAUDE.md block + generated primer, or a SessionStart hook),
// and take it all out again.
import { resolve } from 'node:path';
import { connect, disconnect, type FileChange } from '../../core/agents/connect';
import { findCampaignFile } from '../../core/file/findCampaign';
import { settingsFileName, type SettingsScope } from '../../core/agents/claudeSettings';
import { projectRootFor } from '../../core/primer/primerFile';
import { parseArgs, UsageError } from '../argParser';
import { campaignPath, type CliContext } from '../cliContext';

export const connectUsage = 'connect [--hook] [--agents-md] [--settings project|local] [--force]';
export const disconnectUsage = 'disconnect [--force]';

function describe(c: FileChange): string {
  const verb = c.change === 'unchanged' ? 'unchanged' : c.change;
  const exact = c.exact === false ? ' (the text around it had changed; removed with the smallest edit)' : '';
  return `  ${verb.padEnd(9)} ${c.relPath} — ${c.what}${exact}`;
}

export async function connectCommand(ctx: CliContext, argv: string[]): Promise<number> {
  const { flags, positionals } = parseArgs(argv, {
    hook: 'boolean',
    'agents-md': 'boolean',
    settings: 'string',
    force: 'boolean',
  });
  if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  if (flags.settings !== undefined && flags.settings !== 'project' && flags.settings !== 'local') {
    throw new UsageError('--settings must be project (.claude/settings.json) or local (.claude/settings.local.json)');
  }
  if (flags.settings !== undefined && !flags.hook) throw new UsageError('--settings says where the hook goes; add --hook');
  const scope = (flags.settings ?? 'project') as SettingsScope;
  const result = await connect({
    campaignPath: campaignPath(ctx),
    hook: !!flags.hook,
    agentsMd: !!flags['agents-md'],
    settings: scope,
    force: !!flags.force,
  });
  for (const c of result.changes) ctx.out(describe(c));
  const changed = result.changes.some((c) => c.change !== 'unchanged');
  ctx.out(
    result.mode === 'hook'
      ? `${changed ? 'Connected' : 'Already connected'}: a SessionStart hook in .claude/${settingsFileName(scope)} hands each Claude Code session the primer (new, resumed, cleared, compacted).`
      : `${changed ? 'Connected' : 'Already connected'}: CLAUDE.md imports the primer into each Claude Code session.`,
  );
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
  ctx.out('Disconnected: Claude Code sessions no longer get the campaign.');
  return 0;
}
