// Shared helpers for unit tests: fixture files, temp folders, a fixed clock
// and a seeded id source so results are exact.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OperationContext } from '../../src/core/operations/operation';

export const repoRoot = process.env.CAMPAIGN_REPO_ROOT ?? join(__dirname, '..', '..', '..');

export function fixture(name: string): string {
  return readFileSync(join(repoRoot, 'test', 'fixtures', 'campaigns', name), 'utf8');
}

export function tempDir(prefix = 'campaign-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A deterministic byte source: ids come out the same on every run. */
export function seededRandom(seed = 1): (n: number) => Uint8Array {
  let s = seed >>> 0;
  return (n) => {
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
      out[i] = s >>> 24;
    }
    return out;
  };
}

/** Noon local time, so the local date is the same in every time zone. */
export function fixedContext(date = '2026-11-24', seed = 1): OperationContext {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return { now: new Date(y, m - 1, d, 12, 0, 0), random: seededRandom(seed) };
}

export function changedLines(before: string, after: string): { removed: string[]; added: string[] } {
  const a = before.split('\n');
  const b = after.split('\n');
  const count = (xs: string[]) => xs.reduce((m, x) => m.set(x, (m.get(x) ?? 0) + 1), new Map<string, number>());
  const ca = count(a);
  const cb = count(b);
  const removed: string[] = [];
  const added: string[] = [];
  for (const [line, n] of ca) for (let i = 0; i < n - (cb.get(line) ?? 0); i++) removed.push(line);
  for (const [line, n] of cb) for (let i = 0; i < n - (ca.get(line) ?? 0); i++) added.push(line);
  return { removed, added };
}

/** A seeded PRNG of floats in [0, 1) (mulberry32), for generated test corpora. */
export function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
