// The list of Campaign commands and their registration. Adding a command:
// give it an id in commandIds.ts, a `contributes.commands` entry in
// package.json, a file in this folder, and a line here. Registration wraps
// every command so a failure reaches the person as one actionable error
// (errorReporting.ts) instead of an unhandled rejection.
import * as vscode from 'vscode';
import { reportError } from '../errorReporting';
import { addWorkItemCommand } from './addWorkItem';
import { archiveCommand } from './archive';
import { changePriorityCommand } from './changePriority';
import { storeOf, type CampaignCommand, type CommandContext } from './commandContext';
import { completeWorkItemCommand } from './completeWorkItem';
import { connectAgentsCommand } from './connectAgents';
import { connectClaudeCodeCommand } from './connectClaudeCode';
import { copyEntryCommand } from './copyEntry';
import { copyPrimerCommand } from './copyPrimer';
import { disconnectAgentsCommand } from './disconnectAgents';
import { disconnectClaudeCodeCommand } from './disconnectClaudeCode';
import { editWorkItemCommand } from './editWorkItem';
import { editWorkNotesCommand } from './editWorkNotes';
import { endSessionCommand } from './endSession';
import { importCampaignCommand } from './importCampaign';
import { initializeCampaignCommand } from './initializeCampaign';
import { keepOursCommand } from './keepOurs';
import { logDecisionCommand } from './logDecision';
import { openCampaignFileCommand } from './openCampaignFile';
import { refreshCommand } from './refresh';
import { removeGitMergeSetupCommand } from './removeGitMergeSetup';
import { removeWorkItemCommand } from './removeWorkItem';
import { reopenWorkItemCommand } from './reopenWorkItem';
import { resolveMergeConflictsCommand } from './resolveMergeConflicts';
import { revealInFileCommand } from './revealInFile';
import { selectFolderCommand } from './selectFolder';
import { sessionMenuCommand } from './sessionMenu';
import { setUpGitMergesCommand } from './setUpGitMerges';
import { setWorkStatusCommand } from './setWorkStatus';
import { showLogCommand } from './showLog';
import { showPrimerCommand } from './showPrimer';
import { startSessionCommand } from './startSession';
import { startSessionOnItemCommand } from './startSessionOnItem';
import { supersedeDecisionCommand } from './supersedeDecision';
import { takeTheirsCommand } from './takeTheirs';

export const CAMPAIGN_COMMANDS: readonly CampaignCommand[] = [
  startSessionCommand,
  endSessionCommand,
  copyPrimerCommand,
  addWorkItemCommand,
  logDecisionCommand,
  initializeCampaignCommand,
  openCampaignFileCommand,
  showPrimerCommand,
  completeWorkItemCommand,
  startSessionOnItemCommand,
  changePriorityCommand,
  editWorkItemCommand,
  removeWorkItemCommand,
  setWorkStatusCommand,
  editWorkNotesCommand,
  reopenWorkItemCommand,
  supersedeDecisionCommand,
  copyEntryCommand,
  revealInFileCommand,
  connectAgentsCommand,
  disconnectAgentsCommand,
  connectClaudeCodeCommand,
  disconnectClaudeCodeCommand,
  importCampaignCommand,
  resolveMergeConflictsCommand,
  keepOursCommand,
  takeTheirsCommand,
  setUpGitMergesCommand,
  removeGitMergeSetupCommand,
  archiveCommand,
  sessionMenuCommand,
  selectFolderCommand,
  refreshCommand,
  showLogCommand,
];

/** Registers `commands`; the returned disposables go into context.subscriptions. */
export function registerCommands(ctx: CommandContext, commands: readonly CampaignCommand[] = CAMPAIGN_COMMANDS): vscode.Disposable[] {
  return commands.map((command) =>
    vscode.commands.registerCommand(command.id, async (...args: unknown[]) => {
      ctx.log.debug(`run ${command.id}`);
      try {
        return await command.run(ctx, ...args);
      } catch (err) {
        reportError(err, { ui: ctx.ui, log: ctx.log, what: command.id, store: storeOf(args[0]) ?? ctx.workspace.active });
        return undefined;
      }
    }),
  );
}
