// Every CLI command, its usage line and its handler, in one place.
import type { CliContext } from './cliContext';
import { decideCommand, decideUsage } from './commands/decideCommand';
import { initCommand, initUsage } from './commands/initCommand';
import { primerCommand, primerUsage } from './commands/primerCommand';
import { schemaCommand, schemaUsage, showCommand, showUsage, validateCommand, validateUsage } from './commands/readCommands';
import { endCommand, endUsage, startCommand, startUsage } from './commands/sessionCommands';
import { workCommand, workUsage } from './commands/workCommand';

export interface CliCommand {
  usage: string;
  summary: string;
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
};
