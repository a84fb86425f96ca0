// Campaign: Disconnect Agents — `campaign disconnect`: removes exactly what
// Connect Agents… added for every agent (blocks, rule files, the hook, the
// MCP registration, the primer file); a hand-edited block is removed only
// after asking.
import { CommandIds } from '../commandIds';
import type { CampaignCommand } from './commandContext';
import { disconnectRun } from './disconnectClaudeCode';

export const disconnectAgentsCommand: CampaignCommand = {
  id: CommandIds.disconnectAgents,
  run: disconnectRun('No agent was connected here; nothing to remove.', 'Agents disconnected'),
};
