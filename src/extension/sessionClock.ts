// Pure (no `vscode`): how long the active session has run, how that reads in
// the status bar, and when it is time to remind the person to hand off. Kept
// apart from the status bar item so the rules are unit-tested in plain Node.
import type { ActiveSession } from '../core/model/model';

export interface SessionStart {
  at: Date;
  /** False for a bare date (`2026-03-21`): there is no time of day to count from. */
  hasTime: boolean;
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Reads `active_session.started` as people and tools write it: ISO 8601 with
 * or without an offset (Python's `isoformat()` has none and may carry
 * microseconds), a space instead of the `T`, or a bare date.
 */
export function parseStarted(started: string): SessionStart | undefined {
  const s = started.trim();
  const dateOnly = DATE_ONLY.exec(s);
  if (dateOnly) {
    const [, y, m, d] = dateOnly;
    const at = new Date(Number(y), Number(m) - 1, Number(d));
    return Number.isNaN(at.getTime()) ? undefined : { at, hasTime: false };
  }
  // Date.parse reads at most milliseconds; Python writes microseconds.
  const normalized = s.replace(' ', 'T').replace(/(\.\d{3})\d+/, '$1');
  const ms = Date.parse(normalized);
  return Number.isNaN(ms) ? undefined : { at: new Date(ms), hasTime: true };
}

/** `<1m`, `12m`, `1h 12m`, `3h`, `2d 4h` — short enough for the status bar. */
export function formatElapsed(ms: number): string {
  const minutes = Math.floor(Math.max(0, ms) / 60_000);
  if (minutes < 1) return '<1m';
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) {
    const m = minutes % 60;
    return m ? `${hours}h ${m}m` : `${hours}h`;
  }
  const days = Math.floor(hours / 24);
  const h = hours % 24;
  return h ? `${days}d ${h}h` : `${days}d`;
}

/** Local calendar day as YYYY-MM-DD, the way a person reads "started today". */
export function localDay(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

export type ReminderReason = 'long' | 'earlierDay';

/**
 * Whether the session deserves the reminder look: it has run at least
 * `reminderHours` (0 turns that part off), or it began on an earlier day —
 * the usual sign that yesterday's session was never ended with a handoff.
 */
export function reminderReason(start: SessionStart | undefined, now: Date, reminderHours: number): ReminderReason | undefined {
  if (!start) return undefined;
  if (localDay(start.at) < localDay(now)) return 'earlierDay';
  if (start.hasTime && reminderHours > 0 && now.getTime() - start.at.getTime() >= reminderHours * 3_600_000) return 'long';
  return undefined;
}

/** Status bar text shows `$(name)` as an icon; campaign text must not turn into one. */
export function escapeIcons(text: string): string {
  return text.replace(/\$\(/g, '\\$(');
}

export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(1, max - 1)).trimEnd()}…`;
}

export const FOCUS_MAX_CHARS = 40;

/** `$(target) focus · 1h 12m`, or `$(circle-slash) No active session`. */
export function statusBarText(session: ActiveSession | null, now: Date): string {
  if (!session) return '$(circle-slash) No active session';
  const focus = escapeIcons(truncate(session.focus || 'Session', FOCUS_MAX_CHARS));
  const start = parseStarted(session.started);
  if (!start) return `$(target) ${focus}`;
  if (!start.hasTime) return `$(target) ${focus} · since ${localDay(start.at)}`;
  return `$(target) ${focus} · ${formatElapsed(now.getTime() - start.at.getTime())}`;
}

/** Milliseconds until the next whole minute, so the elapsed time ticks over on time. */
export function msUntilNextMinute(now: Date): number {
  return 60_000 - (now.getTime() % 60_000);
}
