// Child process for the memory measurement (run with --expose-gc): loads one
// campaign file the Campaign way (read + parse + validate + model) or the
// naive way (yaml.parse), and prints RSS before and after, and the peak.
// A process of its own, so nothing else the benchmark did is in the figures.
import { readFileSync } from 'node:fs';
import { parse as yamlParse } from 'yaml';
import { CampaignDocument } from '../src/core/document/campaignDocument';

const [file, mode] = process.argv.slice(2);
const gc = (globalThis as { gc?: () => void }).gc;
if (!file || !gc) {
  console.error('usage: node --expose-gc memoryProbe.js FILE campaign|naive');
  process.exit(2);
}
// Warm the code paths on a tiny document so lazy compilation is not counted as the load.
CampaignDocument.parse('version: 1\n').model;
yamlParse('a: 1\n');
gc();
gc();
const before = process.memoryUsage();
const peakBefore = process.resourceUsage().maxRSS * 1024;
const text = readFileSync(file, 'utf8');
let kept: unknown;
if (mode === 'naive') {
  kept = yamlParse(text);
} else {
  const doc = CampaignDocument.parse(text);
  kept = [doc, doc.model];
}
const peak = process.resourceUsage().maxRSS * 1024;
gc();
gc();
const after = process.memoryUsage();
process.stdout.write(
  JSON.stringify({
    mode: mode ?? 'campaign',
    bytes: Buffer.byteLength(text),
    rssBefore: before.rss,
    rssAfter: after.rss,
    peakRss: peak,
    peakBefore,
    heapUsedBefore: before.heapUsed,
    heapUsedAfter: after.heapUsed,
    retained: kept !== undefined,
  }),
);
