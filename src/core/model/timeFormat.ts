// Pure: the one way the UI (views, status bar, handoff form) reads and shows
// the dates and times in a campaign file. Labels are relative ("just now",
// "5m ago", "today 14:05", "yesterday 19:58", "Dec 3"), tooltips absolute
// ("Dec 3, 2026, 19:58"), elapsed time one format ("1h 05m"). English month
// names and a 24-hour clock, so the output does not depend on the host's
// locale. The primer, the CLI and the MCP server keep their own fixed formats.

export interface Timestamp {
  at: Date;
  /** False for a bare date (`2026-03-21`): there is no time of day to count from. */
  hasTime: boolean;
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * Reads a date as people and tools write it: ISO 8601 with or without an
 * offset (Python's `isoformat()` has none and may carry microseconds), a space
 * instead of the `T`, or a bare date — which is a local calendar day, never
 * UTC midnight (that would show the day before west of Greenwich).
 */
export function parseTimestamp(text: string): Timestamp | undefined {
  const s = text.trim();
  const dateOnly = DATE_ONLY.exec(s);
  if (dateOnly) {
    const [, y, m, d] = dateOnly;
    const at = new Date(Number(y), Number(m) - 1, Number(d));
    return Number.isNaN(at.getTime()) || at.getDate() !== Number(d) ? undefined : { at, hasTime: false };
  }
  if (!/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/.test(s)) return undefined;
  // Date.parse reads at most milliseconds; Python writes microseconds.
  const normalized = s.replace(' ', 'T').replace(/(\.\d{3})\d+/, '$1');
  const ms = Date.parse(normalized);
  return Number.isNaN(ms) ? undefined : { at: new Date(ms), hasTime: true };
}

/** Local calendar day as YYYY-MM-DD. */
export function localDay(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** "19:58", local time. */
export function clockTime(d: Date): string {
  return `${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** "Dec 3", or "Dec 3, 2025" outside the current year. */
function shortDate(d: Date, now: Date): string {
  const md = `${MONTHS[d.getMonth()]} ${d.getDate()}`;
  return d.getFullYear() === now.getFullYear() ? md : `${md}, ${d.getFullYear()}`;
}

/** Whole calendar days from `d` to `now` (0 today, 1 yesterday; negative in the future). */
function daysAgo(d: Date, now: Date): number {
  const a = Date.UTC(d.getFullYear(), d.getMonth(), d.getDate());
  const b = Date.UTC(now.getFullYear(), now.getMonth(), now.getDate());
  return Math.round((b - a) / 86_400_000);
}

/** A label for a tree row or the status bar: "just now", "5m ago", "today 14:05", "yesterday 19:58", "Dec 3". */
export function relativeTime(ts: Timestamp, now: Date): string {
  const days = daysAgo(ts.at, now);
  if (!ts.hasTime) return days === 0 ? 'today' : days === 1 ? 'yesterday' : shortDate(ts.at, now);
  const ms = now.getTime() - ts.at.getTime();
  // A clock a little ahead (another machine wrote the file) still reads "just now".
  if (ms < 60_000 && ms > -120_000) return 'just now';
  if (ms > 0 && ms < 3_600_000) return `${Math.floor(ms / 60_000)}m ago`;
  if (days === 0) return `today ${clockTime(ts.at)}`;
  if (days === 1) return `yesterday ${clockTime(ts.at)}`;
  return shortDate(ts.at, now);
}

/** A tooltip's full form: "Dec 3, 2026, 19:58", or "Dec 3, 2026" for a bare date. */
export function absoluteTime(ts: Timestamp): string {
  const d = ts.at;
  const date = `${MONTHS[d.getMonth()]} ${d.getDate()}, ${d.getFullYear()}`;
  return ts.hasTime ? `${date}, ${clockTime(d)}` : date;
}

/** Relative label for a date string as written in the file; the text itself when it is not a date. */
export function relativeText(text: string, now: Date): string {
  const ts = parseTimestamp(text);
  return ts ? relativeTime(ts, now) : text;
}

/** Absolute form of a date string as written in the file; the text itself when it is not a date. */
export function absoluteText(text: string): string {
  const ts = parseTimestamp(text);
  return ts ? absoluteTime(ts) : text;
}

/** `<1m`, `12m`, `1h 05m`, `3h 00m`, `2d 4h` — the elapsed time everywhere the UI shows one. */
export function formatElapsed(ms: number): string {
  const minutes = Math.floor(Math.max(0, ms) / 60_000);
  if (minutes < 1) return '<1m';
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours}h ${pad(minutes % 60)}m`;
  return `${Math.floor(hours / 24)}d ${hours % 24}h`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
