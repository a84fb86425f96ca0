// Campaign: Connect Agents… — the one entry point for connecting coding
// agents (walkthrough, welcome views, the notification after Initialize, the
// Session view's menu). Until the multi-agent Quick Pick lands it connects
// Claude Code, the first (and so far only) choice.
import { CommandIds } from '../commandIds';
import type { CampaignCommand } from './commandContext';
import { connectClaudeCodeCommand } from './connectClaudeCode';

export const connectAgentsCommand: CampaignCommand = {
  id: CommandIds.connectAgents,
  run(ctx, ...args) {
    return connectClaudeCodeCommand.run(ctx, ...args);
  },
};
