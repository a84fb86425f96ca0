// Job: where the campaign file lives in a project, stated once for every front
// (the CLI looks for it, the extension's `campaign.file` setting defaults to it,
// the primer and the git merge setup name it).

/** The campaign file relative to the project folder, with `/` separators (join() turns them into the platform's). */
export const CAMPAIGN_RELATIVE_PATH = '.claude/campaign.yaml';
