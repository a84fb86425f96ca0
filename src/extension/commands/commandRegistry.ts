// Registration of the Campaign commands. Every id in commandIds.ts is
// registered at activation; the command's code (commandList.ts and the file
// per command) is loaded the first time one runs, so activation does not load
// or compile it. Registration wraps every command so a failure reaches the
// person as one actionable error (errorReporting.ts) instead of an unhandled
// rejection.
import * as vscode from 'vscode';
import { CommandIds } from '../commandIds';
import { reportError } from '../errorReporting';
import { storeOf, type CommandContext } from './commandContext';
import { commandById } from './commandList';

/** Registers every command; the returned disposables go into context.subscriptions. */
export function registerCommands(ctx: CommandContext): vscode.Disposable[] {
  return Object.values(CommandIds).map((id) =>
    vscode.commands.registerCommand(id, async (...args: unknown[]) => {
      ctx.log.debug(`run ${id}`);
      try {
        return await commandById(id).run(ctx, ...args);
      } catch (err) {
        reportError(err, { ui: ctx.ui, log: ctx.log, what: id, store: storeOf(args[0]) ?? ctx.workspace.active });
        return undefined;
      }
    }),
  );
}
