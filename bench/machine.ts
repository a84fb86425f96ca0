// The machine a run measured: what docs/benchmarks.md prints under the table.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg, totalmem } from 'node:os';

export interface Machine {
  nproc: number;
  cpuModel: string;
  memoryGiB: number;
  node: string;
  platform: string;
  /** 1-minute load average when the run started and ended: other work on the machine skews timings. */
  loadAverage: { start: number; end?: number };
}

function nproc(): number {
  try {
    return Number(execFileSync('nproc', { encoding: 'utf8' }).trim()) || availableParallelism();
  } catch {
    return availableParallelism();
  }
}

function cpuModel(): string {
  try {
    const m = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    if (m) return m[1]!.trim();
  } catch {
    // not Linux
  }
  return 'unknown';
}

export function describeMachine(): Machine {
  return {
    nproc: nproc(),
    cpuModel: cpuModel(),
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    loadAverage: { start: Math.round(loadavg()[0]! * 100) / 100 },
  };
}

export function finishMachine(m: Machine): void {
  m.loadAverage.end = Math.round(loadavg()[0]! * 100) / 100;
}

/** Busy share of all CPUs since the last call, from /proc/stat (undefined off Linux). */
function cpuTimes(): { busy: number; total: number } | undefined {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
    const total = fields.reduce((a, b) => a + b, 0);
    const idle = (fields[3] ?? 0) + (fields[4] ?? 0);
    return { busy: total - idle, total };
  } catch {
    return undefined;
  }
}

/**
 * Waits until the CPUs are mostly idle (under 15 % busy over half a second), at most
 * `maxMs`: what the previous run started (a browser, a code-server and its helpers shutting
 * down) must not be measured as the next run's time. Returns how long it waited.
 */
export async function settle(maxMs = 15_000): Promise<number> {
  const started = Date.now();
  let last = cpuTimes();
  if (!last) return 0;
  while (Date.now() - started < maxMs) {
    await new Promise((r) => setTimeout(r, 500));
    const now = cpuTimes()!;
    const busy = (now.busy - last.busy) / Math.max(1, now.total - last.total);
    last = now;
    if (busy < 0.15) break;
  }
  return Date.now() - started;
}
