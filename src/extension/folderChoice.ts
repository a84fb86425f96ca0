// Pure (no `vscode`): which workspace folder a command acts on in a multi-root
// workspace. The folder of the active editor wins; a single eligible folder is
// taken without asking; otherwise the person is asked.

export interface FolderCandidate {
  /** The folder's URI as a string. */
  key: string;
  hasCampaign: boolean;
}

/** Which folders a command can act on: ones with a campaign, ones without (Initialize), or any. */
export type FolderNeed = 'campaign' | 'noCampaign' | 'any';

export type FolderChoice = { kind: 'chosen'; key: string } | { kind: 'ask'; keys: string[] } | { kind: 'none' };

export function chooseFolder(candidates: readonly FolderCandidate[], need: FolderNeed, activeKey?: string): FolderChoice {
  const eligible = candidates.filter((c) =>
    need === 'any' ? true : need === 'campaign' ? c.hasCampaign : !c.hasCampaign,
  );
  if (eligible.length === 0) return { kind: 'none' };
  if (activeKey && eligible.some((c) => c.key === activeKey)) return { kind: 'chosen', key: activeKey };
  if (eligible.length === 1) return { kind: 'chosen', key: eligible[0]!.key };
  return { kind: 'ask', keys: eligible.map((c) => c.key) };
}
