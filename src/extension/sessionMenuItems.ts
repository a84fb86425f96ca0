// Pure (no `vscode`): which commands the status bar's session menu offers in
// a given state. The rules are the Command Palette's `when` clauses in
// package.json, read the same way (a unit test evaluates those clauses and
// checks this list against them), so the menu never offers a command the
// palette hides — a write into a broken file, say.
import { CommandIds, type CommandId } from './commandIds';

export interface MenuState {
  hasCampaign: boolean;
  invalid: boolean;
  readOnly: boolean;
  sessionActive: boolean;
}

export interface SessionMenuItem {
  label: string;
  description?: string;
  command: CommandId;
}

const ITEMS: readonly (SessionMenuItem & { when: (s: MenuState) => boolean })[] = [
  { label: '$(copy) Copy Session Primer', command: CommandIds.copyPrimer, when: (s) => s.hasCampaign },
  {
    label: '$(check-all) End Session…',
    description: 'handoff form',
    command: CommandIds.endSession,
    when: (s) => s.hasCampaign && s.sessionActive && !s.invalid,
  },
  { label: '$(add) Add Work Item…', command: CommandIds.addWorkItem, when: (s) => s.hasCampaign && !s.invalid && !s.readOnly },
  { label: '$(law) Log Decision…', command: CommandIds.logDecision, when: (s) => s.hasCampaign && !s.invalid && !s.readOnly },
  { label: '$(open-preview) Show Primer', command: CommandIds.showPrimer, when: (s) => s.hasCampaign },
  { label: '$(go-to-file) Open Campaign File', command: CommandIds.openFile, when: (s) => s.hasCampaign },
];

/** Every command the menu can offer (for the test that checks the rules against package.json). */
export const SESSION_MENU_COMMANDS: readonly CommandId[] = ITEMS.map((i) => i.command);

export function sessionMenuItems(state: MenuState): SessionMenuItem[] {
  return ITEMS.filter((i) => i.when(state)).map(({ label, description, command }) => ({ label, ...(description ? { description } : {}), command }));
}
