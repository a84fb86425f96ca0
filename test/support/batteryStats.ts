// Counts from the reliability battery (cases tried, time taken). Each test
// prints them as a diagnostic; with CAMPAIGN_BATTERY_STATS=FILE they are also
// appended to FILE as JSON lines, which docs/testing-battery.md is built from.
import { appendFileSync } from 'node:fs';

export function recordBattery(name: string, stats: Record<string, number | string>): void {
  const file = process.env.CAMPAIGN_BATTERY_STATS;
  if (!file) return;
  appendFileSync(file, `${JSON.stringify({ name, ...stats, at: new Date().toISOString() })}\n`);
}
