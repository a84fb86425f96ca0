// Pure (no `vscode`): where a folder's campaign file is, from the
// `campaign.file` setting. The setting is a path relative to the workspace
// folder; anything that would leave the folder (absolute paths, `..`) is
// refused so a workspace's settings cannot point the extension at arbitrary
// files on the machine.

import { CAMPAIGN_RELATIVE_PATH } from '../core/file/campaignPath';

/** The `campaign.file` setting's default (package.json says the same; a unit test checks it). */
export const DEFAULT_CAMPAIGN_FILE = CAMPAIGN_RELATIVE_PATH;

export interface CampaignLocation {
  /** Folder-relative path with `/` separators and no `.` or `..` segments. */
  relativePath: string;
  /** Why the setting was not used as written. */
  warning?: string;
}

export function campaignLocation(setting: unknown): CampaignLocation {
  if (setting === undefined || setting === null || (typeof setting === 'string' && setting.trim() === '')) {
    return { relativePath: DEFAULT_CAMPAIGN_FILE };
  }
  if (typeof setting !== 'string') {
    return { relativePath: DEFAULT_CAMPAIGN_FILE, warning: 'campaign.file must be a string; using the default.' };
  }
  const raw = setting.trim().replace(/\\/g, '/');
  if (raw.startsWith('/') || /^[a-zA-Z]:/.test(raw) || raw.startsWith('~')) {
    return {
      relativePath: DEFAULT_CAMPAIGN_FILE,
      warning: `campaign.file must be relative to the workspace folder ("${setting}" is not); using ${DEFAULT_CAMPAIGN_FILE}.`,
    };
  }
  const segments = raw.split('/').filter((s) => s !== '' && s !== '.');
  if (segments.includes('..') || segments.length === 0) {
    return {
      relativePath: DEFAULT_CAMPAIGN_FILE,
      warning: `campaign.file must stay inside the workspace folder ("${setting}" does not); using ${DEFAULT_CAMPAIGN_FILE}.`,
    };
  }
  return { relativePath: segments.join('/') };
}
