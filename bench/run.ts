// `npm run bench`: every measurement in one run, printed as Markdown and kept
// in bench/results.json and docs/benchmarks.md (the README's table).
// Options: --quick (few runs, no extension, nothing written; for trying the
// bench out), --skip-extension, --no-write, --only=a,b (measure only these
// parts — context, edit, cli, primer, refusals, memory, extension — and keep the other
// figures of bench/results.json, marked with the run they come from).
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_PRIMER_BUDGET } from '../src/core/primer/primer';
import { measureContextEfficiency } from './contextEfficiency';
import { measureCliProcess } from './cliProcess';
import { measureEditLatency, type SizeSpec } from './editLatency';
import { measureExtension, type ExtensionResult } from './extension';
import { describeMachine, finishMachine } from './machine';
import { measureMemory } from './memory';
import { measurePrimerRender } from './primerRender';
import { measureRefusals } from './refusals';
import { checkTargets, renderMarkdown, type BenchResults } from './report';
import { repoRoot } from '../test/support/codeServer';

const args = new Set(process.argv.slice(2));
const quick = args.has('--quick');
const write = !quick && !args.has('--no-write');
const skipExtension = quick || args.has('--skip-extension');
const onlyArg = [...args].find((a) => a.startsWith('--only='));
const only = onlyArg ? new Set(onlyArg.slice('--only='.length).split(',')) : undefined;
const wanted = (part: string) => !only || only.has(part);

const ENTRY_COUNTS = [10, 100, 300, 1000, 5000];
const SIZES: SizeSpec[] = quick
  ? [
      { label: '100 KB', bytes: 100_000, runs: 5, warmups: 3 },
      { label: '1 MB', bytes: 1_000_000, runs: 3, warmups: 1 },
      { label: '5 MB', bytes: 5_000_000, runs: 2, warmups: 1 },
    ]
  : [
      { label: '100 KB', bytes: 100_000, runs: 15, warmups: 5 },
      { label: '1 MB', bytes: 1_000_000, runs: 9, warmups: 2 },
      { label: '5 MB', bytes: 5_000_000, runs: 5, warmups: 1 },
    ];
const CLI_SIZES = quick
  ? [
      { label: '30 KB', bytes: 30_000, runs: 3 },
      { label: '1 MB', bytes: 1_000_000, runs: 3 },
    ]
  : [
      { label: '30 KB', bytes: 30_000, runs: 9 },
      { label: '1 MB', bytes: 1_000_000, runs: 7 },
    ];

const log = (s: string) => process.stderr.write(`[bench] ${s}\n`);

