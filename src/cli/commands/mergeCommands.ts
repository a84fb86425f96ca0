// `campaign merge-driver BASE OURS THEIRS [PATH]` (what git runs, as
// `%O %A %B %P`) and `campaign git-setup [--undo]` (which tells git to).
// Exit codes of the driver are git's: 0 merged cleanly; 1 conflicts were
// recorded in `merge_conflicts:` (git marks the file conflicted) or a side
// was not a valid campaign file (OURS left untouched).
import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { findCampaignFile } from '../../core/file/findCampaign';
import { gitSetup, gitSetupUndo } from '../../core/merge/gitSetup';
import { conflictLabel, conflictValuePreview } from '../../core/merge/conflictLabels';
import { runMergeDriver } from '../../core/merge/mergeDriver';
import { loadCampaign } from '../../core/file/campaignFile';
import { readMergeConflicts, resolveMergeConflict } from '../../core/operations/mergeConflictOps';
import { parseArgs, UsageError } from '../argParser';
import { campaignPath, type CliContext } from '../cliContext';
import { mutate } from '../mutate';

export const mergeDriverUsage = 'merge-driver BASE OURS THEIRS [PATH]   (git runs it as: merge-driver %O %A %B %P)';
export const gitSetupUsage = 'git-setup [--undo] [--node PATH] [--cli PATH]';
export const resolveUsage = 'resolve [N ours|theirs]   (no arguments: list the merge conflicts)';

export async function mergeDriverCommand(ctx: CliContext, argv: string[]): Promise<number> {
  const { positionals } = parseArgs(argv, {});
  if (positionals.length < 3 || positionals.length > 4) throw new UsageError('merge-driver needs BASE OURS THEIRS [PATH]');
  const [base, ours, theirs] = positionals.map((p) => resolve(ctx.cwd, p)) as [string, string, string];
  const name = positionals[3] ?? positionals[1]!;
  const outcome = await runMergeDriver({ base, ours, theirs, path: name });
  if (outcome.conflicts.length === 0) return 0;
  ctx.err(`campaign: ${name}: ${outcome.conflicts.length} conflict(s) recorded under merge_conflicts: — keep one side of each (\`campaign resolve\`), then \`git add\` the file:`);
  for (const c of outcome.conflicts) ctx.err(`  ${c.path}: ours ${conflictValuePreview(c.ours)} / theirs ${conflictValuePreview(c.theirs)}`);
  return 1;
}


/** The CLI bundle this process runs from (dist/cli.js), through any bin symlink. */
function thisCli(): string {
  const self = typeof __filename === 'string' && /cli\.js$/.test(__filename) ? __filename : process.argv[1] ?? '';
  try {
    return realpathSync(self);
  } catch {
    return resolve(self);
  }
}

export async function gitSetupCommand(ctx: CliContext, argv: string[]): Promise<number> {
  const { flags } = parseArgs(argv, { undo: 'boolean', node: 'string', cli: 'string' });
  const campaignPath = ctx.file ? resolve(ctx.cwd, ctx.file) : findCampaignFile(ctx.cwd);
  if (flags.undo) {
    const r = await gitSetupUndo({ cwd: ctx.cwd, ...(campaignPath ? { campaignPath } : {}) });
    ctx.out(
      r.attributes === 'absent' && r.config === 'absent'
        ? 'The campaign merge driver was not set up here; nothing to undo.'
        : `Removed the campaign merge driver (${r.attributes === 'removed' ? '.gitattributes lines' : 'no .gitattributes lines'}, ${r.config === 'removed' ? 'git config' : 'no git config'}).`,
    );
    return 0;
  }
  const r = await gitSetup({
    cwd: ctx.cwd,
    cliPath: flags.cli ? resolve(ctx.cwd, flags.cli) : thisCli(),
    ...(flags.node ? { nodePath: flags.node } : {}),
    ...(campaignPath ? { campaignPath } : {}),
  });
  const attrs = r.attributes === 'added' ? 'added the .gitattributes lines (commit them so the team merges the same way)' : '.gitattributes already set';
  const config = r.config === 'present' ? 'git config already set' : `git config ${r.config}`;
  ctx.out(`Campaign merge driver ready in ${r.repoRoot}: ${attrs}; ${config}.\n  merge.campaign.driver = ${r.driver}`);
  return 0;
}

/** `campaign resolve`: lists the conflicts a merge left; `resolve N ours|theirs` keeps one side of conflict N. */
export async function resolveCommand(ctx: CliContext, argv: string[]): Promise<number> {
  const { positionals } = parseArgs(argv, {});
  if (positionals.length === 0) {
    const { doc } = await loadCampaign(campaignPath(ctx));
    const conflicts = readMergeConflicts(doc);
    if (conflicts.length === 0) ctx.out('No merge conflicts.');
    for (const c of conflicts) ctx.out(`${c.index + 1}. ${conflictLabel(c.path)}  (${c.path})\n   ours:   ${conflictValuePreview(c.ours)}\n   theirs: ${conflictValuePreview(c.theirs)}`);
    return 0;
  }
  const [n, side] = positionals;
  if (positionals.length !== 2 || !/^\d+$/.test(n!) || (side !== 'ours' && side !== 'theirs')) {
    throw new UsageError('resolve takes N (from `campaign resolve`) and ours or theirs');
  }
  const { result } = await mutate(ctx, resolveMergeConflict(Number(n) - 1, side));
  ctx.out(`Resolved ${result.path}: kept ${side}.`);
  return 0;
}
