// `npm run bench`: every measurement in one run, printed as Markdown and kept
// in bench/results.json and docs/benchmarks.md (the README's table).
// Options: --quick (few runs, no extension, nothing written; for trying the
// bench out), --skip-extension, --no-write.
import { renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_PRIMER_BUDGET } from '../src/core/primer/primer';
import { measureContextEfficiency } from './contextEfficiency';
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

const ENTRY_COUNTS = [10, 100, 300, 1000, 5000];
const SIZES: SizeSpec[] = quick
  ? [
      { label: '100 KB', bytes: 100_000, runs: 5, warmups: 3 },
      { label: '1 MB', bytes: 1_000_000, runs: 3, warmups: 1 },
      { label: '5 MB', bytes: 5_000_000, runs: 2, warmups: 1 },
    ]
  : [
      { label: '100 KB', bytes: 100_000, runs: 30, warmups: 10 },
      { label: '1 MB', bytes: 1_000_000, runs: 20, warmups: 4 },
      { label: '5 MB', bytes: 5_000_000, runs: 10, warmups: 2 },
    ];

const log = (s: string) => process.stderr.write(`[bench] ${s}\n`);

async function main(): Promise<void> {
  const started = Date.now();
  const machine = describeMachine();

  log('context efficiency');
  const contextEfficiency = measureContextEfficiency(ENTRY_COUNTS, undefined);
  const primerBudget = contextEfficiency[0]?.budget ?? DEFAULT_PRIMER_BUDGET;

  log('edit latency');
  const editLatency = await measureEditLatency(SIZES, log);

  log('primer render');
  const primerRender = measurePrimerRender(SIZES, undefined);

  log('refusals of hostile files');
  const refusals = measureRefusals(join(repoRoot, 'dist', 'cli.js'), quick ? 2 : 5, log);

  log('memory (5 MB, child processes)');
  const memory = measureMemory(5_000_000, join(__dirname, 'memoryProbe.js'));

  let extension: ExtensionResult | undefined;
  let extensionNote: string | undefined;
  if (skipExtension) {
    extensionNote = quick ? 'skipped with --quick' : 'skipped with --skip-extension';
  } else {
    extension = await measureExtension(log);
  }

  finishMachine(machine);
  const partial: Omit<BenchResults, 'targets'> = {
    generatedAt: new Date().toISOString(),
    machine,
    totalSeconds: (Date.now() - started) / 1000,
    primerBudget,
    contextEfficiency,
    editLatency,
    primerRender,
    memory,
    refusals,
    ...(extension ? { extension } : {}),
    ...(extensionNote ? { extensionNote } : {}),
  };
  const results: BenchResults = { ...partial, targets: checkTargets(partial) };
  const markdown = renderMarkdown(results);
  process.stdout.write(`${markdown}\n`);
  if (write) {
    const json = join(repoRoot, 'bench/results.json');
    writeFileSync(`${json}.tmp`, `${JSON.stringify(results, null, 2)}\n`);
    renameSync(`${json}.tmp`, json);
    writeFileSync(join(repoRoot, 'docs/benchmarks.md'), docsPage(markdown));
    log('wrote bench/results.json and docs/benchmarks.md');
  }
  log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
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
