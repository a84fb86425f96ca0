// Memory: RSS of a fresh process loading the 5 MB campaign, before, after
// (with the loaded document kept alive, after a full GC) and at its peak,
// next to the naive yaml.parse of the same file.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { campaignOfSize } from './corpus';

export interface MemoryResult {
  mode: 'campaign' | 'naive';
  bytes: number;
  rssBefore: number;
  rssAfter: number;
  peakRss: number;
  peakBefore: number;
  heapUsedBefore: number;
  heapUsedAfter: number;
  /** Peak RSS above the RSS before the load. */
  peakDelta: number;
  /** RSS still held after the load, with the document alive. */
  retainedDelta: number;
}

export function measureMemory(bytes: number, probe: string, repeats = 3): MemoryResult[] {
  const g = campaignOfSize(bytes);
  const dir = mkdtempSync(join(tmpdir(), 'campaign-bench-mem-'));
  try {
    const file = join(dir, 'campaign.yaml');
    writeFileSync(file, g.text);
    return (['campaign', 'naive'] as const).map((mode) => {
      // A few fresh processes; the median peak is reported.
      const runs = Array.from({ length: repeats }, () => {
        const out = execFileSync(process.execPath, ['--expose-gc', probe, file, mode], { encoding: 'utf8' });
        const r = JSON.parse(out) as Omit<MemoryResult, 'peakDelta' | 'retainedDelta'>;
        return { ...r, mode, peakDelta: r.peakRss - r.rssBefore, retainedDelta: r.rssAfter - r.rssBefore };
      });
      runs.sort((a, b) => a.peakDelta - b.peakDelta);
      return runs[runs.length >> 1]!;
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
