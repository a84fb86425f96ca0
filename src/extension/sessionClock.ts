// Pure (no `vscode`): how long the active session has run, how that reads in
// the status bar, and when it is time to remind the person to hand off. Kept
// apart from the status bar item so the rules are unit-tested in plain Node.
import type { ActiveSession } from '../core/model/model';
import { formatElapsed, localDay, parseTimestamp, relativeTime, type Timestamp } from '../core/model/timeFormat';

/** When the active session started (`active_session.started`), read by the one date reader. */
export type SessionStart = Timestamp;

/** Reads `active_session.started`; undefined when it is not a date. */
export function parseStarted(started: string): SessionStart | undefined {
  return parseTimestamp(started);
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
  if (!start.hasTime) return `$(target) ${focus} · since ${relativeTime(start, now)}`;
  return `$(target) ${focus} · ${formatElapsed(now.getTime() - start.at.getTime())}`;
}

/** Milliseconds until the next whole minute, so the elapsed time ticks over on time. */
export function msUntilNextMinute(now: Date): number {
  return 60_000 - (now.getTime() % 60_000);
}
