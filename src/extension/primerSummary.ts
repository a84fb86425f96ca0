// Pure (no `vscode`): how the notification after Copy Session Primer says what
// the token budget left out, in words a person reads ("3 work items, 5
// decisions") rather than the file's section names. The core counts
// superseded decisions as omitted (the primer never shows them); they were not
// left out to fit, so they are said apart.

const SECTION_WORDS: Record<string, [singular: string, plural: string]> = {
  remaining_work: ['work item', 'work items'],
  decisions_log: ['decision', 'decisions'],
  build_log: ['build-log entry', 'build-log entries'],
};

/**
 * What the budget left out; undefined when everything fit. `superseded` is how
 * many superseded decisions the campaign has: they are taken out of the
 * decisions count, because they were left out for being superseded.
 */
export function omittedSummary(omitted: Readonly<Record<string, number>>, superseded = 0): string | undefined {
  const toFit = { ...omitted };
  if (toFit.decisions_log !== undefined) toFit.decisions_log = Math.max(0, toFit.decisions_log - superseded);
  const parts = Object.entries(toFit)
    .filter(([, n]) => Number.isFinite(n) && n > 0)
    .map(([section, n]) => {
      const [one, many] = SECTION_WORDS[section] ?? [section.replace(/_/g, ' '), section.replace(/_/g, ' ')];
      return `${n} ${n === 1 ? one : many}`;
    });
  return parts.length ? parts.join(', ') : undefined;
}

/** "1 superseded decision is not included." — undefined when there is none. */
export function supersededNote(superseded: number): string | undefined {
  if (!(superseded > 0)) return undefined;
  return superseded === 1 ? '1 superseded decision is not included.' : `${superseded} superseded decisions are not included.`;
}
