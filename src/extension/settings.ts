// The extension's settings (contributes.configuration in package.json), read
// in one place with their defaults, so a key is spelled once.
import * as vscode from 'vscode';
import { DEFAULT_PRIMER_BUDGET } from '../core/primer/primerBudget';

export const SETTING_KEYS = {
  file: 'campaign.file',
  tokenBudget: 'campaign.primer.tokenBudget',
  statusBarEnabled: 'campaign.statusBar.enabled',
  reminderHours: 'campaign.reminderHours',
  allowSymlinkOutsideWorkspace: 'campaign.allowSymlinkOutsideWorkspace',
  archiveAutoAboveKB: 'campaign.archive.autoAboveKB',
} as const;

/** The core's default, so the setting's default and the CLI's agree (package.json repeats it). */
export const DEFAULT_TOKEN_BUDGET = DEFAULT_PRIMER_BUDGET;
export const DEFAULT_REMINDER_HOURS = 4;

function section(scope?: vscode.ConfigurationScope): vscode.WorkspaceConfiguration {
  return vscode.workspace.getConfiguration('campaign', scope);
}

/** The raw `campaign.file` value for a folder; campaignLocation.ts checks it. */
export function campaignFileSetting(folder: vscode.WorkspaceFolder): unknown {
  return section(folder).get<unknown>('file');
}

export function tokenBudget(folder?: vscode.WorkspaceFolder): number {
  const n = section(folder).get<number>('primer.tokenBudget', DEFAULT_TOKEN_BUDGET);
  return Number.isFinite(n) && n > 0 ? Math.floor(n) : DEFAULT_TOKEN_BUDGET;
}

export function statusBarEnabled(): boolean {
  return section().get<boolean>('statusBar.enabled', true);
}

export function reminderHours(): number {
  const n = section().get<number>('reminderHours', DEFAULT_REMINDER_HOURS);
  return Number.isFinite(n) && n >= 0 ? n : DEFAULT_REMINDER_HOURS;
}

export function allowSymlinkOutsideWorkspace(): boolean {
  return section().get<boolean>('allowSymlinkOutsideWorkspace', false);
}

/** Archive old entries after a write that leaves the file above this many KB; 0 (the default) never does. */
export function archiveAutoAboveKB(folder?: vscode.WorkspaceFolder): number {
  const n = section(folder).get<number>('archive.autoAboveKB', 0);
  return Number.isFinite(n) && n > 0 ? n : 0;
}
