// Pure (no `vscode`): how the notification after Copy Session Primer says what
// the token budget left out, in words a person reads ("3 work items, 5
// decisions") rather than the file's section names.

const SECTION_WORDS: Record<string, [singular: string, plural: string]> = {
  remaining_work: ['work item', 'work items'],
  decisions_log: ['decision', 'decisions'],
  build_log: ['build-log entry', 'build-log entries'],
};

/** Undefined when nothing was left out. */
export function omittedSummary(omitted: Readonly<Record<string, number>>): string | undefined {
  const parts = Object.entries(omitted)
    .filter(([, n]) => Number.isFinite(n) && n > 0)
    .map(([section, n]) => {
      const [one, many] = SECTION_WORDS[section] ?? [section.replace(/_/g, ' '), section.replace(/_/g, ' ')];
      return `${n} ${n === 1 ? one : many}`;
    });
  return parts.length ? parts.join(', ') : undefined;
}
