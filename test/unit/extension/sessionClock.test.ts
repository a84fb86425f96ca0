// The status bar's clock rules: reading `started`, elapsed formatting, the
// reminder (long session or earlier day) and the status bar text.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  escapeIcons,
  msUntilNextMinute,
  parseStarted,
  reminderReason,
  statusBarText,
  truncate,
} from '../../../src/extension/sessionClock';

const local = (y: number, m: number, d: number, h = 0, min = 0) => new Date(y, m - 1, d, h, min);

describe('parseStarted', () => {
  it('reads ISO 8601 with an offset', () => {
    const s = parseStarted('2026-03-21T09:14:00+01:00');
    assert.equal(s?.hasTime, true);
    assert.equal(s?.at.toISOString(), '2026-03-21T08:14:00.000Z');
  });
  it('reads Python isoformat() (no offset, microseconds) as local time', () => {
    const s = parseStarted('2026-03-21T09:14:05.123456');
    assert.equal(s?.hasTime, true);
    assert.deepEqual([s!.at.getHours(), s!.at.getMinutes(), s!.at.getSeconds(), s!.at.getMilliseconds()], [9, 14, 5, 123]);
  });
  it('reads a space instead of the T', () => {
    assert.equal(parseStarted('2026-03-21 09:14')?.at.getHours(), 9);
  });
  it('reads a bare date as local midnight without a time', () => {
    const s = parseStarted('2026-03-21');
    assert.equal(s?.hasTime, false);
    assert.equal(s!.at.getTime(), local(2026, 3, 21).getTime());
  });
  it('gives up on text that is not a date', () => {
    assert.equal(parseStarted('yesterday-ish'), undefined);
    assert.equal(parseStarted(''), undefined);
  });
});

describe('reminderReason', () => {
  const now = local(2026, 3, 21, 15, 0);
  it('is quiet for a short session started today', () => {
    assert.equal(reminderReason(parseStarted('2026-03-21T13:30:00'), now, 4), undefined);
  });
  it('reminds after reminderHours', () => {
    assert.equal(reminderReason({ at: local(2026, 3, 21, 10, 59), hasTime: true }, now, 4), 'long');
    assert.equal(reminderReason({ at: local(2026, 3, 21, 11, 0), hasTime: true }, now, 4), 'long');
    assert.equal(reminderReason({ at: local(2026, 3, 21, 11, 1), hasTime: true }, now, 4), undefined);
  });
  it('treats 0 hours as off', () => {
    assert.equal(reminderReason({ at: local(2026, 3, 21, 1, 0), hasTime: true }, now, 0), undefined);
  });
  it('reminds when the session began on an earlier day, even minutes ago', () => {
    const justAfterMidnight = local(2026, 3, 22, 0, 5);
    assert.equal(reminderReason({ at: local(2026, 3, 21, 23, 55), hasTime: true }, justAfterMidnight, 4), 'earlierDay');
    assert.equal(reminderReason(parseStarted('2026-03-20'), now, 0), 'earlierDay');
  });
  it('is quiet without a start', () => {
    assert.equal(reminderReason(undefined, now, 4), undefined);
  });
});

describe('statusBarText', () => {
  const now = local(2026, 3, 21, 10, 26);
  const session = (focus: string, started: string) => ({ focus, started, blockers: [] });
  it('shows focus and elapsed time', () => {
    assert.equal(statusBarText(session('Password reset', '2026-03-21T09:14:00'), now), '$(target) Password reset · 1h 12m');
  });
  it('shows the day when only a date was recorded', () => {
    assert.equal(statusBarText(session('Docs', '2026-03-20'), now), '$(target) Docs · since yesterday');
    assert.equal(statusBarText(session('Docs', '2026-03-02'), now), '$(target) Docs · since Mar 2');
  });
  it('shows just the focus when the start is unreadable', () => {
    assert.equal(statusBarText(session('Docs', 'soon'), now), '$(target) Docs');
  });
  it('says so when there is no session', () => {
    assert.equal(statusBarText(null, now), '$(circle-slash) No active session');
  });
  it('truncates long focus text and keeps campaign text from becoming icons', () => {
    const text = statusBarText(session('$(bug) ' + 'x'.repeat(80), '2026-03-21T10:00:00'), now);
    assert.ok(text.startsWith('$(target) \\$(bug) xxx'));
    assert.ok(text.includes('…'));
    assert.ok(text.endsWith(' · 26m'));
  });
});

describe('small helpers', () => {
  it('escapeIcons escapes every $( sequence', () => {
    assert.equal(escapeIcons('$(a) and $(b)'), '\\$(a) and \\$(b)');
  });
  it('truncate keeps short text and ends long text with an ellipsis', () => {
    assert.equal(truncate('short', 10), 'short');
    assert.equal(truncate('a long sentence here', 8), 'a long…');
  });
  it('msUntilNextMinute lands on the next whole minute', () => {
    assert.equal(msUntilNextMinute(new Date(Date.UTC(2026, 0, 1, 0, 0, 59, 500))), 500);
    assert.equal(msUntilNextMinute(new Date(Date.UTC(2026, 0, 1, 0, 1, 0, 0))), 60_000);
  });
});
