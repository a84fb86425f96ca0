// Pure (no `vscode`): the commit subjects that become prefilled
// accomplishments in the handoff form — commits made since the session
// started, oldest first, without merges or repeats.

/** The part of the git extension's Commit that matters here. */
export interface CommitLike {
  message: string;
  parents?: readonly string[];
  authorDate?: Date;
  commitDate?: Date;
}

/** `commits` in `git log` order (newest first), which also breaks ties between commits made in the same second. */
export function commitSubjectsSince(commits: readonly CommitLike[], since: Date): string[] {
  const picked = commits
    .map((c, order) => ({ c, order }))
    .filter(({ c }) => (c.parents?.length ?? 1) <= 1) // merges record no work of their own
    .map(({ c, order }) => ({ order, when: c.commitDate ?? c.authorDate, subject: c.message.split(/\r?\n/, 1)[0]!.trim() }))
    .filter((c): c is { order: number; when: Date; subject: string } => !!c.when && c.when.getTime() >= since.getTime() && c.subject !== '')
    .sort((a, b) => a.when.getTime() - b.when.getTime() || b.order - a.order);
  return [...new Set(picked.map((c) => c.subject))];
}
