// The one date/time formatter of the UI: reading dates as people write them
// (a bare date is a local day, never UTC midnight), relative labels, absolute
// tooltips and the elapsed format shared by the status bar and the handoff form.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { absoluteText, absoluteTime, formatElapsed, parseTimestamp, relativeText, relativeTime } from '../../src/core/model/timeFormat';

const local = (y: number, m: number, d: number, h = 0, min = 0, s = 0) => new Date(y, m - 1, d, h, min, s);
const at = (d: Date) => ({ at: d, hasTime: true });

describe('parseTimestamp', () => {
  it('reads ISO 8601 with an offset', () => {
    assert.equal(parseTimestamp('2026-03-21T09:14:00+01:00')?.at.toISOString(), '2026-03-21T08:14:00.000Z');
  });
  it('reads Python isoformat() (no offset, microseconds) as local time', () => {
    const s = parseTimestamp('2026-03-21T09:14:05.123456');
    assert.deepEqual([s!.at.getHours(), s!.at.getMinutes(), s!.at.getSeconds(), s!.at.getMilliseconds()], [9, 14, 5, 123]);
  });
  it('reads a space instead of the T', () => {
    assert.equal(parseTimestamp('2026-03-21 09:14')?.at.getHours(), 9);
  });
  it('reads a bare date as that local day, not UTC midnight', () => {
    const s = parseTimestamp('2026-12-01');
    assert.equal(s?.hasTime, false);
    assert.deepEqual([s!.at.getFullYear(), s!.at.getMonth(), s!.at.getDate(), s!.at.getHours()], [2026, 11, 1, 0]);
    assert.equal(absoluteText('2026-12-01'), 'Dec 1, 2026');
  });
  it('gives up on text that is not a date', () => {
    for (const bad of ['yesterday-ish', '', '2026-02-31', '12/01/2026', 'soon']) assert.equal(parseTimestamp(bad), undefined, bad);
  });
});

describe('relativeTime (labels)', () => {
  const now = local(2026, 12, 6, 14, 30);
  it('says "just now" under a minute, also for a clock slightly ahead', () => {
    assert.equal(relativeTime(at(local(2026, 12, 6, 14, 29, 30)), now), 'just now');
    assert.equal(relativeTime(at(local(2026, 12, 6, 14, 31)), now), 'just now');
  });
  it('counts minutes within the hour', () => {
    assert.equal(relativeTime(at(local(2026, 12, 6, 14, 25)), now), '5m ago');
    assert.equal(relativeTime(at(local(2026, 12, 6, 13, 31)), now), '59m ago');
  });
  it('gives the clock time today and yesterday', () => {
    assert.equal(relativeTime(at(local(2026, 12, 6, 9, 5)), now), 'today 09:05');
    assert.equal(relativeTime(at(local(2026, 12, 5, 19, 58)), now), 'yesterday 19:58');
  });
  it('gives the day further back, with the year only outside this one', () => {
    assert.equal(relativeTime(at(local(2026, 12, 3, 8, 0)), now), 'Dec 3');
    assert.equal(relativeTime(at(local(2025, 12, 3, 8, 0)), now), 'Dec 3, 2025');
  });
  it('reads bare dates as days', () => {
    assert.equal(relativeText('2026-12-06', now), 'today');
    assert.equal(relativeText('2026-12-05', now), 'yesterday');
    assert.equal(relativeText('2026-11-30', now), 'Nov 30');
  });
  it('counts calendar days across midnight, not 24-hour spans', () => {
    const justAfterMidnight = local(2026, 12, 6, 0, 10);
    assert.equal(relativeTime(at(local(2026, 12, 5, 22, 0)), justAfterMidnight), 'yesterday 22:00');
  });
  it('leaves text that is not a date as it is', () => {
    assert.equal(relativeText('last week', now), 'last week');
  });
});

describe('absoluteTime (tooltips)', () => {
  it('spells the date and a 24-hour clock time, no ISO and no locale', () => {
    assert.equal(absoluteTime(at(local(2026, 12, 6, 1, 46))), 'Dec 6, 2026, 01:46');
    assert.equal(absoluteText('2026-12-06T01:46:00'), 'Dec 6, 2026, 01:46');
    assert.equal(absoluteText('not a date'), 'not a date');
  });
});

describe('formatElapsed (status bar and handoff form)', () => {
  const min = 60_000;
  it('is one format: minutes, then hours with two-digit minutes, then days', () => {
    assert.equal(formatElapsed(0), '<1m');
    assert.equal(formatElapsed(59_999), '<1m');
    assert.equal(formatElapsed(7 * min), '7m');
    assert.equal(formatElapsed(65 * min), '1h 05m');
    assert.equal(formatElapsed(180 * min), '3h 00m');
    assert.equal(formatElapsed(187 * min), '3h 07m');
    assert.equal(formatElapsed((2 * 24 + 4) * 60 * min), '2d 4h');
  });
  it('never shows a negative time (a clock that moved back)', () => {
    assert.equal(formatElapsed(-5 * min), '<1m');
  });
});
