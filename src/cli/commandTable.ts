// Job: every CLI command, its usage line and its handler, in one place.
//
// To add a command: write src/cli/commands/<name>Command.ts exporting
// `<name>Usage` (the line after "Usage: campaign ") and
// `<name>Command(ctx, argv)`, which declares its options where it reads them,
// `parseArgs(argv, { title: 'string', tag: 'strings', force: 'boolean' })`
// (argParser.ts: node:util parseArgs under the CLI's rules), throws UsageError
// for bad usage (exit 2) and returns its exit code; then add one line below.
// Subcommands (`work add`) parse the words after their own name the same way.
import type { CliContext } from './cliContext';
import { connectCommand, connectUsage, disconnectCommand, disconnectUsage } from './commands/connectCommands';
import { decideCommand, decideUsage } from './commands/decideCommand';
import { importCommand, importUsage } from './commands/importCommand';
import { initCommand, initUsage } from './commands/initCommand';
import { mcpCommand, mcpUsage } from './commands/mcpCommand';
import { archiveCommand, archiveUsage } from './commands/archiveCommand';
import { gitSetupCommand, gitSetupUsage, mergeDriverCommand, mergeDriverUsage, resolveCommand, resolveUsage } from './commands/mergeCommands';
import { primerCommand, primerUsage } from './commands/primerCommand';
import { schemaCommand, schemaUsage, showCommand, showUsage, validateCommand, validateUsage } from './commands/readCommands';
import { endCommand, endUsage, startCommand, startUsage } from './commands/sessionCommands';
import { workCommand, workUsage } from './commands/workCommand';

export interface CliCommand {
  /** Shown after "Usage: campaign " by `--help` and under a usage error. */
  usage: string;
  /** One line in `campaign --help`. */
  summary: string;
  /** Runs on the words after the command name; returns the exit code. */
  run: (ctx: CliContext, argv: string[]) => Promise<number>;
}

export const COMMANDS: Record<string, CliCommand> = {
  init: { usage: initUsage, summary: 'create .claude/campaign.yaml here', run: initCommand },
  validate: { usage: validateUsage, summary: 'check the file; FILE:LINE:COL: problem per line', run: validateCommand },
  show: { usage: showUsage, summary: 'the campaign (normalized JSON with --json)', run: showCommand },
  primer: { usage: primerUsage, summary: 'the session primer for a new agent session', run: primerCommand },
  start: { usage: startUsage, summary: 'start a session', run: startCommand },
  end: { usage: endUsage, summary: 'end the session with a handoff', run: endCommand },
  work: { usage: workUsage, summary: 'manage remaining work', run: workCommand },
  decide: { usage: decideUsage, summary: 'record a decision with its rationale', run: decideCommand },
  schema: { usage: schemaUsage, summary: 'print the JSON Schema of the file', run: schemaCommand },
  archive: { usage: archiveUsage, summary: 'move old build-log entries and decisions to .claude/campaign-archive/', run: archiveCommand },
  'git-setup': { usage: gitSetupUsage, summary: 'let git merge the campaign file by meaning (--undo to remove)', run: gitSetupCommand },
  'merge-driver': { usage: mergeDriverUsage, summary: 'the semantic merge git runs for the campaign file', run: mergeDriverCommand },
  resolve: { usage: resolveUsage, summary: 'list merge conflicts, or keep one side of one', run: resolveCommand },
  connect: { usage: connectUsage, summary: 'hand every Claude Code session the campaign (CLAUDE.md block, primer, optional hook)', run: connectCommand },
  disconnect: { usage: disconnectUsage, summary: 'remove exactly what connect added', run: disconnectCommand },
  mcp: { usage: mcpUsage, summary: 'serve the campaign tools to AI agents over MCP (stdio)', run: mcpCommand },
  import: { usage: importUsage, summary: 'move in from Markdown: a memory-bank folder, a Kiro tasks.md, a checkbox list or the article layout; prints a report', run: importCommand },
};
