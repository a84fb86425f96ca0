// Words for merge conflicts in views: "Work item w-7k2q — title" for
// `remaining_work[w-7k2q].title`, and a one-line preview of each side's
// value. Pure, so the extension and the CLI describe conflicts the same way.
import { parseConflictPath, type PathSegment } from './conflictPath';

const SECTION_NAMES: Record<string, string> = {
  identity: 'Identity',
  constraints: 'Constraints',
  active_session: 'Active session',
  remaining_work: 'Work item',
  build_log: 'Build-log entry',
  decisions_log: 'Decision',
  handoff_notes: 'Handoff notes',
};

function selectorWords(seg: PathSegment): string {
  if (seg.kind === 'id') return seg.id;
  if (seg.kind === 'text') return `"${seg.text}"`;
  if (seg.kind === 'entry') {
    const [date, title] = JSON.parse(seg.key) as [string, string | null];
    return title ? `${date} "${title}"` : date;
  }
  return seg.key;
}

/** "Work item w-7k2q — title"; the raw path when it does not parse. */
export function conflictLabel(path: string): string {
  let segs: PathSegment[];
  try {
    segs = parseConflictPath(path);
  } catch {
    return path;
  }
  const [first, ...rest] = segs;
  const section = first && first.kind === 'key' ? (SECTION_NAMES[first.key] ?? first.key) : path;
  const selector = rest[0] && rest[0].kind !== 'key' ? ` ${selectorWords(rest.shift()!)}` : '';
  const fields = rest.map(selectorWords).join('.');
  return `${section}${selector}${fields ? ` — ${fields}` : ''}`;
}

/** A side's value on one line: text as is, "(none)" for absent, a mapping's focus/title when it has one. */
export function conflictValuePreview(value: unknown, max = 80): string {
  let s: string;
  if (value === null || value === undefined) s = '(none)';
  else if (typeof value === 'string') s = value;
  else if (typeof value === 'object' && !Array.isArray(value)) {
    const v = value as Record<string, unknown>;
    const name = v.title ?? v.focus ?? v.decision;
    s = name !== undefined ? `${String(name)} ${JSON.stringify(value)}` : JSON.stringify(value);
  } else s = JSON.stringify(value);
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}
