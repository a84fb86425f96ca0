// Job: a big campaign file's text without its long sections (the build log
// and the decisions), cut out by a line scan, no YAML parse. The extension
// parses this small text first so Remaining Work shows while the whole file
// is still being parsed; the whole parse always follows and replaces it.
// The scan gives up (undefined) on anything it cannot cut safely: a line at
// column 0 that is not a plain `key:`, a `- ` item, a comment or a blank line
// (document markers, directives, flow or quoted text continuing at column 0,
// tabs), a repeated key, or too little to gain.

/** The sections a preview leaves out: they hold most of a long-lived file's bytes. */
export const LONG_SECTIONS: readonly string[] = ['build_log', 'decisions_log'];

/** Below this many bytes left out, a second parse costs more than it saves. */
export const MIN_PREVIEW_SAVING = 32 * 1024;

const TOP_LEVEL_KEY = /^([A-Za-z_][\w-]*):(?:[ \t]|\r?\n|\r?$)/;

/**
 * `text` without the top-level sections named in `leaveOut`, or undefined
 * when a line scan cannot cut them out safely or they are under `minSaving`
 * characters.
 */
export function previewText(text: string, leaveOut: readonly string[] = LONG_SECTIONS, minSaving = MIN_PREVIEW_SAVING): string | undefined {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const kept: string[] = [];
  const seen = new Set<string>();
  let skipping = false;
  let left = 0;
  let inSection = false;
  for (let start = 0; start < body.length; ) {
    const nl = body.indexOf('\n', start);
    const end = nl < 0 ? body.length : nl + 1;
    const line = body.slice(start, end);
    start = end;
    const first = line[0];
    if (first === ' ' || first === '\n' || first === '\r' || first === '#') {
      // Indented content, a blank line or a comment: it belongs to the section above.
    } else if (first === '-' && (line[1] === ' ' || line[1] === '\n' || line[1] === '\r' || line.length === 1)) {
      // An item of a list written at column 0 under its key (`key:` then `- item`).
      if (!inSection) return undefined;
    } else {
      const key = TOP_LEVEL_KEY.exec(line)?.[1];
      if (!key || seen.has(key)) return undefined;
      seen.add(key);
      inSection = true;
      skipping = leaveOut.includes(key);
    }
    if (skipping) left += line.length;
    else kept.push(line);
  }
  return left >= minSaving ? kept.join('') : undefined;
}
