// Job: a big campaign file's text without its long sections (the build log
// and the decisions), cut out by a line scan (topLevelSections.ts), no YAML
// parse. The extension parses this small text first so Remaining Work shows
// while the whole file is still being parsed; the whole parse always follows
// and replaces it. There is no preview where the scan cannot cut the file
// safely, or where too little would be left out to gain anything.
import { topLevelSections } from './topLevelSections';

/** The sections a preview leaves out: they hold most of a long-lived file's bytes. */
export const LONG_SECTIONS: readonly string[] = ['build_log', 'decisions_log'];

/** Below this many bytes left out, a second parse costs more than it saves. */
export const MIN_PREVIEW_SAVING = 32 * 1024;

/**
 * `text` without the top-level sections named in `leaveOut`, or undefined
 * when a line scan cannot cut them out safely or they are under `minSaving`
 * characters.
 */
export function previewText(text: string, leaveOut: readonly string[] = LONG_SECTIONS, minSaving = MIN_PREVIEW_SAVING): string | undefined {
  const sections = topLevelSections(text);
  if (!sections) return undefined;
  const body = text.startsWith('\uFEFF') ? 1 : 0;
  let kept = text.slice(body, sections[0]?.start ?? text.length);
  let left = 0;
  for (const s of sections) {
    // A section's text with the comment and blank lines that lead to the next key.
    const whole = text.slice(s.start, s.next);
    if (leaveOut.includes(s.key)) left += whole.length;
    else kept += whole;
  }
  return left >= minSaving ? kept : undefined;
}
