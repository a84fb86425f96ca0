// The CLI as a person runs it: `campaign work add` as a whole process (start
// node, load the bundle, read, parse, validate, splice, write), next to a bare
// `node -e 0` and to the naive script (yaml.parse → push → yaml.stringify →
// write, which loses every comment), interleaved run by run in one go so
// machine noise hits all alike. The same CLI with CAMPAIGN_EDIT_PATH=full
// measures the whole-document fallback.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { repoRoot } from '../test/support/codeServer';
import { campaignOfSize } from './corpus';
import { summarize, type Summary } from './stats';

export interface CliProcessRow {
  label: string;
  bytes: number;
  runs: number;
  nodeBare: Summary;
  cliAdd: Summary;
  cliAddFull: Summary;
  /** The first write to a file, with nothing recorded as validated yet (CAMPAIGN_NO_SECTION_TRUST=1): the whole file is parsed. */
  cliAddWhole: Summary;
  naive: Summary;
  /** Median of cliAdd − median of nodeBare. */
  cliAboveNode: number;
  /** Median of cliAdd ÷ median of naive. */
  ratioToNaive: number;
  ratioToNaiveFull: number;
}

const NAIVE = `const { readFileSync, writeFileSync } = require('node:fs');
const { parse, stringify } = require('yaml');
const path = process.argv[2];
const data = parse(readFileSync(path, 'utf8'));
data.remaining_work.push({ id: 'w-naive', title: process.argv[3], priority: 'medium', status: 'todo', added: '2026-03-21' });
writeFileSync(path, stringify(data));
`;

function wall(args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): number {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed: ${r.stderr || r.stdout}`);
  return ms;
}

/** Puts the original text back, dated in the past so no reader waits for a write to settle. */
function reset(path: string, text: string): void {
  writeFileSync(path, text);
  const past = new Date(Date.now() - 60_000);
  utimesSync(path, past, past);
}

export function measureCliProcess(sizes: { label: string; bytes: number; runs: number }[], log: (s: string) => void): CliProcessRow[] {
  const outDir = join(repoRoot, 'out/bench');
  mkdirSync(outDir, { recursive: true });
  const cli = join(outDir, 'cli.js');
  // The CLI as shipped: the small launcher (dist/cli.js) and the minified bundle it loads
  // through V8's code cache (dist/cli-main.js). The warm-up run makes the cache, as a
  // person's first `campaign` command after an install or update does.
  buildSync({
    entryPoints: { cli: join(repoRoot, 'src/cli/launcher.ts'), 'cli-main': join(repoRoot, 'src/cli/bin.ts') },
    outdir: outDir,
    bundle: true,
    minify: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    define: { CAMPAIGN_VERSION: '"bench"' },
    // As scripts/build.mjs: jsonc-parser's ES module build is the one that bundles.
    alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
    legalComments: 'none',
    logLevel: 'warning',
  });
  const naive = join(outDir, 'naive-add.js');
  writeFileSync(naive, NAIVE);
  const rows: CliProcessRow[] = [];
  for (const size of sizes) {
    const g = campaignOfSize(size.bytes);
    const dir = mkdtempSync(join(tmpdir(), 'campaign-bench-cli-'));
    try {
      mkdirSync(join(dir, '.claude'));
      const path = join(dir, '.claude', 'campaign.yaml');
      const naivePath = join(dir, 'naive.yaml');
      const bare: number[] = [];
      const add: number[] = [];
      const addFull: number[] = [];
      const addWhole: number[] = [];
      const nv: number[] = [];
      log(`cli process ${size.label}: ${size.runs} runs (+1 warm-up)`);
      const fullEnv = { ...process.env, CAMPAIGN_EDIT_PATH: 'full' };
      const wholeEnv = { ...process.env, CAMPAIGN_NO_SECTION_TRUST: '1' };
      for (let i = 0; i <= size.runs; i++) {
        const steps: Array<() => void> = [
          () => {
            const ms = wall(['-e', '0'], dir);
            if (i > 0) bare.push(ms);
          },
          () => {
            reset(path, g.text);
            const ms = wall([cli, 'work', 'add', '--title', `Bench item ${i}`], dir);
            if (i > 0) add.push(ms);
          },
          () => {
            reset(path, g.text);
            const ms = wall([cli, 'work', 'add', '--title', `Bench item ${i}`], dir, fullEnv);
            if (i > 0) addFull.push(ms);
          },
          () => {
            reset(path, g.text);
            const ms = wall([cli, 'work', 'add', '--title', `Bench item ${i}`], dir, wholeEnv);
            if (i > 0) addWhole.push(ms);
          },
          () => {
            reset(naivePath, g.text);
            const ms = wall([naive, naivePath, `Bench item ${i}`], outDir);
            if (i > 0) nv.push(ms);
          },
        ];
        // Rotate the order run by run so slow phases of the machine hit each alike.
        for (let k = 0; k < steps.length; k++) steps[(k + i) % steps.length]!();
      }
      const s = { nodeBare: summarize(bare), cliAdd: summarize(add), cliAddFull: summarize(addFull), cliAddWhole: summarize(addWhole), naive: summarize(nv) };
      rows.push({
        label: size.label,
        bytes: g.bytes,
        runs: size.runs,
        ...s,
        cliAboveNode: Math.round((s.cliAdd.median - s.nodeBare.median) * 10) / 10,
        ratioToNaive: Math.round((s.cliAdd.median / s.naive.median) * 100) / 100,
        ratioToNaiveFull: Math.round((s.cliAddFull.median / s.naive.median) * 100) / 100,
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return rows;
}
