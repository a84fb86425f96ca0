// The `campaign` command line: a thin front on the core. Exit codes: 0 done,
// 1 a problem with the campaign or the request (message on stderr, no stack
// trace), 2 bad usage.
import { parseArgs } from 'node:util';
import { CampaignError } from '../core/model/problems';
import { UsageError } from './argParser';
import type { CliContext } from './cliContext';
import { COMMANDS } from './commandTable';

function usage(): string {
  const lines = ['Usage: campaign [--file PATH] <command> [options]', '', 'Commands:'];
  const width = Math.max(...Object.keys(COMMANDS).map((n) => n.length)) + 2;
  for (const [name, c] of Object.entries(COMMANDS)) lines.push(`  ${name.padEnd(width)}${c.summary}`);
  lines.push('', 'Run `campaign <command> --help` for its options.');
  return lines.join('\n');
}

/**
 * The options before the command name: `--file PATH` (or `--file=PATH`; the
 * last one wins). Returns the words from the command name on, or undefined
 * when a `--file` has no path.
 */
function globalOptions(argv: readonly string[]): { file: string | undefined; args: string[] } | undefined {
  const { tokens } = parseArgs({ args: [...argv], options: { file: { type: 'string' } }, strict: false, allowPositionals: true, tokens: true });
  let file: string | undefined;
  for (const token of tokens) {
    if (token.kind !== 'option' || token.rawName !== '--file') return { file, args: argv.slice(token.index) };
    if (!token.value) return undefined;
    file = token.value;
  }
  return { file, args: [] };
}

export async function runCli(argv: readonly string[], ctx: Omit<CliContext, 'file'>): Promise<number> {
  const global = globalOptions(argv);
  if (global === undefined) {
    ctx.err('campaign: --file needs a path');
    return 2;
  }
  const { file, args } = global;
  const name = args.shift();
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    (name ? ctx.out : ctx.err)(usage());
    return name ? 0 : 2;
  }
  if (name === '--version') {
    ctx.out(CAMPAIGN_VERSION);
    return 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    ctx.err(`campaign: unknown command "${name}"\n\n${usage()}`);
    return 2;
  }
  if (args.includes('--help') || args.includes('-h')) {
    ctx.out(`Usage: campaign ${command.usage}`);
    return 0;
  }
  try {
    return await command.run(file === undefined ? ctx : { ...ctx, file }, args);
  } catch (err) {
    if (err instanceof UsageError) {
      ctx.err(`campaign ${name}: ${err.message}\nUsage: campaign ${command.usage}`);
      return 2;
    }
    if (err instanceof CampaignError) {
      ctx.err(`campaign: ${err.message}`);
      for (const p of err.problems) ctx.err(`  ${err.file ?? 'campaign.yaml'}:${p.line}:${p.column}: ${p.message}`);
      return 1;
    }
    const e = err as NodeJS.ErrnoException;
    if (e && typeof e.code === 'string' && typeof e.message === 'string') {
      ctx.err(`campaign: ${e.message}`);
      return 1;
    }
    throw err;
  }
}

declare const CAMPAIGN_VERSION: string;