async function main(): Promise<void> {
  const started = Date.now();
  const machine = describeMachine();

  const previous: Partial<BenchResults> =
    only && existsSync(join(repoRoot, 'bench/results.json')) ? (JSON.parse(readFileSync(join(repoRoot, 'bench/results.json'), 'utf8')) as BenchResults) : {};
  const carried: string[] = [];
  const now = new Date().toISOString();
  // When each part was measured: this run, or the run a carried-over part comes from.
  const measuredAt: Record<string, string> = {};
  const keep = <K extends keyof BenchResults>(key: K, part: string): BenchResults[K] | undefined => {
    if (previous[key] === undefined) return undefined;
    carried.push(part);
    measuredAt[part] = previous.measuredAt?.[part] ?? previous.generatedAt ?? 'an earlier run';
    const load = previous.loadDuring?.[part] ?? previous.machine?.loadAverage;
    if (load) loadDuring[part] = load;
    return previous[key] as BenchResults[K];
  };
  const loadDuring: Record<string, { start: number; end?: number }> = {};
  for (const part of ['context', 'edit', 'cli', 'primer', 'refusals', 'memory', 'extension']) if (wanted(part)) measuredAt[part] = now;

  let contextEfficiency: BenchResults['contextEfficiency'];
  if (wanted('context')) {
    log('context efficiency');
    contextEfficiency = measureContextEfficiency(ENTRY_COUNTS, undefined);
  } else contextEfficiency = keep('contextEfficiency', 'context') ?? [];
  const primerBudget = contextEfficiency[0]?.budget ?? DEFAULT_PRIMER_BUDGET;

  let editLatency: BenchResults['editLatency'];
  if (wanted('edit')) {
    log('edit latency');
    editLatency = await measureEditLatency(SIZES, log);
  } else editLatency = keep('editLatency', 'edit') ?? [];

  let cliProcess: BenchResults['cliProcess'];
  if (wanted('cli')) {
    log('cli process');
    cliProcess = measureCliProcess(CLI_SIZES, log);
  } else cliProcess = keep('cliProcess', 'cli');

  let primerRender: BenchResults['primerRender'];
  if (wanted('primer')) {
    log('primer render');
    primerRender = measurePrimerRender(SIZES, undefined);
  } else primerRender = keep('primerRender', 'primer') ?? [];

  let memory: BenchResults['memory'];
  if (wanted('memory')) {
    log('memory (5 MB, child processes)');
    memory = measureMemory(5_000_000, join(__dirname, 'memoryProbe.js'));
  } else memory = keep('memory', 'memory') ?? [];

  let refusals: BenchResults['refusals'];
  if (wanted('refusals')) {
    log('refusals of hostile files');
    refusals = measureRefusals(join(repoRoot, 'dist', 'cli.js'), quick ? 2 : 5, log);
  } else refusals = keep('refusals', 'refusals') ?? [];

  let extension: ExtensionResult | undefined;
  let extensionNote: string | undefined;
  if (!wanted('extension')) {
    extension = keep('extension', 'extension');
    extensionNote = previous.extensionNote;
  } else if (skipExtension) {
    extensionNote = quick ? 'skipped with --quick' : 'skipped with --skip-extension';
  } else {
    extension = await measureExtension(log);
  }

  finishMachine(machine);
  for (const part of Object.keys(measuredAt)) if (measuredAt[part] === now) loadDuring[part] = machine.loadAverage;
  const partial: Omit<BenchResults, 'targets'> = {
    generatedAt: now,
    machine,
    totalSeconds: (Date.now() - started) / 1000,
    primerBudget,
    contextEfficiency,
    editLatency,
    ...(cliProcess ? { cliProcess } : {}),
    primerRender,
    memory,
    refusals,
    ...(extension ? { extension } : {}),
    ...(extensionNote ? { extensionNote } : {}),
    measuredAt,
    loadDuring,
    ...(carried.length ? { carriedOver: { parts: carried, from: previous.generatedAt ?? 'an earlier run' } } : {}),
  };
  const results: BenchResults = { ...partial, targets: checkTargets(partial) };
  const markdown = renderMarkdown(results);
  process.stdout.write(`${markdown}\n`);
  if (write) {
    const json = join(repoRoot, 'bench/results.json');
    writeFileSync(`${json}.tmp`, `${JSON.stringify(results, null, 2)}\n`);
    renameSync(`${json}.tmp`, json);
    writeFileSync(join(repoRoot, 'docs/benchmarks.md'), docsPage(markdown));
    writeReadmeSection(markdown);
    log('wrote bench/results.json, docs/benchmarks.md and the README\'s benchmark section');
  }
  log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/** The README's tables are this run's output too: between its bench markers, one heading level down. */
function writeReadmeSection(markdown: string): void {
  const path = join(repoRoot, 'README.md');
  const readme = readFileSync(path, 'utf8');
  const start = readme.indexOf('<!-- bench:start');
  const end = readme.indexOf('<!-- bench:end -->');
  if (start < 0 || end < start) return;
  const open = readme.indexOf('\n', start) + 1;
  writeFileSync(path, `${readme.slice(0, open)}${markdown.replace(/^### /gm, '#### ')}\n${readme.slice(end)}`);
}

function docsPage(markdown: string): string {
  return `# Benchmarks

The latest figures of \`npm run bench\` (written by the run itself, with \`bench/results.json\`).
The campaigns are synthetic and seeded (\`bench/generateCampaign.ts\`): hand-written style,
realistic sentences and YAML comments, N build-log entries and N decisions, and remaining work in
proportion (6 + N/50 items, one in five high priority). Timings are wall-clock on the machine named
at the end; other work on it shows in the load average and in the p95 column. Benchmarks never run
inside \`npm test\`, which only checks that the generator is deterministic and valid.

## Latest run

${markdown}
`;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
