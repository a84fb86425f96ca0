// Job: how fast hostile files are refused. These are the speed targets the
// tests used to assert with wall-clock limits (campaignDocument, hostile,
// fuzzRegressions, fuzzMutations): the tests keep asserting that each input
// is refused with a line and column and leaves the file untouched; the time
// it takes is measured here, on a machine whose load the report names.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CampaignDocument } from '../src/core/document/campaignDocument';
import { CampaignError } from '../src/core/model/problems';
import { summarize, timeSync, type Summary } from './stats';

export interface RefusalRow {
  input: string;
  bytes: number;
  /** How it was read: in this process (CampaignDocument.parse) or by the CLI (`campaign …`, a whole process). */
  via: 'parse' | 'cli';
  /** Wall-clock ms per refusal. */
  wall: Summary;
  targetMs: number;
  /** Every run was a clean refusal (CampaignError with line and column, or CLI exit 1 with FILE:LINE:COL). */
  refused: boolean;
}

/** The time allowed to read a mangled file of `bytes` (fuzzMutations' former per-case budget). */
export const mangledBudgetMs = (bytes: number) => 2_000 + (bytes / 1024) * 40;

function aliasBomb(levels: number): string {
  const bomb = ['version: 1', 'x_a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < levels; i++) bomb.push(`x_${i}: &a${i} [${Array(9).fill(i === 1 ? '*a' : `*a${i - 1}`).join(',')}]`);
  return bomb.join('\n') + '\n';
}

/** The inputs and their targets: each target is the limit a test asserted before. */
function inputs(): { input: string; text: string; targetMs: number }[] {
  // The fuzz's largest mangling (fuzzMutations: 'huge', size 250,000), in each of its shapes.
  const size = 250_000;
  const big = 'x'.repeat(size);
  const huge = (shape: string, line: string) => ({ input: `${shape}, from a ${size.toLocaleString('en-US')}-character value`, text: `version: 1\n${line}\n`, targetMs: mangledBudgetMs(line.length + 12) });
  return [
    { input: 'alias bomb, 9^10 nodes', text: aliasBomb(10), targetMs: 2_000 },
    { input: 'alias bomb, 9^12 nodes', text: aliasBomb(12), targetMs: 2_000 },
    { input: 'nested flow lists, depth 10,000', text: `version: 1\nx_deep: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`, targetMs: 2_000 },
    { input: 'nested flow maps, depth 300', text: `version: 1\nx_deep: ${'{a: '.repeat(300)}1${'}'.repeat(300)}\n`, targetMs: 2_000 },
    { input: 'nested mapping keys, depth 400', text: `version: 1\nx_deep: ${'{'.repeat(400)}${'}'.repeat(400)}\n`, targetMs: 1_000 },
    { input: 'nested block lists, depth 500', text: `version: 1\nx_deep:\n${Array.from({ length: 500 }, (_, i) => `${'  '.repeat(i)}- `).join('\n')}x\n`, targetMs: 2_000 },
    { input: 'complex keys (`? [a, b]`, alias key)', text: '? [a, b]\n: c\nx: &k a\n*k : b\n', targetMs: 1_000 },
    huge('plain value', `x_big: ${big}`),
    huge('quoted value', `x_big: "${big}\\"${big.slice(0, 100)}"`),
    huge('block scalar', `x_big: |\n${`  ${big.slice(0, 80)}\n`.repeat(Math.ceil(size / 80))}`),
    huge('key', `${big}: 1`),
    huge('flow list', `x_big: [${'a, '.repeat(Math.round(size / 12))}b]`),
  ];
}

/** How the core takes `text`: read, refused cleanly (a CampaignError with line and column), or anything else. */
function outcome(text: string): 'read' | 'refused' | 'crash' {
  try {
    CampaignDocument.parse(text);
    return 'read';
  } catch (err) {
    return err instanceof CampaignError && err.problems.length > 0 && err.problems.every((p) => p.line >= 1 && p.column >= 1) ? 'refused' : 'crash';
  }
}

const refusedInProcess = (text: string) => outcome(text) === 'refused';

/** A 50 MB file: the size check comes first, in process and for every CLI command. */
function fiftyMegabytes(): string {
  const line = '  - "a work item someone pasted ten thousand times over, far past any sane size"\n';
  return 'version: 1\nremaining_work:\n' + line.repeat(Math.ceil((50 * 1024 * 1024) / line.length) + 1);
}

export function measureRefusals(cli: string, runs: number, log: (s: string) => void): RefusalRow[] {
  const rows: RefusalRow[] = [];
  for (const { input, text, targetMs } of inputs()) {
    log(`refusals: ${input}`);
    outcome(text); // warm-up
    const samples: number[] = [];
    let refused = true;
    // The huge values may be valid YAML, read rather than refused: for them "refused" means "no crash".
    const readIsFine = input.includes('-character value');
    for (let i = 0; i < runs; i++) {
      const t = timeSync(() => outcome(text));
      samples.push(t.ms);
      refused &&= t.value === 'refused' || (readIsFine && t.value === 'read');
    }
    rows.push({ input, bytes: Buffer.byteLength(text), via: 'parse', wall: summarize(samples), targetMs, refused });
  }

  const huge = fiftyMegabytes();
  log('refusals: 50 MB in process');
  const inProcess = Array.from({ length: runs }, () => timeSync(() => refusedInProcess(huge)));
  rows.push({ input: '50 MB file', bytes: Buffer.byteLength(huge), via: 'parse', wall: summarize(inProcess.map((t) => t.ms)), targetMs: 3_000, refused: inProcess.every((t) => t.value) });

  const dir = mkdtempSync(join(tmpdir(), 'campaign-bench-refusal-'));
  try {
    mkdirSync(join(dir, '.claude'));
    const path = join(dir, '.claude', 'campaign.yaml');
    writeFileSync(path, huge);
    for (const args of [['work', 'add', '--title', 'x'], ['show'], ['validate']]) {
      log(`refusals: 50 MB, campaign ${args[0]}`);
      const samples: number[] = [];
      let refused = true;
      for (let i = 0; i < runs; i++) {
        const t = timeSync(() => spawnSync(process.execPath, [cli, ...args], { cwd: dir, encoding: 'utf8' }));
        samples.push(t.ms);
        refused &&= t.value.status === 1 && /50\.\d MB/.test(t.value.stderr + t.value.stdout);
      }
      rows.push({ input: `50 MB file, \`campaign ${args[0]}\``, bytes: Buffer.byteLength(huge), via: 'cli', wall: summarize(samples), targetMs: 5_000, refused });
    }
    refused50(path, huge, rows);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

/** The CLI must have left the 50 MB file as it was. */
function refused50(path: string, huge: string, rows: RefusalRow[]): void {
  if (readFileSync(path, 'utf8') !== huge) for (const r of rows) if (r.via === 'cli') r.refused = false;
}
