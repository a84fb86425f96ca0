// Edit latency on big campaigns: load + validate, and one named operation
// (work.add) end to end through applyToFile — lock, parse, apply, splice and
// section check (docs/edit-path.md),
// hash guard, atomic write — next to the naive way (yaml.parse → push →
// yaml.stringify → writeFileSync), in the same run, interleaved, so machine
// noise hits both alike. Also what each does to the file: comment lines kept
// and lines changed.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as yamlParse, stringify as yamlStringify } from 'yaml';
import { applyToFile, atomicWrite, hashText, loadCampaign } from '../src/core/file/campaignFile';
import { addWork } from '../src/core/operations/workOps';
import type { OperationContext } from '../src/core/operations/operation';
import { campaignOfSize } from './corpus';
import { commentLines, linesChanged, MB, round, summarize, timeIt, timeSync, type Summary } from './stats';

export interface SizeSpec {
  label: string;
  bytes: number;
  runs: number;
  /** Untimed runs first, so the JIT has compiled the hot paths. */
  warmups: number;
}

export interface EditLatencyRow {
  label: string;
  bytes: number;
  entries: number;
  runs: number;
  load: Summary;
  naiveLoad: Summary;
  operation: Summary;
  /** CPU time of the same runs (this process, all threads). */
  operationCpu: Summary;
  naiveOperation: Summary;
  naiveOperationCpu: Summary;
  /** Median milliseconds per MB of file, for the growth check. */
  operationMsPerMB: number;
  operationCpuMsPerMB: number;
  loadMsPerMB: number;
  commentLines: number;
  commentLinesAfter: number;
  naiveCommentLinesAfter: number;
  linesChanged: { removed: number; added: number };
  naiveLinesChanged: { removed: number; added: number };
  /** Median of each step of the operation, measured separately (same steps as applyToFile). */
  phases: Record<string, number>;
}

function seeded(seed: number): (n: number) => Uint8Array {
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

const NOW = new Date(2026, 2, 21, 12, 0, 0);
const newItem = (i: number) => ({ title: `Benchmark work item ${i}`, priority: 'medium' as const, notes: 'Added by the edit-latency benchmark' });

/** The naive edit: what a script without Campaign would do. */
function naiveAdd(path: string, i: number): string {
  const data = yamlParse(readFileSync(path, 'utf8')) as { remaining_work: unknown[] };
  const item = newItem(i);
  data.remaining_work.push({ id: `w-bench${i}`, title: item.title, priority: item.priority, status: 'todo', notes: item.notes, added: '2026-03-21' });
  const text = yamlStringify(data);
  writeFileSync(path, text);
  return text;
}

export async function measureEditLatency(sizes: readonly SizeSpec[], log: (s: string) => void = () => undefined): Promise<EditLatencyRow[]> {
  const rows: EditLatencyRow[] = [];
  for (const size of sizes) {
    const g = campaignOfSize(size.bytes);
    const dir = mkdtempSync(join(tmpdir(), 'campaign-bench-'));
    try {
      mkdirSync(join(dir, '.claude'));
      const path = join(dir, '.claude', 'campaign.yaml');
      const naivePath = join(dir, 'naive.yaml');
      writeFileSync(path, g.text);
      writeFileSync(naivePath, g.text);
      const load: number[] = [];
      const naiveLoad: number[] = [];
      const op: number[] = [];
      const opCpu: number[] = [];
      const naiveOp: number[] = [];
      const naiveOpCpu: number[] = [];
      let lastText = g.text;
      let lastNaive = g.text;
      const warmups = size.warmups;
      log(`edit latency ${size.label}: ${g.bytes} bytes, ${g.entries} entries, ${size.runs} runs`);
      for (let i = 0; i < warmups + size.runs; i++) {
        const timed = i >= warmups;
        const campaignStep = async () => {
          writeFileSync(path, g.text);
          const l = await timeIt(() => loadCampaign(path));
          const ctx: Partial<OperationContext> = { now: NOW, random: seeded(i + 1) };
          const r = await timeIt(() => applyToFile(path, addWork(newItem(i)), { root: dir, ...ctx }));
          if (!r.value.changed) throw new Error('work.add changed nothing');
          lastText = r.value.text;
          if (timed) {
            load.push(l.ms);
            op.push(r.ms);
            opCpu.push(r.cpuMs);
          }
        };
        const naiveStep = async () => {
          writeFileSync(naivePath, g.text);
          const l = timeSync(() => yamlParse(readFileSync(naivePath, 'utf8')));
          const r = timeSync(() => naiveAdd(naivePath, i));
          lastNaive = r.value;
          if (timed) {
            naiveLoad.push(l.ms);
            naiveOp.push(r.ms);
            naiveOpCpu.push(r.cpuMs);
          }
        };
        // Alternate the order so slow phases of the machine hit both alike.
        if (i % 2 === 0) {
          await campaignStep();
          await naiveStep();
        } else {
          await naiveStep();
          await campaignStep();
        }
      }
      const phases = await measurePhases(path, g.text, Math.min(size.runs, 10));
      const opSummary = summarize(op);
      const opCpuSummary = summarize(opCpu);
      const loadSummary = summarize(load);
      rows.push({
        label: size.label,
        bytes: g.bytes,
        entries: g.entries,
        runs: size.runs,
        load: loadSummary,
        naiveLoad: summarize(naiveLoad),
        operation: opSummary,
        operationCpu: opCpuSummary,
        naiveOperation: summarize(naiveOp),
        naiveOperationCpu: summarize(naiveOpCpu),
        operationMsPerMB: round(opSummary.median / (g.bytes / MB), 1),
        operationCpuMsPerMB: round(opCpuSummary.median / (g.bytes / MB), 1),
        loadMsPerMB: round(loadSummary.median / (g.bytes / MB), 1),
        commentLines: commentLines(g.text),
        commentLinesAfter: commentLines(lastText),
        naiveCommentLinesAfter: commentLines(lastNaive),
        linesChanged: linesChanged(g.text, lastText),
        naiveLinesChanged: linesChanged(g.text, lastNaive),
        phases,
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return rows;
}

/**
 * The steps of applyToFile timed one by one (the same calls, without the lock
 * and the retry loop), to show where an operation's time goes.
 */
async function measurePhases(path: string, original: string, runs: number): Promise<Record<string, number>> {
  const samples = new Map<string, number[]>();
  const add = (k: string, ms: number) => samples.set(k, [...(samples.get(k) ?? []), ms]);
  for (let i = 0; i < runs + 1; i++) {
    writeFileSync(path, original);
    const read = await timeIt(() => loadCampaign(path));
    const doc = read.value.doc;
    const apply = timeSync(() => doc.apply(addWork(newItem(i)), { now: NOW, random: seeded(i + 1) }));
    const model = timeSync(() => doc.model);
    const text = timeSync(() => doc.toString());
    const readBack = timeSync(() => doc.assertReadsBack(text.value));
    const write = await timeIt(async () => {
      if (hashText(readFileSync(path)) !== read.value.hash) throw new Error('file changed');
      await atomicWrite(path, text.value);
    });
    if (i === 0) continue; // warm-up
    add('loadCampaign: read, parse, validate', read.ms);
    add('doc.apply (work.add): edit, re-validate the section, splice, re-parse the section', apply.ms);
    add('doc.model (already current)', model.ms);
    add('doc.toString (already spliced)', text.ms);
    add('doc.assertReadsBack', readBack.ms);
    add('hash guard + atomic write', write.ms);
  }
  return Object.fromEntries([...samples].map(([k, v]) => [k, summarize(v).median]));
}
