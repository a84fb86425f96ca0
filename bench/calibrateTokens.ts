// Job: `npm run calibrate` — measure the token estimate (src/core/primer/
// tokenEstimate.ts) against the real o200k count (gpt-tokenizer) on the same
// corpora its unit test uses, and print the bound it keeps. Options:
//   --fit     for each tuned number in TOKEN_COSTS, the furthest it can move
//             toward a tighter (lower) estimate with every sample still ≥ 0.9
//             of the real count, the others held: how much room each has
//   --tables  re-derive the two-letter table from o200k and compare it bit for bit
// The figures quoted in docs (docs/architecture.md, the test's header) come from this output.
import fc from 'fast-check';
import { encode } from 'gpt-tokenizer/encoding/o200k_base';
import { estimateTokens, SINGLE_TOKEN_PAIRS, TOKEN_COSTS, type TokenCosts } from '../src/core/primer/tokenEstimate';
import { arbitraryText, CODE, FOREIGN, fixturePrimers, generators, MARKDOWN, PROSE, realFiles, realTokens, windows } from '../test/support/tokenCorpus';

const FLOOR = 0.9;
const PROSE_CEILING = 1.35;

interface Corpus {
  name: string;
  /** English prose or Markdown: held to the aggregate ceiling as well as the floor. */
  prose: boolean;
  samples: { text: string; real: number }[];
}

function corpus(name: string, prose: boolean, texts: string[]): Corpus {
  return { name, prose, samples: texts.map((text) => ({ text, real: realTokens(text) })) };
}

/** The test's corpora (test/unit/tokenEstimate.test.ts), with the real counts computed once. */
function corpora(): Corpus[] {
  const readmes = realFiles('markdown');
  const sources = realFiles('code');
  const out: Corpus[] = [
    corpus('prose', true, [...PROSE, ...PROSE.map((p) => p.split('. ')[0]!), PROSE.join('\n\n')]),
    corpus('markdown', true, [...MARKDOWN, MARKDOWN.join('\n')]),
    corpus('readmeWindows', true, readmes.flatMap((f, i) => [f.text, ...windows(f.text, 100 + i, 40)])),
    corpus('code', false, [...CODE, ...sources.flatMap((f, i) => [f.text, ...windows(f.text, 200 + i, 10)])]),
    corpus('foreign', false, [...FOREIGN, FOREIGN.join(' ')]),
    corpus('primers', true, fixturePrimers()),
  ];
  const bulk = generators(7);
  out.push(corpus('bulk prose', true, Array.from({ length: 200 }, bulk.prose!)));
  out.push(corpus('bulk markdown', true, Array.from({ length: 200 }, bulk.markdown!)));
  for (const [name, g] of Object.entries(generators(20260321))) out.push(corpus(`generated ${name}`, false, Array.from({ length: 150 }, g)));
  const arbitrary = arbitraryText();
  out.push(corpus('fast-check strings', false, fc.sample(arbitrary, { numRuns: 6000, seed: 424242 })));
  return out;
}

interface Measured {
  name: string;
  prose: boolean;
  samples: number;
  min: number;
  aggregate: number;
  worst: string;
}

function measure(all: Corpus[], costs: Readonly<TokenCosts>): Measured[] {
  return all.map((c) => {
    let est = 0;
    let real = 0;
    let min = Infinity;
    let worst = '';
    for (const s of c.samples) {
      const e = estimateTokens(s.text, costs);
      est += e;
      real += s.real;
      if (s.real > 0 && e / s.real < min) {
        min = e / s.real;
        worst = s.text;
      }
    }
    return { name: c.name, prose: c.prose, samples: c.samples.length, min, aggregate: real ? est / real : 1, worst };
  });
}

const floorOf = (m: Measured[]) => Math.min(...m.map((x) => x.min));
const ceilingOf = (m: Measured[]) => Math.max(...m.filter((x) => x.prose).map((x) => x.aggregate));
const f3 = (x: number) => x.toFixed(3);

