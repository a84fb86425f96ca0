// Small statistics and timing helpers shared by the measurements.

export interface Summary {
  runs: number;
  median: number;
  p95: number;
  min: number;
  max: number;
}

/** The q-quantile (0..1) of sorted samples, nearest-rank. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil(q * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return {
    runs: sorted.length,
    median: round(median, 2),
    p95: round(quantile(sorted, 0.95), 2),
    min: round(sorted[0] ?? NaN, 2),
    max: round(sorted[sorted.length - 1] ?? NaN, 2),
  };
}

export function round(n: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

export interface Timed<T> {
  /** Wall-clock milliseconds. */
  ms: number;
  /** CPU milliseconds of this process (user + system, all threads): less sensitive to other work on the machine. */
  cpuMs: number;
  value: T;
}

/** Wall and CPU time of one call, in milliseconds. */
export async function timeIt<T>(fn: () => T | Promise<T>): Promise<Timed<T>> {
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  const value = await fn();
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const used = process.cpuUsage(cpu);
  return { ms, cpuMs: (used.user + used.system) / 1000, value };
}

export function timeSync<T>(fn: () => T): Timed<T> {
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  const value = fn();
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const used = process.cpuUsage(cpu);
  return { ms, cpuMs: (used.user + used.system) / 1000, value };
}

/** Lines that hold a YAML comment: whole-line `# …` or a trailing ` # …`. */
export function commentLines(text: string): number {
  let n = 0;
  for (const line of text.split('\n')) {
    if (/^\s*#/.test(line) || /\s#\s/.test(stripQuoted(line))) n++;
  }
  return n;
}

function stripQuoted(line: string): string {
  return line.replace(/"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'/g, '""');
}

/** Lines removed plus lines added between two texts (as multisets of lines). */
export function linesChanged(before: string, after: string): { removed: number; added: number } {
  const counts = new Map<string, number>();
  for (const l of before.split('\n')) counts.set(l, (counts.get(l) ?? 0) + 1);
  let added = 0;
  for (const l of after.split('\n')) {
    const c = counts.get(l) ?? 0;
    if (c > 0) counts.set(l, c - 1);
    else added++;
  }
  let removed = 0;
  for (const c of counts.values()) removed += c;
  return { removed, added };
}

export const MB = 1_000_000;

export function formatSize(bytes: number): string {
  if (bytes >= MB) return `${round(bytes / MB, 2)} MB`;
  if (bytes >= 1000) return `${round(bytes / 1000, 1)} KB`;
  return `${bytes} B`;
}
