// The list of Campaign commands, one object per command. Adding a command:
// give it an id in commandIds.ts, a `contributes.commands` entry in
// package.json, a file in this folder, and a line here. This list is loaded
// with the rest of the command code after activation (scripts/build.mjs);
// commandRegistry.ts registers every id at activation and looks the command
// up here when it first runs.
import type { CampaignCommand } from './commandContext';
import { addWorkItemCommand } from './addWorkItem';
import { archiveCommand } from './archive';
import { changePriorityCommand } from './changePriority';
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

const byId = new Map(CAMPAIGN_COMMANDS.map((c) => [c.id as string, c]));

/** The command registered as `id`. */
export function commandById(id: string): CampaignCommand {
  const command = byId.get(id);
  if (!command) throw new Error(`No Campaign command is listed as ${id} (commandList.ts).`);
  return command;
}
