// Job: where each top-level section of a campaign file starts and ends, by a
// line scan (no YAML parse). A section runs from its `key:` line to the next
// one (with the comment and blank lines in between). The scan gives up (undefined) on anything it cannot place
// safely: a line at column 0 that is not a plain `key:`, a `- ` item of a
// list written flush with its key, a comment or a blank line (document
// markers, directives, flow or quoted text continuing at column 0, tabs,
// quoted or explicit keys), a list item before any key, or a repeated key.

export interface TopLevelSection {
  key: string;
  /** Offset of its key line. */
  start: number;
  /** Offset of the next key line (the text's end for the last section). */
  next: number;
}

const TOP_LEVEL_KEY = /^([A-Za-z_][\w-]*):(?:[ \t]|\r?\n|\r?$)/;

/** The top-level sections of `text` in order, or undefined when a line scan cannot tell them apart safely. */
export function topLevelSections(text: string): TopLevelSection[] | undefined {
  const sections: TopLevelSection[] = [];
  const seen = new Set<string>();
  let current: TopLevelSection | undefined;
  let start = text.startsWith('\uFEFF') ? 1 : 0;
  while (start < text.length) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl + 1;
    const first = text[start];
    const second = text[start + 1];
    if (first === '\n' || first === '\r' || first === '#' || first === ' ') {
      // A blank line, a comment, or indented content: it stays with the section above.
    } else if (first === '-' && (second === ' ' || second === '\n' || second === '\r' || start + 1 === text.length)) {
      // An item of a list written at column 0 under its key.
      if (!current) return undefined;
    } else {
      const key = TOP_LEVEL_KEY.exec(text.slice(start, Math.min(end, start + 200)))?.[1];
      if (!key || seen.has(key)) return undefined;
      seen.add(key);
      if (current) current.next = start;
      current = { key, start, next: text.length };
      sections.push(current);
    }
    start = end;
  }
  return sections;
}
