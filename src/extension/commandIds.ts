// Every command id the extension registers, in one place. package.json's
// contributes.commands lists the same ids (an in-host test checks both ways),
// and menus, keybindings and code refer to them through this object.
export const CommandIds = {
  startSession: 'campaign.startSession',
  endSession: 'campaign.endSession',
  copyPrimer: 'campaign.copyPrimer',
  addWorkItem: 'campaign.addWorkItem',
  logDecision: 'campaign.logDecision',
  initialize: 'campaign.initialize',
  openFile: 'campaign.openFile',
  showPrimer: 'campaign.showPrimer',
  // Tree item actions (hidden from the Command Palette: they need an item).
  completeWorkItem: 'campaign.completeWorkItem',
  startSessionOnItem: 'campaign.startSessionOnItem',
  changePriority: 'campaign.changePriority',
  editWorkItem: 'campaign.editWorkItem',
  removeWorkItem: 'campaign.removeWorkItem',
  setWorkStatus: 'campaign.setWorkStatus',
  editWorkNotes: 'campaign.editWorkNotes',
  reopenWorkItem: 'campaign.reopenWorkItem',
  supersedeDecision: 'campaign.supersedeDecision',
  copyEntry: 'campaign.copyEntry',
  // A click on a work item, decision or build-log entry (the tree keeps the focus).
  revealInFile: 'campaign.revealInFile',
  // Coding agents (docs/agents.md, docs/claude-code.md). Connect/Disconnect Claude Code stay for keybindings that name them.
  connectAgents: 'campaign.connectAgents',
  disconnectAgents: 'campaign.disconnectAgents',
  connectClaudeCode: 'campaign.connectClaudeCode',
  disconnectClaudeCode: 'campaign.disconnectClaudeCode',
  importCampaign: 'campaign.importCampaign',
  // Team use through git (docs/team.md). Keep Ours / Take Theirs need a conflict row.
  resolveMergeConflicts: 'campaign.resolveMergeConflicts',
  keepOurs: 'campaign.keepOurs',
  takeTheirs: 'campaign.takeTheirs',
  setUpGitMerges: 'campaign.setUpGitMerges',
  removeGitMergeSetup: 'campaign.removeGitMergeSetup',
  archive: 'campaign.archive',
  // Housekeeping.
  sessionMenu: 'campaign.sessionMenu',
  selectFolder: 'campaign.selectFolder',
  refresh: 'campaign.refresh',
  showLog: 'campaign.showLog',
} as const;

export type CommandId = (typeof CommandIds)[keyof typeof CommandIds];

/** View ids (package.json contributes.views). */
export const ViewIds = {
  container: 'campaign',
  session: 'campaign.session',
  remainingWork: 'campaign.remainingWork',
  decisions: 'campaign.decisions',
  buildLog: 'campaign.buildLog',
} as const;