function report(m: Measured[]): void {
  const width = Math.max(...m.map((x) => x.name.length));
  console.log(`${'corpus'.padEnd(width)}  samples  min ratio  aggregate`);
  for (const x of m) console.log(`${x.name.padEnd(width)}  ${String(x.samples).padStart(7)}  ${f3(x.min).padStart(9)}  ${f3(x.aggregate).padStart(9)}${x.prose ? '  (prose)' : ''}`);
  const floor = floorOf(m);
  const worst = m.find((x) => x.min === floor)!;
  console.log('');
  console.log(`Measured bound against o200k (gpt-tokenizer), ${m.reduce((n, x) => n + x.samples, 0)} samples:`);
  console.log(`  never below ${f3(floor)} of the real count (required ≥ ${FLOOR}); lowest on ${worst.name}: ${JSON.stringify(worst.worst.slice(0, 80))}`);
  console.log(`  at most ${f3(ceilingOf(m))}x in aggregate on English prose, Markdown and primers (required ≤ ${PROSE_CEILING})`);
}

/** Numbers where a larger value gives a lower estimate. */
const LARGER_IS_LOWER = new Set<keyof TokenCosts>(['longWordFrom', 'gibberishShare']);

function fit(all: Corpus[]): void {
  console.log('\n--fit: the furthest each number can move toward a lower estimate with the floor kept (others held)');
  console.log('number                 current   limit     prose ceiling at the limit');
  for (const key of Object.keys(TOKEN_COSTS) as (keyof TokenCosts)[]) {
    const current = TOKEN_COSTS[key];
    const larger = LARGER_IS_LOWER.has(key);
    const integer = key === 'longWordFrom' || key === 'slack';
    const holds = (v: number) => floorOf(measure(all, { ...TOKEN_COSTS, [key]: v })) >= FLOOR;
    // Bisect between the current value (holds) and the extreme (0, or 3x for "larger is lower").
    let good = current;
    let bad = larger ? Math.max(current * 3, current + 4) : 0;
    if (holds(bad)) good = bad;
    else {
      for (let i = 0; i < (integer ? 8 : 12) && Math.abs(bad - good) > (integer ? 1 : 1e-3); i++) {
        const mid = integer ? Math.round((good + bad) / 2) : (good + bad) / 2;
        if (mid === good || mid === bad) break;
        if (holds(mid)) good = mid;
        else bad = mid;
      }
    }
    const ceiling = ceilingOf(measure(all, { ...TOKEN_COSTS, [key]: good }));
    console.log(`${key.padEnd(22)} ${f3(current).padStart(7)}   ${f3(good).padStart(7)}   ${f3(ceiling)}`);
  }
}

function tables(): void {
  const shapes = { lower: (a: string, b: string) => a + b, capitalized: (a: string, b: string) => a.toUpperCase() + b, upper: (a: string, b: string) => (a + b).toUpperCase() };
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  for (const [shape, make] of Object.entries(shapes) as [keyof typeof SINGLE_TOKEN_PAIRS, (a: string, b: string) => string][]) {
    let same = 0;
    let total = 0;
    for (let a = 0; a < 26; a++) {
      for (let b = 0; b < 26; b++) {
        const pair = make(letters[a]!, letters[b]!);
        const single = encode(pair).length === 1 && encode(` ${pair}`).length === 1;
        const index = a * 26 + b;
        const bit = ((SINGLE_TOKEN_PAIRS[shape][index >> 3]! >> (index & 7)) & 1) === 1;
        total++;
        if (bit === single) same++;
      }
    }
    console.log(`two-letter table (${shape}): ${same}/${total} entries as o200k says`);
  }
}

const args = new Set(process.argv.slice(2));
const all = corpora();
report(measure(all, TOKEN_COSTS));
if (args.has('--tables')) {
  console.log('');
  tables();
}
if (args.has('--fit')) fit(all);
